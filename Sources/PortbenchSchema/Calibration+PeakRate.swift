import Foundation

extension Calibration {
    /// A peak-arithmetic loop's rate on one instruction set: FMAs (or multiplies and adds for SSE and AVX) on
    /// independent registers, one thread per core; best of the repetitions.
    public struct PeakRate: Codable, Equatable, Sendable {
        public var isa: VectorISA
        public var gflops: Double
        public var threads: Int

        public init(isa: VectorISA, gflops: Double, threads: Int) {
            self.isa = isa
            self.gflops = gflops
            self.threads = threads
        }
    }
}
