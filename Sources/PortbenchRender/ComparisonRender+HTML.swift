import Foundation
import PortbenchSchema

extension ComparisonRender {
    /// One self-contained page: headline, notices, rule, the delta chart and tables; counted and modelled apart.
    public static func html(_ doc: ComparisonDocument) -> String {
        var body = htmlHeader(doc.summary.headline, regressed: doc.summary.regressions > 0, meta: [doc.sidesLine])
        body += htmlNotices(doc)
        let sections = ComparisonSection.sections(of: doc)
        for s in sections where s.provenance == .measured {
            body += ["<h2>\(HTML.escape(s.title))</h2>"] + htmlDelta(doc) + htmlTables(s)
        }
        body += htmlUnmatched(doc)
        body += htmlNotMeasured(sections.filter { $0.provenance != .measured }, extra: [])
        return HTML.page(title: "portbench: \(doc.summary.headline)", body: body)
    }

    /// The page header: the verdict as the title, red when anything regressed, then the metadata lines.
    static func htmlHeader(_ headline: String, regressed: Bool, meta: [String]) -> [String] {
        let cls = regressed ? "headline-regression" : "headline-ok"
        return ["<header>", HTML.element("h1", HTML.escape(headline), class: cls)]
            + meta.map { HTML.element("p", HTML.escape($0), class: "meta") } + ["</header>"]
    }

    /// The loud notices, then the rule as applied.
    static func htmlNotices(_ doc: ComparisonDocument) -> [String] {
        doc.notices.map { HTML.element("div", "NOTICE: " + HTML.escape($0), class: "notice") }
            + [HTML.element("div", doc.ruleLines.map(HTML.escape).joined(separator: "<br>"), class: "rule")]
    }

    /// The delta chart of the measured rows that carry an interval or a ratio.
    static func htmlDelta(_ doc: ComparisonDocument) -> [String] {
        let rows = ComparisonSection.sections(of: doc).filter { $0.provenance == .measured }.flatMap(\.cases)
            .filter { $0.ratio.isFinite }
        guard !rows.isEmpty else { return [] }
        let chartRows = rows.map { c in
            ChartRow(
                label: "\(c.caseLabel) · \(c.backend.rawValue) · \(c.metric)", value: c.ratio - 1,
                lower: c.ratioLower.map { $0 - 1 }, upper: c.ratioUpper.map { $0 - 1 }, colour: c.verdict.colour,
                note: "\(c.changeText) \(c.verdict.label)")
        }
        let title =
            "candidate ÷ baseline − 1, % (whisker: interval at 1 − alpha; shaded: ± "
            + "\(ReportFormatting.percent(doc.rule.minimumEffect).dropFirst()) minimum effect)"
        return [
            "<h3>Change against the baseline</h3>",
            SVGChart.delta(chartRows, minimumEffect: doc.rule.minimumEffect, axisTitle: title),
        ]
    }

    /// A section's moved rows as a table, its unchanged rows folded away.
    static func htmlTables(_ s: ComparisonSection) -> [String] {
        var out: [String] = []
        if !s.flagged.isEmpty {
            out.append(
                HTML.table(
                    CaseComparison.columns, s.flagged.map(\.cells), rowClasses: s.flagged.map(\.verdict.rawValue)))
        }
        if !s.unchanged.isEmpty {
            out += [
                "<details><summary>\(s.unchanged.count) unchanged</summary>",
                HTML.table(CaseComparison.columns, s.unchanged.map(\.cells)), "</details>",
            ]
        }
        return out
    }

    /// The framed section of everything not timed here: counted and modelled rows, and `extra` (migrations).
    static func htmlNotMeasured(_ sections: [ComparisonSection], extra: [String]) -> [String] {
        guard !sections.isEmpty || !extra.isEmpty else { return [] }
        var out = [
            "<section class=\"not-measured\">", "<h2>Not measured here: modelled predictions and counted figures</h2>",
            "<p class=\"meta\">Nothing in this frame was timed on this machine: modelled figures are device-model "
                + "predictions, counted figures are exact counts of the graph and of the compiled program.</p>",
        ]
        out += extra
        for s in sections { out += ["<h3>\(HTML.escape(s.title))</h3>"] + htmlTables(s) }
        return out + ["</section>"]
    }

    /// Cases only one side has.
    static func htmlUnmatched(_ doc: ComparisonDocument) -> [String] {
        guard !doc.unmatched.isEmpty else { return [] }
        return ["<h3>Unmatched cases</h3>", "<ul>"] + doc.unmatchedLines.map { "<li>\(HTML.escape($0))</li>" }
            + ["</ul>"]
    }
}
