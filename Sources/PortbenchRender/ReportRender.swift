import Foundation
import PortbenchSchema

/// The per-commit report: one run, optionally compared with a baseline and set in its history.
public struct ReportRender {
    public let result: ResultDocument
    public let comparison: ComparisonDocument?
    public let history: HistoryDocument?

    public init(result: ResultDocument, comparison: ComparisonDocument? = nil, history: HistoryDocument? = nil) {
        self.result = result
        self.comparison = comparison
        self.history = history
    }

    /// The `portbench.report` JSON document of this report.
    public func document(created: String) -> ReportDocument {
        ReportDocument(result: result, comparison: comparison, history: history, created: created)
    }

    /// The comparison's verdict line, or what the run measured when there is no baseline.
    public static func headline(result: ResultDocument, comparison: ComparisonDocument?) -> String {
        if let comparison { return comparison.summary.headline }
        let failed = result.failures?.count ?? 0
        let cases = "\(result.cases.count) \(result.cases.count == 1 ? "case" : "cases") measured"
        return "no baseline: \(cases)" + (failed > 0 ? ", \(failed) failed" : "")
    }

    var headline: String { Self.headline(result: result, comparison: comparison) }

    /// The verdict on a case's median time in the comparison, if it was compared.
    static func verdict(of c: CaseResult, in comparison: ComparisonDocument?) -> Verdict? {
        comparison?.cases.first {
            $0.workload == c.workload && $0.scenario == c.scenario && $0.backend == c.backend
                && $0.metric == Metric.medianSeconds.rawValue
        }?.verdict
    }

    /// "suite S, commit abc1234, run R, created T; CPU, cores".
    var metaLines: [String] {
        let m = result.machine
        return [
            "suite \(result.suite), commit \(m.commitText), run \(result.runId), created \(result.created); "
                + "\(m.cpuModel), \(m.cores) cores"
        ]
    }

    /// (label, median, 95% interval, CV, tokens/s) cells of the run's own cases.
    var caseRows: [[String]] {
        result.cases.map { c in
            [
                c.workload, c.scenario, c.backend.rawValue, "\(c.stats.count)", fmt(c.stats.median * 1e3, 3),
                "\(fmt(c.stats.medianLower95 * 1e3, 3))–\(fmt(c.stats.medianUpper95 * 1e3, 3))",
                fmt(c.stats.cv * 100, 1), fmt(c.metric(.tokensPerSecond) ?? 0, 1),
            ]
        }
    }

    static let caseColumns = [
        "workload", "scenario", "backend", "samples", "median ms", "95% CI ms", "CV %", "tokens/s",
    ]

    /// Cases that failed in the run.
    var failureLines: [String] {
        (result.failures ?? []).map { "FAILED \($0.workload)/\($0.scenario) on \($0.backend.rawValue): \($0.message)" }
    }
}
