import Foundation

/// A likely reason a case near its OpenBLAS ceiling is far below the machine's physical roofline.
public enum PhysicalGapCause: String, Codable, CaseIterable, Equatable, Sendable {
    /// OpenBLAS runs a core narrower than the CPU's best instruction set (a fallback, or a core kept by choice).
    case blasCore = "blas-core"
    /// OpenBLAS runs fewer threads than the machine has cores.
    case threads
    /// The physical roofline is the memory side: the weights stream at the read bandwidth, FLOPs are not the limit.
    case memoryBound = "memory-bound"
    /// None of the above: the GEMM shapes themselves run below peak (small or skinny products).
    case shapes

    /// One line for a report.
    public var explanation: String {
        switch self {
        case .blasCore: return "the OpenBLAS core is narrower than the CPU's best instruction set"
        case .threads: return "OpenBLAS runs fewer threads than the machine has cores"
        case .memoryBound: return "the case is memory-bound: weight bytes at the read bandwidth, not FLOPs"
        case .shapes: return "its GEMM shapes run below the peak FMA rate in OpenBLAS (small or skinny products)"
        }
    }
}
