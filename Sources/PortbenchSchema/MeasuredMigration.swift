import Foundation

/// One compiled shape of a measured migration: XLA's compile and run time, and the reference's run time.
public struct MeasuredShape: Codable, Equatable, Sendable {
    public var length: Int
    public var xlaCompileSeconds: Double
    public var xlaMedianSeconds: Double
    public var referenceMedianSeconds: Double

    public init(length: Int, xlaCompileSeconds: Double, xlaMedianSeconds: Double, referenceMedianSeconds: Double) {
        self.length = length
        self.xlaCompileSeconds = xlaCompileSeconds
        self.xlaMedianSeconds = xlaMedianSeconds
        self.referenceMedianSeconds = referenceMedianSeconds
    }
}

/// Recompilations under a length distribution, with their measured cost.
public struct MeasuredRecompilation: Codable, Equatable, Sendable {
    public var bucketing: Bool
    public var shapes: [Int]
    public var recompilationsPer1000: Double
    /// Measured compile seconds spent per 1,000 requests.
    public var compileSecondsPer1000: Double
    /// Mean XLA run time per request (padded shapes included), measured.
    public var meanRunSeconds: Double

    public init(
        bucketing: Bool, shapes: [Int], recompilationsPer1000: Double, compileSecondsPer1000: Double,
        meanRunSeconds: Double
    ) {
        self.bucketing = bucketing
        self.shapes = shapes
        self.recompilationsPer1000 = recompilationsPer1000
        self.compileSecondsPer1000 = compileSecondsPer1000
        self.meanRunSeconds = meanRunSeconds
    }
}

/// `portbench migrate --from cpu:openblas --to xla:cpu`: the move measured on this machine, beside the TPU model.
public struct MeasuredMigration: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var provenance = "measured on this machine (CPU reference and XLA:CPU through PJRT); tpu columns modelled"
    public var referenceMedianSeconds: Double
    public var xlaMedianSeconds: Double
    /// Reference median ÷ XLA median.
    public var speedRatio: Double
    public var xla: BackendDetails
    public var lengths: [WeightedLength]
    public var perShape: [MeasuredShape]
    public var recompilation: [MeasuredRecompilation]
    /// The TPU/XLA-style model's prediction for the same scenario on a TPU (modelled).
    public var modelledDevice: String
    public var modelledSeconds: Double
    public var modelled: [LatencyDistribution]

    public init(
        workload: String, scenario: String,
        provenance: String = "measured on this machine (CPU reference and XLA:CPU through PJRT); tpu columns modelled",
        referenceMedianSeconds: Double, xlaMedianSeconds: Double, speedRatio: Double, xla: BackendDetails,
        lengths: [WeightedLength], perShape: [MeasuredShape], recompilation: [MeasuredRecompilation],
        modelledDevice: String, modelledSeconds: Double, modelled: [LatencyDistribution]
    ) {
        self.workload = workload
        self.scenario = scenario
        self.provenance = provenance
        self.referenceMedianSeconds = referenceMedianSeconds
        self.xlaMedianSeconds = xlaMedianSeconds
        self.speedRatio = speedRatio
        self.xla = xla
        self.lengths = lengths
        self.perShape = perShape
        self.recompilation = recompilation
        self.modelledDevice = modelledDevice
        self.modelledSeconds = modelledSeconds
        self.modelled = modelled
    }
}

/// A weighted sequence length, one entry of a scenario's length distribution.
public struct WeightedLength: Codable, Equatable, Sendable {
    public var length: Int
    public var weight: Double
    public init(length: Int, weight: Double) {
        self.length = length
        self.weight = weight
    }
}
