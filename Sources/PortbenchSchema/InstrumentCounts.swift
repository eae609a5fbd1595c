import Foundation

/// A deterministic instrument a run can count the measured region with instead of trusting the clock.
public enum Instrument: String, Codable, CaseIterable, Sendable {
    /// valgrind's callgrind: instructions executed (and, with its cache simulator, estimated cycles).
    case callgrind
}

/// What an instrument counted in one case: one figure per timed repetition, the measured region only (not warm-up,
/// calibration or setup).
public struct InstrumentCounts: Codable, Equatable, Sendable {
    public var instrument: Instrument
    /// Instructions executed (callgrind's `Ir`) per repetition, every thread.
    public var instructions: [Double]
    /// With the cache simulator: Ir + 10 × (L1 misses) + 100 × (last-level misses) per repetition.
    public var estimatedCycles: [Double]?
    /// `valgrind --version`, e.g. `valgrind-3.19.0`.
    public var valgrindVersion: String
    /// The code the counts describe, e.g. `OpenBLAS Haswell kernels under valgrind (AVX-512 hidden)`.
    public var codePath: String

    public init(
        instrument: Instrument, instructions: [Double], estimatedCycles: [Double]? = nil, valgrindVersion: String,
        codePath: String
    ) {
        self.instrument = instrument
        self.instructions = instructions
        self.estimatedCycles = estimatedCycles
        self.valgrindVersion = valgrindVersion
        self.codePath = codePath
    }

    /// The per-repetition samples of an instrument metric key (`instructions`, `estimated_cycles`).
    public func samples(_ metric: InstrumentMetric) -> [Double]? {
        switch metric {
        case .instructions: return instructions
        case .estimatedCycles: return estimatedCycles
        }
    }
}

/// The figures an instrument reports, as comparisons and noise profiles name them.
public enum InstrumentMetric: String, CaseIterable, Codable, Sendable {
    case instructions
    case estimatedCycles = "estimated_cycles"
}
