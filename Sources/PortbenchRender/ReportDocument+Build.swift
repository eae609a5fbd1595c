import Foundation
import PortbenchSchema

extension ReportDocument {
    /// The report of one run: its cases summarised, with the comparison and history when given.
    public init(
        result: ResultDocument, comparison: ComparisonDocument?, history: HistoryDocument?, created: String
    ) {
        self.init(
            created: created, tool: ResultDocument.toolVersion,
            run: ReportRun(
                runId: result.runId, suite: result.suite, commit: result.machine.gitCommit, created: result.created),
            machine: result.machine, headline: ReportRender.headline(result: result, comparison: comparison),
            comparison: comparison, history: history,
            cases: result.cases.map { ReportCase(result: $0, verdict: ReportRender.verdict(of: $0, in: comparison)) })
    }
}

extension ReportCase {
    /// A case's summary from its statistics.
    init(result c: CaseResult, verdict: Verdict?) {
        self.init(
            workload: c.workload, scenario: c.scenario, backend: c.backend, provenance: c.provenance,
            samples: c.stats.count, medianSeconds: c.stats.median, medianLower95: c.stats.medianLower95,
            medianUpper95: c.stats.medianUpper95, cv: c.stats.cv, verdict: verdict)
    }
}
