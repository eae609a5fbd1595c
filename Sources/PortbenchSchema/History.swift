import Foundation

/// One night of a series: the document's run, time and commit, and the metric's value.
public struct HistoryPoint: Codable, Equatable, Sendable {
    public var runId: String
    public var created: String
    public var commit: String
    public var value: Double

    public init(runId: String, created: String, commit: String, value: Double) {
        self.runId = runId
        self.created = created
        self.commit = commit
        self.value = value
    }
}

/// A shift found in a series, placed between the last commit before it and the first after.
public struct ChangePoint: Codable, Equatable, Sendable {
    public var commitBefore: String
    public var commitAfter: String
    /// Index of the first point of the new segment.
    public var index: Int
    /// Relative shift of the segment means (+0.08 is 8% higher).
    public var shift: Double
    public var pValue: Double
    public var meanBefore: Double
    public var meanAfter: Double

    public init(
        commitBefore: String, commitAfter: String, index: Int, shift: Double, pValue: Double, meanBefore: Double,
        meanAfter: Double
    ) {
        self.commitBefore = commitBefore
        self.commitAfter = commitAfter
        self.index = index
        self.shift = shift
        self.pValue = pValue
        self.meanBefore = meanBefore
        self.meanAfter = meanAfter
    }
}

/// The nightly series of one (workload, scenario, backend, metric) on one machine, ordered by document time.
public struct HistorySeries: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend
    public var metric: String
    public var direction: MetricDirection?
    /// The comparability key and CPU of the machine the series was measured on.
    public var machine: String
    public var cpuModel: String
    public var points: [HistoryPoint]
    public var changePoints: [ChangePoint]

    public init(
        workload: String, scenario: String, backend: Backend, metric: String, direction: MetricDirection?,
        machine: String, cpuModel: String, points: [HistoryPoint], changePoints: [ChangePoint]
    ) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.metric = metric
        self.direction = direction
        self.machine = machine
        self.cpuModel = cpuModel
        self.points = points
        self.changePoints = changePoints
    }
}

/// The settings change points were found with, printed beside them.
public struct ChangePointSettings: Codable, Equatable, Sendable {
    public var method: String
    public var pValue: Double
    public var permutations: Int
    public var minimumShift: Double
    public var seed: UInt64

    public init(method: String, pValue: Double, permutations: Int, minimumShift: Double, seed: UInt64) {
        self.method = method
        self.pValue = pValue
        self.permutations = permutations
        self.minimumShift = minimumShift
        self.seed = seed
    }
}

/// The versioned document `portbench history` writes: every series and its change points.
public struct HistoryDocument: Codable, Equatable, Sendable {
    public static let schemaName = "portbench.history"
    public static let currentVersion = 1

    public var schema: String = HistoryDocument.schemaName
    public var schemaVersion: Int = HistoryDocument.currentVersion
    public var created: String
    public var tool: String
    public var settings: ChangePointSettings
    public var series: [HistorySeries]

    public init(created: String, tool: String, settings: ChangePointSettings, series: [HistorySeries]) {
        self.created = created
        self.tool = tool
        self.settings = settings
        self.series = series
    }
}
