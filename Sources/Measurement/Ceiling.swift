import Foundation
import Workload

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

    public var seconds: Double { max(computeSeconds, memorySeconds) }

    public init(bound: Bound, computeSeconds: Double, memorySeconds: Double, gemmFlops: Double) {
        self.bound = bound
        self.computeSeconds = computeSeconds
        self.memorySeconds = memorySeconds
        self.gemmFlops = gemmFlops
    }

    public init(graph: LayerGraph, calibration: Calibration) {
        var compute = 0.0, flops = 0.0
        for shape in graph.gemmShapes {
            guard let rate = calibration.rate(for: shape) else { preconditionFailure("no calibration for \(shape.label)") }
            compute += shape.flops / (rate.gflops * 1e9)
            flops += shape.flops
        }
        computeSeconds = compute
        memorySeconds = graph.totalCost.weightBytes / (calibration.memoryReadGigabytesPerSecond * 1e9)
        gemmFlops = flops
        memoryBandwidthGigabytesPerSecond = calibration.memoryReadGigabytesPerSecond
        bound = compute >= memorySeconds ? .compute : .memory
    }

    /// The fraction of the ceiling a measured time reaches.
    public func fraction(measuredSeconds: Double) -> Double { seconds / measuredSeconds }
}
