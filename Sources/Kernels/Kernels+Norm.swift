import Foundation
import PortbenchSchema
import Workload

/// RMSNorm (Llama: x·rsqrt(mean(x²)+eps)·w) and LayerNorm (biased variance, then ·w + b), row by row.
public enum NormKernels {
    public static func rms(
        _ o: Norm, input: UnsafePointer<Float>, weight: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        let n = o.cols
        Parallel.chunks(o.rows, minPerChunk: max(1, 32768 / n)) { rows in
            for r in rows {
                let x = input + r * n, y = output + r * n
                let ms = sumSquares(x, n) / Float(n)
                let s = 1 / (ms + Float(o.eps)).squareRoot()
                for j in 0..<n { y[j] = weight[j] * (x[j] * s) }
            }
        }
    }

    public static func layer(
        _ o: Norm, input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
        output: UnsafeMutablePointer<Float>
    ) {
        let n = o.cols
        Parallel.chunks(o.rows, minPerChunk: max(1, 32768 / n)) { rows in
            for r in rows {
                let x = input + r * n, y = output + r * n
                let mean = sum(x, n) / Float(n)
                var acc = SIMD8<Float>()
                var j = 0
                while j + 8 <= n {
                    let d = UnsafeRawPointer(x + j).loadUnaligned(as: SIMD8<Float>.self) - SIMD8(repeating: mean)
                    acc += d * d
                    j += 8
                }
                var v = acc.sum()
                while j < n {
                    let d = x[j] - mean
                    v += d * d
                    j += 1
                }
                let s = 1 / (v / Float(n) + Float(o.eps)).squareRoot()
                for j in 0..<n { y[j] = (x[j] - mean) * s * weight[j] + (bias?[j] ?? 0) }
            }
        }
    }

    @inline(__always) static func sum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD8<Float>()
        var j = 0
        while j + 8 <= n {
            acc += UnsafeRawPointer(x + j).loadUnaligned(as: SIMD8<Float>.self)
            j += 8
        }
        var s = acc.sum()
        while j < n {
            s += x[j]
            j += 1
        }
        return s
    }

    @inline(__always) static func sumSquares(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD8<Float>()
        var j = 0
        while j + 8 <= n {
            let v = UnsafeRawPointer(x + j).loadUnaligned(as: SIMD8<Float>.self)
            acc += v * v
            j += 8
        }
        var s = acc.sum()
        while j < n {
            s += x[j] * x[j]
            j += 1
        }
        return s
    }
}
