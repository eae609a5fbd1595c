import Foundation
import PortbenchSchema

/// CUDA-style modelling parameters: the `cuda` section of Devices/styles.yaml, each with its source.
public struct CUDAParameters: StyleParameters, Equatable {
    /// Achievable fraction of the tensor-core peak in GEMMs and fused attention.
    public var gemmEfficiency: Sourced
    /// Achievable fraction of HBM bandwidth in GEMMs and fused attention.
    public var memoryEfficiency: Sourced
    /// Achievable fraction of HBM bandwidth in elementwise kernels.
    public var elementwiseMemoryEfficiency: Sourced
    /// Thread-block tile edge of large GEMMs.
    public var gemmTile: Sourced
    public var launchOverheadMicroseconds: Sourced
    /// Per-kernel overhead when the step is captured as a CUDA graph.
    public var graphLaunchOverheadMicroseconds: Sourced
    public var linkLatencyMicroseconds: Sourced

    public init(_ s: StyleSectionReader) {
        gemmEfficiency = s.fraction("gemm_efficiency")
        memoryEfficiency = s.fraction("memory_efficiency")
        elementwiseMemoryEfficiency = s.fraction("elementwise_memory_efficiency")
        gemmTile = s.value("gemm_tile", in: 1...4_096)
        launchOverheadMicroseconds = s.microseconds("launch_overhead_us")
        graphLaunchOverheadMicroseconds = s.microseconds("graph_launch_overhead_us")
        linkLatencyMicroseconds = s.microseconds("link_latency_us")
    }
}
