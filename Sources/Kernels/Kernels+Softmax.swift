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

    /// Softmax of the first `valid` entries of a row; the rest are set to zero (`VectorMath.softmaxRow`).
    @inline(__always)
    public static func row(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, valid: Int, cols: Int) {
        VectorMath.softmaxRow(x, y, valid: valid, cols: cols)
    }
}
