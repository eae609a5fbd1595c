import Foundation
import PortbenchSchema

extension ReportRender {
    /// Markdown for a job summary: the verdict line first, the comparison (or the run's cases), history, machine.
    public func markdown() -> String {
        var out = ["## \(headline)", ""] + metaLines.map { Markdown.cell($0) + "  " } + [""]
        if let comparison {
            out += ComparisonRender.markdownBody(comparison)
        } else {
            out +=
                ["### Measured (timed on this machine)", ""]
                + Markdown.table(Self.caseColumns, caseRows, right: Set(3...7)) + [""]
        }
        out += failureLines.map { "- **\(Markdown.cell($0))**" }
        out += markdownChangePoints() + markdownMachine() + markdownMigrations()
        return out.joined(separator: "\n")
    }

    /// The series that shifted, with the commits around each shift.
    func markdownChangePoints() -> [String] {
        guard let history else { return [] }
        let shifted = history.series.filter { !$0.changePoints.isEmpty }
        var out = ["### History", "", "\(history.series.count) series, \(shifted.count) with change points.", ""]
        guard !shifted.isEmpty else { return out }
        let rows = shifted.flatMap { s in
            s.changePoints.map {
                ["\(s.workload)/\(s.scenario)", s.backend.rawValue, s.metric, HistoryRender.describe($0)]
            }
        }
        out += Markdown.table(["case", "backend", "metric", "change point"], rows) + [""]
        return out
    }

    /// The fingerprint and the settings that change timings.
    func markdownMachine() -> [String] {
        let m = result.machine
        return ["### Machine", "", "Settings: \(Markdown.cell(m.settingsLine))", ""]
            + Markdown.table(["field", "value"], m.rows.map { [$0.0, $0.1] }) + [""]
    }

    /// Modelled migrations, labelled as predictions.
    func markdownMigrations() -> [String] {
        let rows = migrationRows
        guard !rows.isEmpty else { return [] }
        return ["### Modelled (device-model predictions, not measurements)", ""]
            + Markdown.table(Self.migrationColumns, rows, right: Set(4...7)) + [""]
    }

    static let migrationColumns = [
        "workload", "scenario", "from", "to", "from ms [modelled]", "to ms [modelled]", "throughput ratio",
        "latency ratio",
    ]

    /// One row per migrated scenario of the run's modelled migrations.
    var migrationRows: [[String]] {
        (result.migrations ?? []).flatMap { m in
            m.rows.map { r in
                [
                    m.workload, r.scenario, r.from.device, r.to.device, fmt(r.from.layer.seconds * 1e3, 3),
                    fmt(r.to.layer.seconds * 1e3, 3), fmt(r.throughputRatio, 2) + "×", fmt(r.latencyRatio, 2) + "×",
                ]
            }
        }
    }
}
