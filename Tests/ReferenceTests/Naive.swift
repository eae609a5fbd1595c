import Foundation
import Kernels
import PortbenchSchema
import Reference

@testable import Workload

/// An independent float64 implementation of the layers, written from the model definitions (not from the
/// graph): loops over plain arrays, no BLAS. Tests compare the fp32 executor against it.
enum Naive {
    typealias W = [String: [Double]]

    static func weights(_ store: WeightStore) -> W {
        store.tensors.mapValues { $0.array.map(Double.init) }
    }

    /// y[r, o] = Σ_i x[r, i]·w[o, i] + b[o]
    static func linear(_ x: [Double], rows: Int, inDim: Int, _ w: [Double], outDim: Int, _ b: [Double]?) -> [Double] {
        var y = [Double](repeating: 0, count: rows * outDim)
        for r in 0..<rows {
            for o in 0..<outDim {
                var s = b?[o] ?? 0
                for i in 0..<inDim { s += x[r * inDim + i] * w[o * inDim + i] }
                y[r * outDim + o] = s
            }
        }
        return y
    }

    static func rmsNorm(_ x: [Double], cols: Int, _ w: [Double], eps: Double) -> [Double] {
        var y = x
        for r in 0..<(x.count / cols) {
            let row = x[(r * cols)..<((r + 1) * cols)]
            let ms = row.reduce(0) { $0 + $1 * $1 } / Double(cols)
            for j in 0..<cols { y[r * cols + j] = x[r * cols + j] / (ms + eps).squareRoot() * w[j] }
        }
        return y
    }

    static func layerNorm(_ x: [Double], cols: Int, _ w: [Double], _ b: [Double], eps: Double) -> [Double] {
        var y = x
        for r in 0..<(x.count / cols) {
            let row = Array(x[(r * cols)..<((r + 1) * cols)])
            let mean = row.reduce(0, +) / Double(cols)
            let v = row.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(cols)
            for j in 0..<cols { y[r * cols + j] = (row[j] - mean) / (v + eps).squareRoot() * w[j] + b[j] }
        }
        return y
    }

