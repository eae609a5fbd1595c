import Foundation

/// This machine's measured ceilings under its current OpenBLAS settings: sgemm rate per GEMM shape and
/// memory read bandwidth. Every measured number is shown as a fraction of these. A ceiling is the best
/// repetition (the most the machine showed), so noise on a shared host cannot make a fraction look better.
public struct Calibration: Codable, Equatable, Sendable {
    public struct GemmRate: Codable, Equatable, Sendable {
        public var shape: GemmShape
        /// Fastest time of `shape.count` back-to-back calls (one op's worth), seconds.
        public var seconds: Double
        public var gflops: Double

        public init(shape: GemmShape, seconds: Double, gflops: Double) {
            self.shape = shape
            self.seconds = seconds
            self.gflops = gflops
        }
    }

    public var gemm: [GemmRate]
    /// Best read bandwidth over a buffer far larger than the caches, GB/s (10⁹ bytes).
    public var memoryReadGigabytesPerSecond: Double
    /// Median of the same repetitions, for judging how steady the host is.
    public var memoryReadMedianGigabytesPerSecond: Double
    public var memoryBufferBytes: Int
    public var repetitions: Int
    /// The machine's peak fp32 rate per instruction set it has, every core busy (absent before physical ceilings).
    public var peakFlops: [PeakRate]?

    /// The best of `peakFlops`, GFLOP/s: the compute side of the physical roofline.
    public var peakGflops: Double? { peakFlops?.map(\.gflops).max() }

    public func rate(for shape: GemmShape) -> GemmRate? {
        gemm.first { $0.shape.key == shape.key }
    }

    public init(
        gemm: [GemmRate], memoryReadGigabytesPerSecond: Double, memoryReadMedianGigabytesPerSecond: Double,
        memoryBufferBytes: Int, repetitions: Int, peakFlops: [PeakRate]? = nil
    ) {
        self.gemm = gemm
        self.memoryReadGigabytesPerSecond = memoryReadGigabytesPerSecond
        self.memoryReadMedianGigabytesPerSecond = memoryReadMedianGigabytesPerSecond
        self.memoryBufferBytes = memoryBufferBytes
        self.repetitions = repetitions
        self.peakFlops = peakFlops
    }
}

/// A saved calibration with the machine it was measured on; reused only on a machine with the same comparability key.
public struct CalibrationFile: Codable {
    public var schema = "portbench.calibration"
    public var schemaVersion = 1
    public var machine: MachineFingerprint
    public var calibration: Calibration

    public init(machine: MachineFingerprint, calibration: Calibration) {
        self.machine = machine
        self.calibration = calibration
    }

    public func write(_ file: OutputFile) throws {
        try file.write(JSONCoding.encoder().encode(self))
    }
}

/// One GEMM shape with how many times an op calls it; the unit the sgemm ceiling is calibrated in.
public struct GemmShape: Hashable, Sendable, Codable {
    public var m, n, k: Int
    public var count: Int
    public var transposeB: Bool

    public var flops: Double { 2 * Double(m) * Double(n) * Double(k) * Double(count) }
    /// The shape without its count, for calibration look-ups.
    public var key: GemmShape { GemmShape(m: m, n: n, k: k, count: 1, transposeB: transposeB) }
    public var label: String { "\(m)×\(n)×\(k)\(transposeB ? "ᵀ" : "")" }

    public init(m: Int, n: Int, k: Int, count: Int, transposeB: Bool) {
        self.m = m
        self.n = n
        self.k = k
        self.count = count
        self.transposeB = transposeB
    }
}

extension Calibration {
    /// The first value a ceiling cannot be divided by (not positive, NaN or infinite), with its key path; nil when
    /// every rate, time and shape is usable.
    public func problem() -> String? {
        func bad(_ v: Double) -> Bool { !(v.isFinite && v > 0) }
        for (i, r) in gemm.enumerated() {
            let s = r.shape
            if [s.m, s.n, s.k, s.count].contains(where: { $0 < 1 }) {
                return "calibration.gemm[\(i)].shape: every dimension must be at least 1, got \(s.label) ×\(s.count)"
            }
            if bad(r.gflops) {
                return "calibration.gemm[\(i)].gflops: expected a positive finite rate, got \(r.gflops)"
            }
            if bad(r.seconds) {
                return "calibration.gemm[\(i)].seconds: expected a positive finite time, got \(r.seconds)"
            }
        }
        if bad(memoryReadGigabytesPerSecond) {
            return
                "calibration.memory_read_gigabytes_per_second: expected a positive finite rate, got \(memoryReadGigabytesPerSecond)"
        }
        return nil
    }
}
