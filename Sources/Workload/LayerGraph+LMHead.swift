import Foundation
import PortbenchSchema

extension LayerGraph {
    /// The LM head as a one-op graph: logits[rows, vocab] = h[rows, hidden] · Wᵀ (the embedding matrix when tied).
    public static func lmHead(rows: Int, hidden: Int, vocab: Int) -> LayerGraph {
        let config = TransformerConfig(
            kind: .decoder, hidden: hidden, heads: 1, kvHeads: 1, headDim: hidden, ffn: 1,
            activation: .silu, norm: .rmsnorm, normEps: 1e-5, normPosition: .pre, bias: false, position: .none)
        let op = Op(
            "lm_head",
            .matmul(
                Matmul(
                    input: inputName, weight: "lm_head.weight", bias: nil, output: outputName,
                    m: rows, k: hidden, n: vocab)))
        return LayerGraph(
            config: config, scenario: .prefill("lm-head", batch: rows, seq: 1),
            values: [
                ValueInfo(name: inputName, shape: [rows, hidden], role: .input),
                ValueInfo(name: outputName, shape: [rows, vocab], role: .output),
            ],
            weights: [WeightInfo(name: "lm_head.weight", shape: [vocab, hidden], kind: .linear)], ops: [op])
    }
}
