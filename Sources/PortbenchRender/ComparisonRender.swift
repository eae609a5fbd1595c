import Foundation
import PortbenchSchema

/// Views of a comparison: the verdict headline first, then the notices, the rule and the rows, worst first.
public enum ComparisonRender {
    /// The terminal view: headline, notices, rule, one table per provenance, unmatched cases.
    public static func table(_ doc: ComparisonDocument) -> String {
        var out = [doc.summary.headline]
        out += doc.notices.map { "NOTICE: \($0)" }
        out += [doc.sidesLine] + doc.ruleLines
        for section in ComparisonSection.sections(of: doc) {
            let t = TextTable(
                header: CaseComparison.columns, rows: section.cases.map(\.cells),
                leftAligned: Set(CaseComparison.columns.indices).subtracting(CaseComparison.numericColumns))
            out += ["", section.title, t.render()]
        }
        if !doc.unmatched.isEmpty { out += [""] + doc.unmatchedLines }
        return out.joined(separator: "\n")
    }
}
