import Foundation
import PortbenchSchema

/// y[m,n] = x[m,k] · W[n,k]ᵀ (+ b): a linear layer with the weight stored as Hugging Face stores it, [out, in].
public struct Matmul: Equatable, Sendable {
    public var input, weight: String
    public var bias: String?
    public var output: String
    public var m, k, n: Int
}

/// Attention's per-head products over a [batch, tokens, heads, headDim] layout, with grouped-query sharing.
/// `scores`: [B,S,H,D] · cache[B,T,KVH,D]ᵀ → [B,H,S,T] (scaled by `alpha`); `context`: [B,H,S,T] · cache → [B,S,H,D].
public struct BatchedMatmul: Equatable, Sendable {
    public enum Role: String, Sendable { case scores, context }
    public var role: Role
    public var a, b, output: String
    public var batch, heads, kvHeads, headDim: Int
    /// Queries per sequence (S) and keys per sequence (T).
    public var queries, keys: Int
    public var alpha: Float

    /// The independent GEMMs this op is made of: one per (sequence, head), or for a single query one per
    /// (sequence, KV head) with the group's query heads stacked as rows.
    public var gemms: (count: Int, m: Int, n: Int, k: Int) {
        let group = queries == 1 ? heads / kvHeads : 1
        let count = queries == 1 ? batch * kvHeads : batch * heads
        let m = queries * group
        switch role {
        case .scores: return (count, m, keys, headDim)
        case .context: return (count, m, headDim, keys)
        }
    }
}

/// Row-wise softmax over the last axis of [rows, cols], with an optional causal mask for query offset `queryOffset`.
public struct Softmax: Equatable, Sendable {
    public var input, output: String
    /// Rows are (batch, head, query) in that order; `queries` is S so the query index is row % S.
    public var rows, cols, queries: Int
    public var causal: Bool
    public var queryOffset: Int
}

/// LayerNorm or RMSNorm over the last axis of [rows, cols].
public struct Norm: Equatable, Sendable {
    public var input, output, weight: String
    public var bias: String?
    public var rows, cols: Int
    public var eps: Double
}

/// Rotary position embedding (Hugging Face `rotate_half` convention) on [batch, seq, heads, headDim].
public struct Rope: Equatable, Sendable {
    public var input, output: String
    public var batch, seq, heads, headDim: Int
    public var positionOffset: Int
    public var theta: Double
    public var scaling: RopeScaling?
}

/// Elementwise functions an activation op applies.
public enum ElementwiseFunction: String, Sendable, CaseIterable {
    case gelu
    case geluTanh = "gelu-tanh"
    case silu
}

/// out = f(input), or f(input) ⊙ multiplier for gated units (SwiGLU: silu(gate) ⊙ up).
public struct Activation: Equatable, Sendable {
    public var input: String
    public var multiplier: String?
    public var output: String
    public var count: Int
    public var function: ElementwiseFunction
}

/// out = a + b (the residual connection).
public struct Add: Equatable, Sendable {
    public var a, b, output: String
    public var count: Int
}

/// MoE routing as Mixtral: softmax over router logits, top-k, weights renormalised to sum to 1.
/// Output [tokens, 2·topK]: the chosen expert indices (as exact small floats), then their weights.
public struct Router: Equatable, Sendable {
    public var logits, output: String
    public var tokens, experts, topK: Int
}

/// The sparse expert block: each token through its top-k SwiGLU experts, weighted and summed.
public struct MoEExperts: Equatable, Sendable {
    public var input, routing, output: String
    public var tokens, hidden, ffn, experts, topK: Int

    /// Experts that must be read at least once: all of them, unless fewer token-slots than experts exist.
    public var expertsTouched: Int { min(experts, tokens * topK) }
}

/// Writes new keys or values [B,S,KVH,D] into a cache [B,T,KVH,D] at position `offset`.
public struct KVAppend: Equatable, Sendable {
    public var input, cache: String
    public var batch, seq, offset, capacity, kvHeads, headDim: Int
}

/// One operation of a layer graph.
public enum OpKind: Equatable, Sendable {
    case matmul(Matmul)
    case batchedMatmul(BatchedMatmul)
    case softmax(Softmax)
    case rmsNorm(Norm)
    case layerNorm(Norm)
    case rope(Rope)
    case activation(Activation)
    case add(Add)
    case router(Router)
    case moeExperts(MoEExperts)
    case kvAppend(KVAppend)
}

/// A named op in a graph ("q_proj", "attn_softmax", …).
public struct Op: Equatable, Sendable {
    public var name: String
    public var kind: OpKind
    public init(_ name: String, _ kind: OpKind) {
        self.name = name
        self.kind = kind
    }
}
