import Foundation
import PortbenchSchema
import Workload

/// GELU (erf), GELU (tanh approximation, GPT-2's gelu_new), SiLU; optionally gated: f(x)·m (SwiGLU).
public enum ActivationKernel {
    /// One element through libm (`erff`, `tanhf`, `expf`); `run` uses `VectorMath` instead.
    @inline(__always) public static func apply(_ f: ElementwiseFunction, _ x: Float) -> Float {
        switch f {
        case .gelu: return 0.5 * x * (1 + erff(x * 0.70710678118654752))
        case .geluTanh: return 0.5 * x * (1 + tanhf(0.79788456080286536 * (x + 0.044715 * x * x * x)))
        case .silu: return x / (1 + expf(-x))
        }
    }

    public static func run(
        _ f: ElementwiseFunction, count: Int, input: UnsafePointer<Float>,
        multiplier: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>
    ) {
        Parallel.chunks(count, minPerChunk: 32768) { range in
            VectorMath.map(
                VectorMath.Function(f), input + range.lowerBound, multiplier: multiplier.map { $0 + range.lowerBound },
                output + range.lowerBound, count: range.count)
        }
    }

    public static func add(
        count: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        Parallel.chunks(count, minPerChunk: 65536) { range in
            for i in range { output[i] = a[i] + b[i] }
        }
    }
}
