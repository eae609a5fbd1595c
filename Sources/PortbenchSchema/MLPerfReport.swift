import Foundation

/// MLPerf Inference's Offline and Server scenarios for a workload on a device, from a discrete-event simulation of
/// continuous batching over the device model's step times (`portbench mlperf`). Every figure is modelled.
public struct MLPerfReport: Codable, Equatable, Sendable {
    public var workload: String
    public var device: String
    public var style: ExecutionStyle
    public var precision: Precision
    public var provenance: Provenance = .modelled
    /// Chips one model copy runs on, and copies in the system (each serves its share of the queries).
    public var chipsPerCopy: Int
    public var copies: Int
    public var inputLen: Int
    public var outputLen: Int
    public var samples: Int
    public var seed: UInt64
    /// Sequences in flight per copy at most: what fits in memory.
    public var maxBatch: Int
    public var ttftP99LimitSeconds: Double
    public var tpotP99LimitSeconds: Double
    public var offline: MLPerfScenarioResult
    public var server: MLPerfScenarioResult

    public init(
        workload: String, device: String, style: ExecutionStyle, precision: Precision, chipsPerCopy: Int, copies: Int,
        inputLen: Int, outputLen: Int, samples: Int, seed: UInt64, maxBatch: Int, ttftP99LimitSeconds: Double,
        tpotP99LimitSeconds: Double, offline: MLPerfScenarioResult, server: MLPerfScenarioResult
    ) {
        self.workload = workload
        self.device = device
        self.style = style
        self.precision = precision
        self.chipsPerCopy = chipsPerCopy
        self.copies = copies
        self.inputLen = inputLen
        self.outputLen = outputLen
        self.samples = samples
        self.seed = seed
        self.maxBatch = maxBatch
        self.ttftP99LimitSeconds = ttftP99LimitSeconds
        self.tpotP99LimitSeconds = tpotP99LimitSeconds
        self.offline = offline
        self.server = server
    }
}

/// One scenario's result for the whole system (and per chip).
public struct MLPerfScenarioResult: Codable, Equatable, Sendable {
    /// Completed queries per second (Server: the highest Poisson arrival rate that met the latency limits).
    public var samplesPerSecond: Double
    public var outputTokensPerSecond: Double
    public var outputTokensPerSecondPerChip: Double
    public var ttftP99Seconds: Double
    public var tpotP99Seconds: Double
    /// Time-averaged sequences in flight per copy.
    public var meanInFlight: Double
    /// Why Server stopped there, or that no rate met the limits.
    public var note: String

    public init(
        samplesPerSecond: Double, outputTokensPerSecond: Double, outputTokensPerSecondPerChip: Double,
        ttftP99Seconds: Double, tpotP99Seconds: Double, meanInFlight: Double, note: String
    ) {
        self.samplesPerSecond = samplesPerSecond
        self.outputTokensPerSecond = outputTokensPerSecond
        self.outputTokensPerSecondPerChip = outputTokensPerSecondPerChip
        self.ttftP99Seconds = ttftP99Seconds
        self.tpotP99Seconds = tpotP99Seconds
        self.meanInFlight = meanInFlight
        self.note = note
    }
}
