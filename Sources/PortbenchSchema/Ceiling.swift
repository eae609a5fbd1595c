import Foundation

/// The roofline bound of a case on this machine: its GEMMs at their calibrated sgemm rates, or its weight
/// bytes at the measured read bandwidth, whichever takes longer.
public struct Ceiling: Codable, Equatable, Sendable {
    public enum Bound: String, Codable, Sendable { case compute, memory }
    public var bound: Bound
    /// Time of the graph's GEMMs at the calibrated rate of each shape.
    public var computeSeconds: Double
    /// Time to read the weights once at the measured read bandwidth.
    public var memorySeconds: Double
    /// GEMM FLOPs the compute bound covers.
    public var gemmFlops: Double
    /// The read bandwidth the memory bound used, GB/s.
    public var memoryBandwidthGigabytesPerSecond: Double?
    /// The buffer that bandwidth was measured over, bytes: 1 GiB from calibration, or a decode case's resident
    /// bytes (weights and KV caches), read warm, when it was re-measured beside the case.
    public var memoryBufferBytes: Int?
    /// The machine's best peak fp32 rate (any instruction set), GFLOP/s; absent before physical ceilings.
    public var peakGigaflopsPerSecond: Double?
    /// The graph's GEMM FLOPs at that peak: the compute side of the physical roofline.
    public var physicalComputeSeconds: Double?
    /// The case first ran faster than this ceiling, so the side it beat (its GEMM shapes, or the bandwidth) was
    /// re-measured right after it and the faster of the two measurements kept (absent when not needed).
    public var rechecked: Bool?

    public var seconds: Double { max(computeSeconds, memorySeconds) }
    /// The physical roofline: GEMM FLOPs at the peak FMA rate, or the weight bytes at the read bandwidth.
    public var physicalSeconds: Double? { physicalComputeSeconds.map { max($0, memorySeconds) } }
    /// Which side of the physical roofline binds.
    public var physicalBound: Bound? { physicalComputeSeconds.map { $0 >= memorySeconds ? .compute : .memory } }

    public init(bound: Bound, computeSeconds: Double, memorySeconds: Double, gemmFlops: Double) {
        self.bound = bound
        self.computeSeconds = computeSeconds
        self.memorySeconds = memorySeconds
        self.gemmFlops = gemmFlops
    }

    /// The fraction of the ceiling a measured time reaches.
    public func fraction(measuredSeconds: Double) -> Double { seconds / measuredSeconds }
}

/// Warm-up runs (discarded) and timed repetitions (every sample kept): a fixed count, or adaptive when any of the
/// optional fields is set (the rule is in `RepetitionPolicy+Sampling.swift`).
public struct RepetitionPolicy: Codable, Equatable, Sendable {
    public var warmup: Int
    public var repetitions: Int
    /// Stop once the 95% interval of the median is this narrow relative to the median ((upper − lower) / median).
    public var targetRelativeWidth: Double?
    /// Time budget of a case's timed repetitions, seconds.
    public var budgetSeconds: Double?
    public var minRepetitions: Int?
    public var maxRepetitions: Int?

    public init(
        warmup: Int = 1, repetitions: Int = 5, targetRelativeWidth: Double? = nil, budgetSeconds: Double? = nil,
        minRepetitions: Int? = nil, maxRepetitions: Int? = nil
    ) {
        self.warmup = warmup
        self.repetitions = repetitions
        self.targetRelativeWidth = targetRelativeWidth
        self.budgetSeconds = budgetSeconds
        self.minRepetitions = minRepetitions
        self.maxRepetitions = maxRepetitions
    }
}

/// Which measured ceiling a speed goal is judged against.
public enum GoalBound: String, CaseIterable, Equatable, Sendable, Codable {
    /// The roofline: the slower of the two bounds below.
    case ceiling
    /// The layer's GEMMs at their calibrated sgemm rates.
    case gemm
    /// The layer's weight bytes at the memory read bandwidth measured beside the case.
    case bandwidth
    /// The physical roofline: GEMM FLOPs at the machine's peak FMA rate, or weight bytes at the read bandwidth.
    case physical

    public var key: String { "min_\(rawValue)_fraction" }
}
