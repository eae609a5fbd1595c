import Foundation
import PortbenchSchema

/// TPU/XLA-style modelling parameters: the `xla` section of Devices/styles.yaml, each with its source.
public struct XLAParameters: StyleParameters, Equatable {
    /// Achievable fraction of the matrix-unit peak.
    public var gemmEfficiency: Sourced
    /// Achievable fraction of HBM bandwidth.
    public var memoryEfficiency: Sourced
    /// Fixed overhead of one compiled program's step.
    public var stepOverheadMicroseconds: Sourced
    /// Compile time of a program: a base plus a share per op.
    public var compileSecondsBase: Sourced
    public var compileSecondsPerOp: Sourced
    public var linkLatencyMicroseconds: Sourced

    public init(_ s: StyleSectionReader) {
        gemmEfficiency = s.fraction("gemm_efficiency")
        memoryEfficiency = s.fraction("memory_efficiency")
        stepOverheadMicroseconds = s.microseconds("step_overhead_us")
        compileSecondsBase = s.value("compile_seconds_base", in: 0...1e5)
        compileSecondsPerOp = s.value("compile_seconds_per_op", in: 0...1e5)
        linkLatencyMicroseconds = s.microseconds("link_latency_us")
    }
}
