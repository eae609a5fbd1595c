import Foundation
import PortbenchSchema

extension ReportRender {
    /// One self-contained page: verdict, notices, measured charts and tables, trends, machine, and the modelled
    /// figures in a frame of their own.
    public func html() -> String {
        let regressed = (comparison?.summary.regressions ?? 0) > 0
        let meta = metaLines + (comparison.map { [$0.sidesLine] } ?? [])
        var body = ComparisonRender.htmlHeader(headline, regressed: regressed, meta: meta)
        if let comparison { body += ComparisonRender.htmlNotices(comparison) }
        body += htmlMeasured() + htmlHistory() + htmlMachine()
        let sections = comparison.map { ComparisonSection.sections(of: $0).filter { $0.provenance != .measured } } ?? []
        body += ComparisonRender.htmlNotMeasured(sections, extra: htmlMigrations())
        return HTML.page(title: "portbench report: \(headline)", body: body)
    }

    /// Medians with their intervals, the delta chart and the comparison's measured table (or the run's cases).
    func htmlMeasured() -> [String] {
        var out = ["<h2>Measured (timed on this machine)</h2>"]
        if !result.cases.isEmpty {
            out += [
                "<h3>Median time per run of each case</h3>", SVGChart.medians(medianRows, axisTitle: medianAxisTitle),
            ]
        }
        if let comparison {
            out += ComparisonRender.htmlDelta(comparison)
            out += ComparisonSection.sections(of: comparison).filter { $0.provenance == .measured }
                .flatMap(ComparisonRender.htmlTables)
            out += ComparisonRender.htmlUnmatched(comparison)
        } else {
            out.append(HTML.table(Self.caseColumns, caseRows))
        }
        return out + failureLines.map { HTML.element("div", HTML.escape($0), class: "notice") }
    }

    var medianAxisTitle: String {
        "median time per run, ms (bar: median of \(result.policy.repetitions) runs; whisker: 95% interval of the median)"
    }

    /// One bar per case, coloured by its verdict when compared.
    var medianRows: [ChartRow] {
        result.cases.map { c in
            let v = Self.verdict(of: c, in: comparison)
            return ChartRow(
                label: "\(c.workload)/\(c.scenario) · \(c.backend.rawValue)", value: c.stats.median * 1e3,
                lower: c.stats.medianLower95 * 1e3, upper: c.stats.medianUpper95 * 1e3,
                colour: v?.colour ?? Verdict.changed.colour,
                note: "\(fmt(c.stats.median * 1e3, 3)) ms" + (v.map { " \($0.label)" } ?? ""))
        }
    }

    /// Trend lines, shifted series first, with their change points marked.
    func htmlHistory() -> [String] {
        guard let history, !history.series.isEmpty else { return [] }
        let ordered =
            history.series.filter { !$0.changePoints.isEmpty } + history.series.filter { $0.changePoints.isEmpty }
        return [
            "<h2>History</h2>",
            HTML.element("p", HTML.escape(HistoryRender.settingsLine(history.settings)), class: "meta"),
            "<div class=\"charts\">",
        ] + ordered.map(SVGChart.trend) + ["</div>"]
    }

    /// The fingerprint, settings first.
    func htmlMachine() -> [String] {
        let m = result.machine
        return [
            "<h2>Machine</h2>", HTML.element("p", "Settings: " + HTML.escape(m.settingsLine), class: "meta"),
            HTML.table(["field", "value"], m.rows.map { [$0.0, $0.1] }),
        ]
    }

    /// The run's modelled migrations as a table, for the not-measured frame.
    func htmlMigrations() -> [String] {
        let rows = migrationRows
        guard !rows.isEmpty else { return [] }
        return [
            "<h3>Modelled (device-model predictions, not measurements)</h3>",
            HTML.table(Self.migrationColumns, rows),
        ]
    }
}
