import Foundation
import PortbenchSchema

/// The kind of transformer layer; decides attention masking and the feed-forward block.
public enum LayerKind: String, CaseIterable, Codable, Sendable {
    case decoder, encoder
    case moeDecoder = "moe-decoder"

    public var isCausal: Bool { self != .encoder }
}

/// The feed-forward activation: GELU (erf), GELU (tanh approximation), or SwiGLU (silu gate × up).
public enum ActivationKind: String, CaseIterable, Codable, Sendable {
    case gelu
    case geluTanh = "gelu-tanh"
    case swiglu
    case silu
}

public enum NormKind: String, CaseIterable, Codable, Sendable {
    case layernorm, rmsnorm
}

public enum NormPosition: String, CaseIterable, Codable, Sendable {
    case pre, post
}

/// Llama-3-style RoPE frequency scaling (`rope_scaling` with `rope_type: llama3` in HF configs).
public struct RopeScaling: Codable, Equatable, Sendable {
    public var factor: Double
    public var lowFreqFactor: Double
    public var highFreqFactor: Double
    public var originalMaxPosition: Int

    public init(factor: Double, lowFreqFactor: Double, highFreqFactor: Double, originalMaxPosition: Int) {
        self.factor = factor
        self.lowFreqFactor = lowFreqFactor
        self.highFreqFactor = highFreqFactor
        self.originalMaxPosition = originalMaxPosition
    }
}

/// How positions enter the layer: rotary embeddings, or none (absolute embeddings live outside the layer).
public enum PositionEncoding: Equatable, Sendable, Codable {
    case none
    case rope(theta: Double, scaling: RopeScaling?)
}

/// Which Hugging Face tensor-naming family a layer's safetensors weights use.
public enum WeightNaming: String, CaseIterable, Codable, Sendable {
    case llama, mixtral, gpt2, bert
}

/// A validated transformer layer configuration.
public struct TransformerConfig: Equatable, Sendable, Codable {
    public var kind: LayerKind
    public var hidden: Int
    public var heads: Int
    public var kvHeads: Int
    public var headDim: Int
    public var ffn: Int
    public var activation: ActivationKind
    public var norm: NormKind
    public var normEps: Double
    public var normPosition: NormPosition
    public var bias: Bool
    public var position: PositionEncoding
    public var experts: Int
    public var topK: Int
    public var naming: WeightNaming

    public init(
        kind: LayerKind, hidden: Int, heads: Int, kvHeads: Int, headDim: Int, ffn: Int,
        activation: ActivationKind, norm: NormKind, normEps: Double, normPosition: NormPosition,
        bias: Bool, position: PositionEncoding, experts: Int = 0, topK: Int = 0, naming: WeightNaming? = nil
    ) {
        self.kind = kind
        self.hidden = hidden
        self.heads = heads
        self.kvHeads = kvHeads
        self.headDim = headDim
        self.ffn = ffn
        self.activation = activation
        self.norm = norm
        self.normEps = normEps
        self.normPosition = normPosition
        self.bias = bias
        self.position = position
        self.experts = experts
        self.topK = topK
        self.naming = naming ?? TransformerConfig.defaultNaming(kind: kind, norm: norm)
    }

    /// The naming family a layer most likely comes from when the spec does not say.
    public static func defaultNaming(kind: LayerKind, norm: NormKind) -> WeightNaming {
        switch kind {
        case .moeDecoder: return .mixtral
        case .encoder: return .bert
        case .decoder: return norm == .layernorm ? .gpt2 : .llama
        }
    }

    public var qDim: Int { heads * headDim }
    public var kvDim: Int { kvHeads * headDim }
    public var isMoE: Bool { kind == .moeDecoder }
    public var isGated: Bool { activation == .swiglu }

    /// Number of parameters in the layer (weights, biases and norm parameters).
    public var parameterCount: Int {
        var n = hidden * qDim + 2 * hidden * kvDim + qDim * hidden
        if bias { n += qDim + 2 * kvDim + hidden }
        let ffnOne = (isGated ? 3 : 2) * hidden * ffn + (bias ? ffn + hidden : 0)
        n += isMoE ? experts * ffnOne + hidden * experts : ffnOne
        n += (norm == .layernorm ? 2 : 1) * hidden * 2
        return n
    }
}
