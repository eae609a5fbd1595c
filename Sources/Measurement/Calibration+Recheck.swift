import Foundation
import PortbenchSchema
import Workload

extension Calibration {
    /// The same ceilings with each side a case beat re-measured now, the faster of the old and new measurement kept
    /// per figure: the graph's GEMM shapes when the compute side exceeds `medianSeconds`, the bandwidth over
    /// `probeBytes` when the memory side does. A ceiling measured once is only as good as the minute it was measured
    /// in on a shared host; a case must never be judged against a slow minute.
    public func recheck(
        _ graph: LayerGraph, medianSeconds: Double, probeBytes: Int, repetitions: Int,
        progress: (String) -> Void = { _ in }
    ) -> Calibration {
        var c = self
        let ceiling = Ceiling(graph: graph, calibration: self)
        if ceiling.computeSeconds > medianSeconds {
            for shape in graph.gemmShapes {
                progress("sgemm \(shape.label) ×\(shape.count) again")
                c.keepFaster(Calibration.measureGemm(shape, repetitions: repetitions))
            }
        }
        if ceiling.memorySeconds > medianSeconds {
            progress("memory read bandwidth again over \(probeBytes >> 20) MiB")
            let bw = Calibration.measureReadBandwidth(bytes: probeBytes, repetitions: Swift.max(9, repetitions))
            if bw.best > c.memoryReadGigabytesPerSecond {
                c.memoryReadGigabytesPerSecond = bw.best
                c.memoryReadMedianGigabytesPerSecond = bw.median
                c.memoryBufferBytes = probeBytes
            }
        }
        return c
    }

    /// Replaces the rate `rate(for:)` finds for the shape with `fresh` when it is faster (adds it when new).
    public mutating func keepFaster(_ fresh: GemmRate) {
        if let i = gemm.firstIndex(where: { $0.shape.key == fresh.shape.key }) {
            if fresh.gflops > gemm[i].gflops { gemm[i] = fresh }
        } else {
            gemm.append(fresh)
        }
    }
}
