import Foundation
import PortbenchSchema

extension ComparisonRender {
    /// Markdown for a GitHub job summary or PR comment: the verdict line first, then notices, rule and tables.
    public static func markdown(_ doc: ComparisonDocument) -> String {
        (["## \(doc.summary.headline)", ""] + markdownBody(doc)).joined(separator: "\n")
    }

    /// Everything after the verdict line; the per-commit report reuses it.
    static func markdownBody(_ doc: ComparisonDocument) -> [String] {
        var out = doc.notices.map { "> **NOTICE:** \(Markdown.cell($0))" }
        if !out.isEmpty { out.append("") }
        out += [Markdown.cell(doc.sidesLine) + "  ", doc.ruleLines.map(Markdown.cell).joined(separator: "  \n"), ""]
        for section in ComparisonSection.sections(of: doc) { out += markdownSection(section) }
        if !doc.unmatched.isEmpty { out += doc.unmatchedLines.map { "- \(Markdown.cell($0))" } + [""] }
        return out
    }

    /// One provenance: moved rows in a table, unchanged rows folded into a `<details>` block.
    static func markdownSection(_ section: ComparisonSection) -> [String] {
        var out = ["### \(section.title)", ""]
        if !section.flagged.isEmpty {
            out +=
                Markdown.table(
                    CaseComparison.columns, section.flagged.map(\.cells), right: CaseComparison.numericColumns) + [""]
        }
        if !section.unchanged.isEmpty {
            out += ["<details><summary>\(section.unchanged.count) unchanged</summary>", ""]
            out += Markdown.table(
                CaseComparison.columns, section.unchanged.map(\.cells), right: CaseComparison.numericColumns)
            out += ["", "</details>", ""]
        }
        return out
    }
}
