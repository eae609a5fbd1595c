import CVectorMath
import Workload

/// Element-wise exp, tanh, erf, the activations and the softmax row over buffers, through `CVectorMath`: one C
/// source built for AVX-512, AVX2 and baseline x86-64, the widest the CPU runs picked at start. Every level
/// computes with 16-lane vectors in the same order and without fused multiply-adds, so all give the same bits.
///
/// Bounds measured by `VectorMathTests` against Foundation's double-precision functions on a dense grid:
/// exp relative error ≤ 1e-7 in the normal range (within two steps of the denormal grid below it, +0 below
/// −103.97, +inf only above 88.72); tanh relative ≤ 1.5e-7; erf relative ≤ 2e-7 and absolute ≤ 1.5e-7.
/// NaN propagates, the odd functions keep the sign of ±0, and large |x| saturates without overflow.
public enum VectorMath {
    /// The instruction set a kernel runs with.
    public enum Level: Int32, CaseIterable, Sendable {
        case portable = 0
        case avx2 = 1
        case avx512 = 2
    }

    /// What `map` applies to each element.
    public enum Function: Int32, CaseIterable, Sendable {
        case exp = 0
        case tanh = 1
        case erf = 2
        case gelu = 3
        case geluTanh = 4
        case silu = 5

        public init(_ f: ElementwiseFunction) {
            switch f {
            case .gelu: self = .gelu
            case .geluTanh: self = .geluTanh
            case .silu: self = .silu
            }
        }
    }

    /// The widest level this CPU runs: what the kernels use.
    public static let best = Level(rawValue: cvm_best_level()) ?? .portable

    public static func isSupported(_ level: Level) -> Bool { cvm_supported(level.rawValue) != 0 }

    /// y[i] = f(x[i]), times multiplier[i] when one is given, for i < count.
    @inline(__always)
    public static func map(
        _ f: Function, _ x: UnsafePointer<Float>, multiplier: UnsafePointer<Float>? = nil,
        _ y: UnsafeMutablePointer<Float>, count: Int, level: Level = best
    ) {
        cvm_map(level.rawValue, f.rawValue, x, multiplier, y, count)
    }

    /// Softmax of the first `valid` entries of a row of `cols` (maximum subtracted first); the rest are zero.
    @inline(__always)
    public static func softmaxRow(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, valid: Int, cols: Int, level: Level = best
    ) {
        cvm_softmax_row(level.rawValue, x, y, valid, cols)
    }
}
