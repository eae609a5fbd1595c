import Foundation
import Kernels
import PortbenchSchema
import Reference
import XCTest

@testable import Workload

/// Every kernel against the float64 naive implementation. Tolerances: fp32 rounding over sums of at most a few
/// hundred terms, so relative L2 ≤ 1e-6 and max abs ≤ 1e-5 on O(1) data unless stated.
final class OpKernelTests: XCTestCase {
    func testLinearWithBiasAndSingleRowPath() {
        for m in [1, 5] {
            let (k, n) = (37, 23)
            let x = randomTensor([m, k], seed: 1), w = randomTensor([n, k], seed: 2), b = randomTensor([n], seed: 3)
            let y = Tensor(shape: [m, n])
            GEMM.linear(x: x.data, m: m, k: k, w: w.data, n: n, bias: b.data, y: y.data)
            let want = Naive.linear(
                x.array.map(Double.init), rows: m, inDim: k, w.array.map(Double.init), outDim: n,
                b.array.map(Double.init))
            assertClose(y.array, want, maxAbs: 1e-5, relL2: 1e-6, "linear m=\(m)")
        }
    }

    func testSoftmaxCausalAndBidirectional() {
        let (rows, cols, queries, offset) = (2 * 3, 8, 3, 5)
        let x = randomTensor([rows, cols], seed: 4, std: 4)
        for causal in [true, false] {
            let y = Tensor(shape: [rows, cols])
            SoftmaxKernel.run(
                Softmax(
                    input: "", output: "", rows: rows, cols: cols, queries: queries, causal: causal, queryOffset: offset
                ),
                input: x.data, output: y.data)
            var want = [Double]()
            for r in 0..<rows {
                let valid = causal ? offset + r % queries + 1 : cols
                let row = (0..<valid).map { Double(x[r * cols + $0]) }
                want += Naive.softmax(row) + [Double](repeating: 0, count: cols - valid)
            }
            assertClose(y.array, want, maxAbs: 1e-6, relL2: 1e-6, "softmax causal=\(causal)")
        }
    }

    func testSoftmaxIsStableForLargeLogits() {
        let x = Tensor(shape: [1, 4], values: [1000, 1001, 1002, -1000])
        let y = Tensor(shape: [1, 4])
        SoftmaxKernel.run(
            Softmax(input: "", output: "", rows: 1, cols: 4, queries: 1, causal: false, queryOffset: 0), input: x.data,
            output: y.data)
        assertClose(y.array, Naive.softmax([1000, 1001, 1002, -1000]), maxAbs: 1e-6, relL2: 1e-6, "large logits")
        XCTAssertFalse(y.array.contains { $0.isNaN })
    }

    func testRMSNormAndLayerNorm() {
        let (rows, cols) = (5, 67)
        let x = randomTensor([rows, cols], seed: 5, std: 3), w = randomTensor([cols], seed: 6),
            b = randomTensor([cols], seed: 7)
        let norm = Norm(input: "", output: "", weight: "", bias: nil, rows: rows, cols: cols, eps: 1e-5)
        let y = Tensor(shape: [rows, cols])
        NormKernels.rms(norm, input: x.data, weight: w.data, output: y.data)
        let xd = x.array.map(Double.init), wd = w.array.map(Double.init)
        assertClose(y.array, Naive.rmsNorm(xd, cols: cols, wd, eps: 1e-5), maxAbs: 1e-5, relL2: 1e-6, "rmsnorm")
        NormKernels.layer(norm, input: x.data, weight: w.data, bias: b.data, output: y.data)
        assertClose(
            y.array, Naive.layerNorm(xd, cols: cols, wd, b.array.map(Double.init), eps: 1e-5), maxAbs: 1e-5,
            relL2: 1e-6, "layernorm")
    }

    func testRopeRotateHalfWithAndWithoutLlama3Scaling() {
        let (batch, seq, heads, d) = (2, 5, 3, 16)
        let x = randomTensor([batch * seq, heads * d], seed: 8)
        for scaling in [nil, RopeScaling(factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPosition: 64)] {
            let op = Rope(
                input: "", output: "", batch: batch, seq: seq, heads: heads, headDim: d, positionOffset: 1000,
                theta: 500_000, scaling: scaling)
            let y = Tensor(shape: x.shape)
            RopeKernel.run(op, input: x.data, output: y.data)
            let want = Naive.rope(
                x.array.map(Double.init), seq: seq, heads: heads, headDim: d, offset: 1000, theta: 500_000,
                scaling: scaling)
            assertClose(y.array, want, maxAbs: 1e-5, relL2: 1e-6, "rope scaling=\(scaling != nil)")
        }
    }

