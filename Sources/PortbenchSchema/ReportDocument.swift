import Foundation

/// The run a per-commit report describes.
public struct ReportRun: Codable, Equatable, Sendable {
    public var runId: String
    public var suite: String
    public var commit: String
    public var created: String

    public init(runId: String, suite: String, commit: String, created: String) {
        self.runId = runId
        self.suite = suite
        self.commit = commit
        self.created = created
    }
}

/// One measured case of the run, summarised: its median with the 95% interval, and its verdict when compared.
public struct ReportCase: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend
    public var provenance: Provenance
    public var samples: Int
    public var medianSeconds: Double
    public var medianLower95: Double
    public var medianUpper95: Double
    public var cv: Double
    /// The verdict on the case's median time against the baseline (absent without a baseline).
    public var verdict: Verdict?

    public init(
        workload: String, scenario: String, backend: Backend, provenance: Provenance, samples: Int,
        medianSeconds: Double, medianLower95: Double, medianUpper95: Double, cv: Double, verdict: Verdict? = nil
    ) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.provenance = provenance
        self.samples = samples
        self.medianSeconds = medianSeconds
        self.medianLower95 = medianLower95
        self.medianUpper95 = medianUpper95
        self.cv = cv
        self.verdict = verdict
    }
}

/// The versioned document `portbench report --format json` writes: one run, its comparison and its history.
public struct ReportDocument: Codable, Equatable, Sendable {
    public static let schemaName = "portbench.report"
    public static let currentVersion = 1

    public var schema: String = ReportDocument.schemaName
    public var schemaVersion: Int = ReportDocument.currentVersion
    public var created: String
    public var tool: String
    public var run: ReportRun
    public var machine: MachineFingerprint
    /// The verdict line (the comparison's headline), or what was measured when there is no baseline.
    public var headline: String
    public var comparison: ComparisonDocument?
    public var history: HistoryDocument?
    public var cases: [ReportCase]

    public init(
        created: String, tool: String, run: ReportRun, machine: MachineFingerprint, headline: String,
        comparison: ComparisonDocument? = nil, history: HistoryDocument? = nil, cases: [ReportCase]
    ) {
        self.created = created
        self.tool = tool
        self.run = run
        self.machine = machine
        self.headline = headline
        self.comparison = comparison
        self.history = history
        self.cases = cases
    }

    public static func read(from url: URL) throws -> ReportDocument {
        try SchemaDocument.read(ReportDocument.self, from: url, schema: schemaName, versions: 1...currentVersion) {
            ($0.schema, $0.schemaVersion)
        }
    }
}