    static func gelu(_ x: Double) -> Double { 0.5 * x * (1 + erf(x / 2.0.squareRoot())) }
    static func geluTanh(_ x: Double) -> Double {
        0.5 * x * (1 + tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)))
    }
    static func silu(_ x: Double) -> Double { x / (1 + exp(-x)) }

    static func softmax(_ x: [Double]) -> [Double] {
        let m = x.max()!
        let e = x.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// RoPE on x[tokens, heads·D] for positions offset+s (s = token % seq), rotate_half convention.
    static func rope(
        _ x: [Double], seq: Int, heads: Int, headDim D: Int, offset: Int, theta: Double, scaling: RopeScaling?
    ) -> [Double] {
        var y = x
        let inv = RopeKernel.inverseFrequencies(headDim: D, theta: theta, scaling: scaling)
        let tokens = x.count / (heads * D)
        for t in 0..<tokens {
            let pos = Double(offset + t % seq)
            for h in 0..<heads {
                let base = t * heads * D + h * D
                for j in 0..<D {
                    let angle = pos * inv[j % (D / 2)]
                    let rotated = j < D / 2 ? -x[base + j + D / 2] : x[base + j - D / 2]
                    y[base + j] = x[base + j] * cos(angle) + rotated * sin(angle)
                }
            }
        }
        return y
    }

    /// Scaled dot-product attention with GQA: q [B,S,H,D], caches [B,T,KVH,D] → [B,S,H·D].
    static func attention(
        q: [Double], k: [Double], v: [Double], batch B: Int, seq S: Int, keys T: Int, heads H: Int,
        kvHeads KVH: Int, headDim D: Int, causal: Bool, offset: Int
    ) -> [Double] {
        var out = [Double](repeating: 0, count: B * S * H * D)
        for b in 0..<B {
            for h in 0..<H {
                let g = h / (H / KVH)
                for s in 0..<S {
                    let limit = causal ? offset + s + 1 : T
                    var scores = [Double]()
                    for t in 0..<limit {
                        var dot = 0.0
                        for d in 0..<D { dot += q[((b * S + s) * H + h) * D + d] * k[((b * T + t) * KVH + g) * D + d] }
                        scores.append(dot / Double(D).squareRoot())
                    }
                    let p = softmax(scores)
                    for d in 0..<D {
                        var acc = 0.0
                        for t in 0..<limit { acc += p[t] * v[((b * T + t) * KVH + g) * D + d] }
                        out[((b * S + s) * H + h) * D + d] = acc
                    }
                }
            }
        }
        return out
    }

    /// Mixtral's sparse block for one token vector.
    static func moeToken(_ x: [Double], c: TransformerConfig, _ w: W) -> [Double] {
        let logits = linear(x, rows: 1, inDim: c.hidden, w["router.weight"]!, outDim: c.experts, nil)
        let p = softmax(logits)
        let chosen = (0..<c.experts).sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }.prefix(c.topK)
        let total = chosen.reduce(0) { $0 + p[$1] }
        var out = [Double](repeating: 0, count: c.hidden)
        for e in chosen {
            let g = linear(x, rows: 1, inDim: c.hidden, w["experts.\(e).gate.weight"]!, outDim: c.ffn, nil)
            let u = linear(x, rows: 1, inDim: c.hidden, w["experts.\(e).up.weight"]!, outDim: c.ffn, nil)
            let a = zip(g, u).map { silu($0) * $1 }
            let d = linear(a, rows: 1, inDim: c.ffn, w["experts.\(e).down.weight"]!, outDim: c.hidden, nil)
            for j in 0..<c.hidden { out[j] += p[e] / total * d[j] }
        }
        return out
    }

    static func feedForward(_ x: [Double], tokens: Int, c: TransformerConfig, _ w: W) -> [Double] {
        if c.isMoE {
            return (0..<tokens).flatMap { moeToken(Array(x[($0 * c.hidden)..<(($0 + 1) * c.hidden)]), c: c, w) }
        }
        if c.activation == .swiglu {
            let g = linear(x, rows: tokens, inDim: c.hidden, w["gate.weight"]!, outDim: c.ffn, nil)
            let u = linear(x, rows: tokens, inDim: c.hidden, w["up.weight"]!, outDim: c.ffn, nil)
            return linear(
                zip(g, u).map { silu($0) * $1 }, rows: tokens, inDim: c.ffn, w["down.weight"]!, outDim: c.hidden, nil)
        }
        let u = linear(x, rows: tokens, inDim: c.hidden, w["up.weight"]!, outDim: c.ffn, w["up.bias"])
        let f: (Double) -> Double = c.activation == .gelu ? gelu : (c.activation == .geluTanh ? geluTanh : silu)
        return linear(u.map(f), rows: tokens, inDim: c.ffn, w["down.weight"]!, outDim: c.hidden, w["down.bias"])
    }

    static func norm(_ x: [Double], _ name: String, c: TransformerConfig, _ w: W) -> [Double] {
        c.norm == .rmsnorm
            ? rmsNorm(x, cols: c.hidden, w["\(name).weight"]!, eps: c.normEps)
            : layerNorm(x, cols: c.hidden, w["\(name).weight"]!, w["\(name).bias"]!, eps: c.normEps)
    }

    /// Attention block. `kCache`/`vCache` hold `s.context` cached positions per sequence ([B, context, KVH, D]).
    static func attentionBlock(
        _ x: [Double], c: TransformerConfig, s: Scenario, _ w: W, kCache: [Double], vCache: [Double]
    ) -> [Double] {
        let tokens = s.batch * s.seq
        var q = linear(x, rows: tokens, inDim: c.hidden, w["q.weight"]!, outDim: c.qDim, w["q.bias"])
        var k = linear(x, rows: tokens, inDim: c.hidden, w["k.weight"]!, outDim: c.kvDim, w["k.bias"])
        let v = linear(x, rows: tokens, inDim: c.hidden, w["v.weight"]!, outDim: c.kvDim, w["v.bias"])
        if case .rope(let theta, let scaling) = c.position {
            q = rope(
                q, seq: s.seq, heads: c.heads, headDim: c.headDim, offset: s.context, theta: theta, scaling: scaling)
            k = rope(
                k, seq: s.seq, heads: c.kvHeads, headDim: c.headDim, offset: s.context, theta: theta, scaling: scaling)
        }
        let T = s.totalLength, row = c.kvDim
        var kAll = [Double](), vAll = [Double]()
        for b in 0..<s.batch {
            let cached: Range<Int> = (b * s.context * row)..<((b + 1) * s.context * row)
            let fresh: Range<Int> = (b * s.seq * row)..<((b + 1) * s.seq * row)
            kAll.append(contentsOf: kCache[cached])
            kAll.append(contentsOf: k[fresh])
            vAll.append(contentsOf: vCache[cached])
            vAll.append(contentsOf: v[fresh])
        }
        let ctx = attention(
            q: q, k: kAll, v: vAll, batch: s.batch, seq: s.seq, keys: T, heads: c.heads, kvHeads: c.kvHeads,
            headDim: c.headDim, causal: c.kind.isCausal, offset: s.context)
        return linear(ctx, rows: tokens, inDim: c.qDim, w["o.weight"]!, outDim: c.hidden, w["o.bias"])
    }

    /// The whole layer, pre- or post-norm.
    static func layer(
        _ x: [Double], c: TransformerConfig, s: Scenario, _ w: W, kCache: [Double] = [], vCache: [Double] = []
    ) -> [Double] {
        let tokens = s.batch * s.seq
        switch c.normPosition {
        case .pre:
            let a = attentionBlock(norm(x, "attn_norm", c: c, w), c: c, s: s, w, kCache: kCache, vCache: vCache)
            let h = zip(x, a).map(+)
            let f = feedForward(norm(h, "ffn_norm", c: c, w), tokens: tokens, c: c, w)
            return zip(h, f).map(+)
        case .post:
            let a = attentionBlock(x, c: c, s: s, w, kCache: kCache, vCache: vCache)
            let h = norm(zip(x, a).map(+), "attn_norm", c: c, w)
            let f = feedForward(h, tokens: tokens, c: c, w)
            return norm(zip(h, f).map(+), "ffn_norm", c: c, w)
        }
    }
}
