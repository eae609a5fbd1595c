import PortbenchSchema
import Workload

/// Attention's batched products over [B,S,H,D] activations and [B,T,KVH,D] caches, with grouped-query sharing.
public enum AttentionKernels {
    /// Runs one `BatchedMatmul` op as the independent GEMMs its `gemms` decomposition names.
    public static func batchedMatmul(
        _ o: BatchedMatmul, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>
    ) {
        let (B, S, T, H, KVH, D) = (o.batch, o.queries, o.keys, o.heads, o.kvHeads, o.headDim)
        let rep = H / KVH
        let cacheRow = KVH * D
        for bi in 0..<B {
            let cache = b + bi * T * cacheRow
            if S == 1 {
                for g in 0..<KVH {
                    switch o.role {
                    case .scores:
                        GEMM.strided(
                            m: rep, n: T, k: D, alpha: o.alpha, a: a + (bi * H + g * rep) * D, lda: D,
                            b: cache + g * D, ldb: cacheRow, transposeB: true,
                            c: out + (bi * H + g * rep) * T, ldc: T)
                    case .context:
                        GEMM.strided(
                            m: rep, n: D, k: T, alpha: o.alpha, a: a + (bi * H + g * rep) * T, lda: T,
                            b: cache + g * D, ldb: cacheRow, transposeB: false,
                            c: out + (bi * H + g * rep) * D, ldc: D)
                    }
                }
                continue
            }
            for h in 0..<H {
                let kv = cache + (h / rep) * D
                switch o.role {
                case .scores:
                    GEMM.strided(
                        m: S, n: T, k: D, alpha: o.alpha, a: a + bi * S * H * D + h * D, lda: H * D,
                        b: kv, ldb: cacheRow, transposeB: true, c: out + (bi * H + h) * S * T, ldc: T)
                case .context:
                    GEMM.strided(
                        m: S, n: D, k: T, alpha: o.alpha, a: a + (bi * H + h) * S * T, lda: T,
                        b: kv, ldb: cacheRow, transposeB: false, c: out + bi * S * H * D + h * D, ldc: H * D)
                }
            }
        }
    }

    /// Copies new keys or values [B,S,KVH·D] into the cache [B,T,KVH·D] at the op's offset.
    public static func kvAppend(_ o: KVAppend, input: UnsafePointer<Float>, cache: UnsafeMutablePointer<Float>) {
        let row = o.kvHeads * o.headDim
        for bi in 0..<o.batch {
            (cache + (bi * o.capacity + o.offset) * row).update(from: input + bi * o.seq * row, count: o.seq * row)
        }
    }
}
