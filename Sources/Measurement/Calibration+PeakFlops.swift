import CPeakFlops
import Dispatch
import Foundation
import Kernels
import PortbenchSchema

extension Calibration {
    /// The peak fp32 rate of each instruction set the CPU has (`CPeakFlops` loops on every core at once), each
    /// repetition about `seconds` long; best repetition.
    public static func measurePeakFlops(
        isas: [VectorISA] = CPUFeatures.current().vectorISAs, repetitions: Int = 5, seconds: Double = 0.05
    ) -> [PeakRate] {
        isas.compactMap { isa in
            let code = Int32(VectorISA.allCases.firstIndex(of: isa)!)
            guard cpeak_supported(code) == 1 else { return nil }
            let perIteration = Double(cpeak_flops_per_iteration(code))
            let probe = 200_000
            let probeSeconds = Double(MonotonicClock.time { _ = cpeak_run(code, probe) }) * 1e-9
            let iterations = max(10_000, Int(Double(probe) * seconds / max(probeSeconds, 1e-6)))
            var sink: Float = 0
            var best = Double.infinity
            for _ in 0..<(max(1, repetitions) + 1) {
                let partial = UnsafeMutablePointer<Float>.allocate(capacity: Parallel.cores)
                defer { partial.deallocate() }
                let ns = MonotonicClock.time {
                    DispatchQueue.concurrentPerform(iterations: Parallel.cores) { p in
                        partial[p] = cpeak_run(code, iterations)
                    }
                }
                for p in 0..<Parallel.cores { sink += partial[p] }
                best = min(best, Double(ns) * 1e-9)
            }
            precondition(!sink.isNaN)
            let flops = perIteration * Double(iterations) * Double(Parallel.cores)
            return PeakRate(isa: isa, gflops: flops / best / 1e9, threads: Parallel.cores)
        }
    }
}
