import Foundation
import PortbenchSchema

/// Splits index ranges over the machine's cores for the elementwise kernels (GEMMs are threaded by OpenBLAS).
public enum Parallel {
    public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body` over contiguous chunks of 0..<count; serially when the work is too small to share.
    @inline(__always)
    public static func chunks(_ count: Int, minPerChunk: Int = 4096, _ body: (Range<Int>) -> Void) {
        let parts = min(cores, max(1, count / max(minPerChunk, 1)))
        if parts <= 1 {
            body(0..<count)
            return
        }
        let per = (count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let lo = p * per, hi = min(count, lo + per)
            if lo < hi { body(lo..<hi) }
        }
    }
}
