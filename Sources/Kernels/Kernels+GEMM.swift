import COpenBLAS
import PortbenchSchema

/// Matrix products, all through OpenBLAS (`cblas_sgemm`, and `cblas_sgemv` for a single row).
public enum GEMM {
    /// y[m,n] = x[m,k] · w[n,k]ᵀ + bias[n] (bias optional).
    public static func linear(
        x: UnsafePointer<Float>, m: Int, k: Int, w: UnsafePointer<Float>, n: Int,
        bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>
    ) {
        var beta: Float = 0
        if let bias {
            for r in 0..<m { (y + r * n).update(from: bias, count: n) }
            beta = 1
        }
        if m == 1 {
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), 1, w, Int32(k), x, 1, beta, y, 1)
        } else {
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), 1,
                x, Int32(k), w, Int32(k), beta, y, Int32(n))
        }
    }

    /// C[m,n] = alpha · A[m,k] · op(B) with explicit leading dimensions; op(B) = Bᵀ when `transposeB`.
    @inline(__always)
    public static func strided(
        m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc))
    }
}
