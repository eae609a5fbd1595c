import Foundation
import PortbenchSchema

/// What the results server keeps: every uploaded run once (by run id), its exact JSON, and its cases' metrics in a
/// compact column for series. One interface, two SQL backends (SQLite by default, PostgreSQL when shared).
public protocol RunStore: Sendable {
    /// Stores a run unless its id is there already; the stored summary either way. Durable when it returns.
    func insert(_ doc: ResultDocument, json: Data, uploader: String, receivedAt: String) async throws -> InsertOutcome
    /// Runs newest first (by `created`, then run id), filtered, `limit` at most, after a cursor from a previous page.
    func runs(_ filter: RunFilter) async throws -> RunPage
    /// The stored JSON of a run, exactly as uploaded (decompressed).
    func document(runId: String) async throws -> Data?
    /// The points of one series (oldest first).
    func series(_ key: SeriesQuery) async throws -> [HistoryPoint]
    /// Every case's series of `metric` on `machine` over its last `lastRuns` runs (all when nil), oldest first.
    func machineSeries(machine: String, metric: String, lastRuns: Int?) async throws -> [SeriesCase: [HistoryPoint]]
    /// The commit measured on `machine` most recently before `created` other than `commit`.
    func previousCommit(machine: String, before created: String, excluding commit: String) async throws -> String?
    /// How many runs are stored.
    func count() async throws -> Int
    func close() async throws
}

/// Whether an insert stored a new run or found the same run id already stored.
public enum InsertOutcome: Equatable, Sendable {
    case stored(RunSummary)
    case alreadyStored(RunSummary)

    public var summary: RunSummary {
        switch self {
        case .stored(let s), .alreadyStored(let s): return s
        }
    }
}

/// Which runs to list.
public struct RunFilter: Equatable, Sendable {
    public var commit: String?
    public var machine: String?
    public var suite: String?
    public var limit: Int
    public var after: RunCursor?

    public init(
        commit: String? = nil, machine: String? = nil, suite: String? = nil, limit: Int = 50, after: RunCursor? = nil
    ) {
        self.commit = commit
        self.machine = machine
        self.suite = suite
        self.limit = limit
        self.after = after
    }
}

/// One page of runs and the cursor of the next (nil on the last page).
public struct RunPage: Equatable, Sendable {
    public var runs: [RunSummary]
    public var next: RunCursor?
}

/// A case of a series (its workload, scenario and backend).
public struct SeriesCase: Hashable, Comparable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: String

    public init(workload: String, scenario: String, backend: String) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
    }

    public static func < (a: SeriesCase, b: SeriesCase) -> Bool {
        (a.workload, a.scenario, a.backend) < (b.workload, b.scenario, b.backend)
    }
}

/// One series: a case, a metric and a machine.
public struct SeriesQuery: Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: String
    public var metric: String
    public var machine: String

    public init(workload: String, scenario: String, backend: String, metric: String, machine: String) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.metric = metric
        self.machine = machine
    }
}
