import Foundation
import PortbenchSchema
import Workload

extension Ceiling {
    public init(graph: LayerGraph, calibration: Calibration) {
        var compute = 0.0, flops = 0.0
        for shape in graph.gemmShapes {
            guard let rate = calibration.rate(for: shape) else {
                preconditionFailure("no calibration for \(shape.label)")
            }
            compute += shape.flops / (rate.gflops * 1e9)
            flops += shape.flops
        }
        let memory = graph.totalCost.weightBytes / (calibration.memoryReadGigabytesPerSecond * 1e9)
        self.init(
            bound: compute >= memory ? .compute : .memory, computeSeconds: compute, memorySeconds: memory,
            gemmFlops: flops)
        memoryBandwidthGigabytesPerSecond = calibration.memoryReadGigabytesPerSecond
        memoryBufferBytes = calibration.memoryBufferBytes
        if let peak = calibration.peakGflops, peak > 0 {
            peakGigaflopsPerSecond = peak
            physicalComputeSeconds = flops / (peak * 1e9)
        }
    }
}
