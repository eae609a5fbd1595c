import Foundation
import PortbenchSchema

/// The terminal view of a history: every series with its change points, each placed between two commits.
public enum HistoryRender {
    public static func table(_ doc: HistoryDocument) -> String {
        var out = [settingsLine(doc.settings)]
        var t = TextTable(header: [
            "workload", "scenario", "backend", "metric", "machine", "points", "latest", "change points",
        ])
        t.rows = doc.series.map(row)
        out.append(t.render())
        return out.joined(separator: "\n")
    }

    /// How the change points were found, in one line.
    static func settingsLine(_ s: ChangePointSettings) -> String {
        "change points: \(s.method), p < \(s.pValue), \(s.permutations) permutations, minimum shift "
            + "\(ReportFormatting.percent(s.minimumShift).dropFirst()), seed \(s.seed)"
    }

    static func row(_ s: HistorySeries) -> [String] {
        [
            s.workload, s.scenario, s.backend.rawValue, s.metric, s.cpuModel, "\(s.points.count)",
            s.points.last.map { ReportFormatting.value($0.value, metric: s.metric) } ?? "-",
            s.changePoints.isEmpty ? "none" : s.changePoints.map(describe).joined(separator: "; "),
        ]
    }

    /// "abc1234..def5678 +8.1% (p 0.002)".
    static func describe(_ c: ChangePoint) -> String {
        "\(ReportFormatting.shortCommit(c.commitBefore))..\(ReportFormatting.shortCommit(c.commitAfter)) "
            + "\(ReportFormatting.percent(c.shift)) (p \(ReportFormatting.pValue(c.pValue)))"
    }
}