    func testRopeInverseFrequenciesMatchPublishedLlama3Rule() {
        // HF `_compute_llama3_parameters`: low-frequency wavelengths (> 8192/1) divided by 8; high (< 8192/4) unchanged.
        let s = RopeScaling(factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPosition: 8192)
        let plain = RopeKernel.inverseFrequencies(headDim: 128, theta: 500_000, scaling: nil)
        let scaled = RopeKernel.inverseFrequencies(headDim: 128, theta: 500_000, scaling: s)
        XCTAssertEqual(scaled[0], plain[0])  // wavelength 2π < 2048
        XCTAssertEqual(scaled[63], plain[63] / 8, accuracy: 1e-18)  // wavelength far above 8192
        XCTAssertEqual(plain[1], pow(500_000, -2.0 / 128), accuracy: 1e-15)
    }

    func testActivationsGatedAndPlain() {
        let n = 999
        let x = randomTensor([n], seed: 9, std: 3), m = randomTensor([n], seed: 10)
        let y = Tensor(shape: [n])
        let cases: [(ElementwiseFunction, (Double) -> Double)] = [
            (.gelu, Naive.gelu), (.geluTanh, Naive.geluTanh), (.silu, Naive.silu),
        ]
        for (f, ref) in cases {
            ActivationKernel.run(f, count: n, input: x.data, multiplier: nil, output: y.data)
            assertClose(y.array, x.array.map { ref(Double($0)) }, maxAbs: 1e-5, relL2: 1e-6, "\(f)")
            ActivationKernel.run(f, count: n, input: x.data, multiplier: m.data, output: y.data)
            assertClose(
                y.array, zip(x.array, m.array).map { ref(Double($0)) * Double($1) }, maxAbs: 1e-5, relL2: 1e-6,
                "gated \(f)")
        }
    }

    func testGroupedQueryAttentionPrefillAndDecode() {
        for (S, ctx) in [(6, 0), (1, 9)] {
            let (B, H, KVH, D) = (2, 6, 2, 8)
            let T = ctx + S
            let q = randomTensor([B * S, H * D], seed: 11), k = randomTensor([B, T, KVH, D], seed: 12),
                v = randomTensor([B, T, KVH, D], seed: 13)
            let scoresOp = BatchedMatmul(
                role: .scores, a: "", b: "", output: "", batch: B, heads: H, kvHeads: KVH, headDim: D,
                queries: S, keys: T, alpha: 1 / Float(D).squareRoot())
            var ctxOp = scoresOp
            ctxOp.role = .context
            ctxOp.alpha = 1
            let scores = Tensor(shape: [B, H, S, T]), probs = Tensor(shape: [B, H, S, T]),
                out = Tensor(shape: [B * S, H * D])
            AttentionKernels.batchedMatmul(scoresOp, a: q.data, b: k.data, out: scores.data)
            SoftmaxKernel.run(
                Softmax(input: "", output: "", rows: B * H * S, cols: T, queries: S, causal: true, queryOffset: ctx),
                input: scores.data, output: probs.data)
            AttentionKernels.batchedMatmul(ctxOp, a: probs.data, b: v.data, out: out.data)
            let want = Naive.attention(
                q: q.array.map(Double.init), k: k.array.map(Double.init), v: v.array.map(Double.init),
                batch: B, seq: S, keys: T, heads: H, kvHeads: KVH, headDim: D, causal: true, offset: ctx)
            assertClose(out.array, want, maxAbs: 1e-5, relL2: 1e-6, "attention S=\(S)")
        }
    }

    func testKVAppendWritesAtOffsetOnly() {
        let op = KVAppend(input: "", cache: "", batch: 2, seq: 2, offset: 3, capacity: 5, kvHeads: 1, headDim: 2)
        let input = Tensor(shape: [4, 2], values: [1, 2, 3, 4, 5, 6, 7, 8])
        let cache = Tensor(shape: [2, 5, 1, 2])
        cache.fill(-1)
        AttentionKernels.kvAppend(op, input: input.data, cache: cache.data)
        XCTAssertEqual(cache.array, [-1, -1, -1, -1, -1, -1, 1, 2, 3, 4, -1, -1, -1, -1, -1, -1, 5, 6, 7, 8])
    }

    func testRouterTopKRenormalisedAsMixtral() {
        let logits = Tensor(shape: [2, 4], values: [0.1, 2.0, -1.0, 1.5, 3.0, 3.0, 0.0, -2.0])
        let out = Tensor(shape: [2, 4])
        MoEKernels.route(
            Router(logits: "", output: "", tokens: 2, experts: 4, topK: 2), logits: logits.data, output: out.data)
        let p0 = Naive.softmax([0.1, 2.0, -1.0, 1.5])
        XCTAssertEqual(Array(out.array[0..<2]), [1, 3])
        XCTAssertEqual(Double(out[2]), p0[1] / (p0[1] + p0[3]), accuracy: 1e-6)
        XCTAssertEqual(Double(out[3]), p0[3] / (p0[1] + p0[3]), accuracy: 1e-6)
        XCTAssertEqual(Array(out.array[4..<6]), [0, 1], "ties go to the lower expert index")
        XCTAssertEqual(out[6] + out[7], 1, accuracy: 1e-6)
    }
}
