import COpenBLAS
import Foundation

/// A quick check that the OpenBLAS core loaded computes the products the executor asks of it: sgemm (B as is and
/// transposed, alpha ≠ 1), sgemm through `linear` with a bias, and sgemv for one row, on edge sizes (1×1×1, m = 1,
/// k = 1, odd sizes and sizes off every kernel tile, one large enough to be threaded), each against a float64
/// naive product. C starts as NaN where beta is 0, so a kernel that reads it fails.
extension GEMM {
    public struct SelfCheckCase: Sendable, CustomStringConvertible {
        public var m, n, k: Int
        public var transposeB: Bool
        public var bias: Bool
        public var alpha: Float
        public var description: String {
            "\(m)×\(n)×\(k)\(transposeB ? "ᵀ" : "")\(bias ? " +bias" : "")\(alpha != 1 ? " α=\(alpha)" : "")"
        }
    }

    /// The worst case: its error over the bound (≤ 1 passes) and whether any output was not finite.
    public struct SelfCheckResult: Sendable {
        public var cases: Int
        public var worst: String
        public var worstRatio: Double
        public var passed: Bool { worstRatio <= 1 }
    }

    public static let selfCheckCases: [SelfCheckCase] = [
        (1, 1, 1, false, false, 1), (1, 1, 1, true, false, 1), (1, 1, 1, true, true, 1), (1, 37, 129, true, false, 1),
        (1, 333, 1000, true, true, 1), (17, 19, 1, false, false, 1), (17, 19, 1, true, false, 1),
        (2, 3, 5, true, false, 0.5), (33, 65, 31, true, true, 1), (127, 129, 257, false, false, 1.5),
        (127, 129, 257, true, false, 1), (5, 4097, 17, true, true, 1), (200, 300, 1000, true, false, 1),
        (257, 96, 513, false, false, 1),
    ].map { SelfCheckCase(m: $0.0, n: $0.1, k: $0.2, transposeB: $0.3, bias: $0.4, alpha: $0.5) }

    /// Runs every case; the error bound of a product is (2k + 8)·2⁻²⁴ · Σ|α·a·b| (+ |bias|) plus 1e-30.
    public static func selfCheck() -> SelfCheckResult {
        var worst = "", ratio = 0.0
        var rng = UInt64(0x9E37_79B9_7F4A_7C15)
        func next() -> Float {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: rng >> 11) % 2001 - 1000) / 512
        }
        for c in selfCheckCases {
            let a = (0..<(c.m * c.k)).map { _ in next() }, b = (0..<(c.n * c.k)).map { _ in next() }
            let bias = (0..<c.n).map { _ in next() }
            var y = [Float](repeating: .nan, count: c.m * c.n)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    y.withUnsafeMutableBufferPointer { py in
                        if c.transposeB, c.alpha == 1 {
                            bias.withUnsafeBufferPointer { pbias in
                                linear(
                                    x: pa.baseAddress!, m: c.m, k: c.k, w: pb.baseAddress!, n: c.n,
                                    bias: c.bias ? pbias.baseAddress! : nil, y: py.baseAddress!)
                            }
                        } else {
                            strided(
                                m: c.m, n: c.n, k: c.k, alpha: c.alpha, a: pa.baseAddress!, lda: c.k,
                                b: pb.baseAddress!, ldb: c.transposeB ? c.k : c.n, transposeB: c.transposeB,
                                c: py.baseAddress!, ldc: c.n)
                        }
                    }
                }
            }
            for i in 0..<c.m {
                for j in 0..<c.n {
                    var exact = c.bias ? Double(bias[j]) : 0, magnitude = abs(exact)
                    for p in 0..<c.k {
                        let bv = Double(c.transposeB ? b[j * c.k + p] : b[p * c.n + j])
                        let term = Double(c.alpha) * Double(a[i * c.k + p]) * bv
                        exact += term
                        magnitude += abs(term)
                    }
                    let bound = Double(2 * c.k + 8) * 0x1p-24 * magnitude + 1e-30
                    let got = Double(y[i * c.n + j])
                    let r = got.isFinite ? abs(got - exact) / bound : .infinity
                    if r > ratio || worst.isEmpty {
                        ratio = max(r, ratio)
                        worst = "\(c) at [\(i), \(j)]: \(got) vs \(exact)"
                    }
                }
            }
        }
        return SelfCheckResult(cases: selfCheckCases.count, worst: worst, worstRatio: ratio)
    }
}
