import Foundation
import PortbenchSchema
import Workload

/// Numerically careful softmax: subtract the row maximum before exponentiating; masked entries become exact zeros.
public enum SoftmaxKernel {
    public static func run(_ o: Softmax, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let cols = o.cols
        Parallel.chunks(o.rows, minPerChunk: max(1, 16384 / max(cols, 1))) { rows in
            for r in rows {
                let limit = o.causal ? min(cols, o.queryOffset + r % o.queries + 1) : cols
                row(input + r * cols, output + r * cols, valid: limit, cols: cols)
            }
        }
    }

    /// Softmax of the first `valid` entries of a row; the rest are set to zero.
    @inline(__always)
    public static func row(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, valid: Int, cols: Int) {
        typealias V = VectorMath.Vector
        let w = VectorMath.width
        let whole = valid - valid % w
        var mv = V(repeating: -Float.infinity)
        var j = 0
        while j < whole {
            let v = VectorMath.load(x + j)
            mv = mv.replacing(with: v, where: v .> mv)
            j += w
        }
        var m = mv.max()
        for k in whole..<valid { m = max(m, x[k]) }
        // exp through VectorMath.exp (relative error ≤ 1e-7); the padded lanes of the tail are −inf and add exact zeros.
        var sv = V()
        j = 0
        while j < whole {
            let e = VectorMath.exp(VectorMath.load(x + j) - m)
            VectorMath.store(e, y + j)
            sv += e
            j += w
        }
        if whole < valid {
            let e = VectorMath.exp(VectorMath.loadPartial(x + whole, count: valid - whole, fill: -.infinity) - m)
            for k in 0..<(valid - whole) { y[whole + k] = e[k] }
            sv += e
        }
        let sum = sv.sum()
        let inv = 1 / sum
        for j in 0..<valid { y[j] *= inv }
        for j in valid..<cols { y[j] = 0 }
    }
}
