import Foundation

/// Predicted request-latency distribution of a scenario under its sequence-length distribution. The spread comes
/// only from the input lengths (padding and bucketing, recompilation on new shapes, tile quantization), never noise.
public struct LatencyDistribution: Codable, Equatable, Sendable {
    public var provenance: Provenance = .modelled
    /// Steady-state latency quantiles (every shape already compiled).
    public var p50, p90, p99, mean, cv: Double
    /// p99 when first-seen shapes pay their compilation inside the request.
    public var p99WithCompiles: Double
    /// Tokens per second at the p50 latency.
    public var throughputP50: Double
    /// Distinct compiled shapes and the expected compilations per 1,000 requests (XLA), else 0.
    public var distinctShapes: Int
    public var recompilationsPer1000: Double
    public var compileSecondsPer1000: Double

    public init(
        provenance: Provenance = .modelled, p50: Double, p90: Double, p99: Double, mean: Double, cv: Double,
        p99WithCompiles: Double, throughputP50: Double, distinctShapes: Int, recompilationsPer1000: Double,
        compileSecondsPer1000: Double
    ) {
        self.provenance = provenance
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.mean = mean
        self.cv = cv
        self.p99WithCompiles = p99WithCompiles
        self.throughputP50 = throughputP50
        self.distinctShapes = distinctShapes
        self.recompilationsPer1000 = recompilationsPer1000
        self.compileSecondsPer1000 = compileSecondsPer1000
    }
}

/// How far a style's precision moves a layer's output from the fp32 reference, run on the CPU: weights and GEMM
/// operands rounded to the style's format (round to nearest even; fp8 with a per-tensor scale), products
/// accumulated in fp32 by OpenBLAS as tensor cores and MXUs accumulate, activations stored in the style's
/// storage format between ops.
public struct NumericDrift: Codable, Equatable, Sendable {
    public var precision: Precision
    /// Computed, not modelled: the emulation runs the real kernels on this machine.
    public var provenance = "emulated on CPU"
    public var relativeL2: Double
    public var maxAbsError: Double
    public var cosineSimilarity: Double

    public init(
        precision: Precision, provenance: String = "emulated on CPU", relativeL2: Double, maxAbsError: Double,
        cosineSimilarity: Double
    ) {
        self.precision = precision
        self.provenance = provenance
        self.relativeL2 = relativeL2
        self.maxAbsError = maxAbsError
        self.cosineSimilarity = cosineSimilarity
    }
}

/// One side of a move (the device and how the workload runs there) for one scenario.
public struct MigrationSide: Codable, Equatable, Sendable {
    public var device: String
    public var style: ExecutionStyle
    public var precision: Precision
    public var layer: LayerPrediction
    public var variance: LatencyDistribution
    public var numerics: NumericDrift?
    /// Chips the whole model needs (or the layer, when the workload has no model block).
    public var chipsNeeded: Int
    public var paddingWasteFraction: Double

    public init(
        device: String, style: ExecutionStyle, precision: Precision, layer: LayerPrediction,
        variance: LatencyDistribution, numerics: NumericDrift? = nil, chipsNeeded: Int, paddingWasteFraction: Double
    ) {
        self.device = device
        self.style = style
        self.precision = precision
        self.layer = layer
        self.variance = variance
        self.numerics = numerics
        self.chipsNeeded = chipsNeeded
        self.paddingWasteFraction = paddingWasteFraction
    }
}

/// The cost of moving one scenario from A to B.
public struct MigrationRow: Codable, Equatable, Sendable {
    public var scenario: String
    public var from: MigrationSide
    public var to: MigrationSide
    /// to ÷ from tokens/s (modelled).
    public var throughputRatio: Double
    /// to ÷ from latency (modelled).
    public var latencyRatio: Double
    public var hazards: [String]

    public init(
        scenario: String, from: MigrationSide, to: MigrationSide, throughputRatio: Double, latencyRatio: Double,
        hazards: [String]
    ) {
        self.scenario = scenario
        self.from = from
        self.to = to
        self.throughputRatio = throughputRatio
        self.latencyRatio = latencyRatio
        self.hazards = hazards
    }
}

/// `portbench migrate`: every scenario of a workload moved between two devices.
public struct MigrationReport: Codable, Equatable, Sendable {
    public var workload: String
    public var from: String
    public var to: String
    public var requestedPrecision: Precision
    public var provenance = "modelled times; numerics emulated on CPU"
    public var rows: [MigrationRow]

    public init(
        workload: String, from: String, to: String, requestedPrecision: Precision,
        provenance: String = "modelled times; numerics emulated on CPU", rows: [MigrationRow]
    ) {
        self.workload = workload
        self.from = from
        self.to = to
        self.requestedPrecision = requestedPrecision
        self.provenance = provenance
        self.rows = rows
    }
}
