import Foundation
import PortbenchSchema

/// The static cost of an op: floating-point operations and the minimum bytes it must move (fp32, each operand once).
public struct OpCost: Equatable, Sendable {
    public var flops: Double
    /// Bytes of weights read (the part decode is bound by).
    public var weightBytes: Double
    /// Bytes of activations read and written.
    public var activationBytes: Double
    /// Bytes of KV cache read and written (kept apart: deployments often store it in another precision).
    public var cacheBytes: Double

    public init(flops: Double, weightBytes: Double, activationBytes: Double, cacheBytes: Double = 0) {
        self.flops = flops
        self.weightBytes = weightBytes
        self.activationBytes = activationBytes
        self.cacheBytes = cacheBytes
    }

    public var bytes: Double { weightBytes + activationBytes + cacheBytes }
    public static let zero = OpCost(flops: 0, weightBytes: 0, activationBytes: 0)

    public static func + (a: OpCost, b: OpCost) -> OpCost {
        OpCost(
            flops: a.flops + b.flops, weightBytes: a.weightBytes + b.weightBytes,
            activationBytes: a.activationBytes + b.activationBytes, cacheBytes: a.cacheBytes + b.cacheBytes)
    }
}

/// FLOPs charged per element by non-GEMM ops (one place, so every consumer counts alike).
public enum ElementwiseFlops {
    public static let softmax = 5.0  // max, subtract, exp, sum, divide
    public static let rmsNorm = 4.0  // square, sum, scale, weight
    public static let layerNorm = 7.0  // mean, centre, square, sum, scale, weight, bias
    public static let rope = 3.0  // two multiplies and an add
    public static let add = 1.0
    public static func activation(_ f: ElementwiseFunction, gated: Bool) -> Double {
        let base: Double
        switch f {
        case .gelu: base = 8
        case .geluTanh: base = 9
        case .silu: base = 4
        }
        return base + (gated ? 1 : 0)
    }
}

extension Op {
    static let floatBytes = 4.0

    /// FLOPs and minimum bytes of this op.
    public var cost: OpCost {
        let f = Op.floatBytes
        switch kind {
        case .matmul(let o):
            let (m, k, n) = (Double(o.m), Double(o.k), Double(o.n))
            let biasFlops = o.bias == nil ? 0 : m * n
            return OpCost(
                flops: 2 * m * k * n + biasFlops, weightBytes: f * (k * n + (o.bias == nil ? 0 : n)),
                activationBytes: f * (m * k + m * n))
        case .batchedMatmul(let o):
            let g = o.gemms
            let flops = 2 * Double(g.count) * Double(g.m) * Double(g.n) * Double(g.k)
            let q = Double(o.batch * o.queries * o.heads * o.headDim)
            let cache = Double(o.batch * o.keys * o.kvHeads * o.headDim)
            let scores = Double(o.batch * o.heads * o.queries * o.keys)
            return OpCost(flops: flops, weightBytes: 0, activationBytes: f * (q + scores), cacheBytes: f * cache)
        case .softmax(let o):
            let n = Double(o.rows * o.cols)
            return OpCost(flops: ElementwiseFlops.softmax * n, weightBytes: 0, activationBytes: f * 2 * n)
        case .rmsNorm(let o):
            return normCost(o, perElement: ElementwiseFlops.rmsNorm)
        case .layerNorm(let o):
            return normCost(o, perElement: ElementwiseFlops.layerNorm)
        case .rope(let o):
            let n = Double(o.batch * o.seq * o.heads * o.headDim)
            return OpCost(flops: ElementwiseFlops.rope * n, weightBytes: 0, activationBytes: f * 2 * n)
        case .activation(let o):
            let n = Double(o.count)
            let reads = o.multiplier == nil ? 1.0 : 2.0
            return OpCost(
                flops: ElementwiseFlops.activation(o.function, gated: o.multiplier != nil) * n,
                weightBytes: 0, activationBytes: f * (reads + 1) * n)
        case .add(let o):
            let n = Double(o.count)
            return OpCost(flops: ElementwiseFlops.add * n, weightBytes: 0, activationBytes: f * 3 * n)
        case .router(let o):
            let n = Double(o.tokens * o.experts)
            return OpCost(
                flops: ElementwiseFlops.softmax * n + Double(o.tokens * o.topK) * 2, weightBytes: 0,
                activationBytes: f * (n + Double(o.tokens * o.topK * 2)))
        case .moeExperts(let o):
            let slots = Double(o.tokens * o.topK)
            let (h, ffn) = (Double(o.hidden), Double(o.ffn))
            let flops = slots * (3 * 2 * h * ffn + ElementwiseFlops.activation(.silu, gated: true) * ffn + 2 * h)
            return OpCost(
                flops: flops, weightBytes: f * Double(o.expertsTouched) * 3 * h * ffn,
                activationBytes: f * (2 * Double(o.tokens) * h + Double(o.tokens * o.topK * 2)))
        case .kvAppend(let o):
            let n = Double(o.batch * o.seq * o.kvHeads * o.headDim)
            return OpCost(flops: 0, weightBytes: 0, activationBytes: f * n, cacheBytes: f * n)
        }
    }

    private func normCost(_ o: Norm, perElement: Double) -> OpCost {
        let n = Double(o.rows * o.cols)
        let params = Double(o.cols) * (o.bias == nil ? 1 : 2)
        return OpCost(
            flops: perElement * n, weightBytes: Op.floatBytes * params, activationBytes: Op.floatBytes * 2 * n)
    }

    /// The GEMM calls this op is made of (count × m×n×k), empty for non-GEMM ops.
    public var gemmShapes: [GemmShape] {
        switch kind {
        case .matmul(let o):
            return [GemmShape(m: o.m, n: o.n, k: o.k, count: 1, transposeB: true)]
        case .batchedMatmul(let o):
            let g = o.gemms
            return [GemmShape(m: g.m, n: g.n, k: g.k, count: g.count, transposeB: o.role == .scores)]
        case .moeExperts(let o):
            // Each expert sees tokens·topK/experts rows on average; every token-slot costs three GEMM rows.
            let rows = max(1, (o.tokens * o.topK + o.experts - 1) / o.experts)
            let n = o.expertsTouched
            return [
                GemmShape(m: rows, n: o.ffn, k: o.hidden, count: 2 * n, transposeB: true),
                GemmShape(m: rows, n: o.hidden, k: o.ffn, count: n, transposeB: true),
            ]
        case .softmax, .rmsNorm, .layerNorm, .rope, .activation, .add, .router, .kvAppend:
            return []
        }
    }
}
