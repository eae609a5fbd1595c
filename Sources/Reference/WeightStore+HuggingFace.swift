import Foundation
import Kernels
import PortbenchSchema
import Workload

/// How a canonical weight is found in a Hugging Face checkpoint: its tensor name and how to reshape it.
struct HFSource {
    enum Transform: Equatable {
        case none
        /// GPT-2 Conv1D stores [in, out]; we store [out, in].
        case transpose
        /// One of q/k/v from GPT-2's fused c_attn ([in, 3·out] weight or [3·out] bias).
        case fusedPart(Int, transposed: Bool)
    }
    let name: String
    let transform: Transform
}

extension WeightNaming {
    /// The checkpoint tensor a canonical weight comes from, for layer `i`.
    func source(for canonical: String, layer i: Int) -> HFSource {
        let parts = canonical.split(separator: ".").map(String.init)
        let (base, leaf) = (parts.dropLast().joined(separator: "."), parts.last!)
        switch self {
        case .llama, .mixtral:
            let p = "model.layers.\(i)."
            let map: [String: String] = [
                "attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
                "q": "self_attn.q_proj", "k": "self_attn.k_proj", "v": "self_attn.v_proj", "o": "self_attn.o_proj",
                "gate": "mlp.gate_proj", "up": "mlp.up_proj", "down": "mlp.down_proj",
                "router": "block_sparse_moe.gate",
            ]
            if parts.first == "experts" {
                let w = ["gate": "w1", "up": "w3", "down": "w2"][parts[2]]!
                return HFSource(name: "\(p)block_sparse_moe.experts.\(parts[1]).\(w).\(leaf)", transform: .none)
            }
            return HFSource(name: p + map[base]! + "." + leaf, transform: .none)
        case .gpt2:
            let p = "h.\(i)."
            switch base {
            case "q", "k", "v":
                let part = ["q": 0, "k": 1, "v": 2][base]!
                return HFSource(
                    name: "\(p)attn.c_attn.\(leaf)", transform: .fusedPart(part, transposed: leaf == "weight"))
            default:
                let map = [
                    "attn_norm": "ln_1", "ffn_norm": "ln_2", "o": "attn.c_proj", "up": "mlp.c_fc", "down": "mlp.c_proj",
                ]
                let isNorm = base.hasSuffix("_norm")
                return HFSource(
                    name: p + map[base]! + "." + leaf, transform: (leaf == "weight" && !isNorm) ? .transpose : .none)
            }
        case .bert:
            let p = "encoder.layer.\(i)."
            let map = [
                "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                "o": "attention.output.dense", "attn_norm": "attention.output.LayerNorm",
                "up": "intermediate.dense", "down": "output.dense", "ffn_norm": "output.LayerNorm",
            ]
            return HFSource(name: p + map[base]! + "." + leaf, transform: .none)
        }
    }
}

extension WeightStore {
    /// Loads layer `layerIndex` of a Hugging Face safetensors checkpoint under the config's naming family.
    /// `prefix` is prepended to every name (e.g. "transformer." for GPT2LMHeadModel checkpoints).
    public static func load(
        safetensors path: String, config: TransformerConfig, weights: [WeightInfo],
        layerIndex: Int, prefix: String = "", allowNonFinite: Bool = false
    ) throws -> WeightStore {
        let file = try SafeTensorsFile(path: path)
        let sources = try verify(file, config: config, weights: weights, layerIndex: layerIndex, prefix: prefix)
        var out: [String: Tensor] = [:]
        for (w, src) in zip(weights, sources) {
            let t = try file.tensor(prefix + src.name)
            if !allowNonFinite { try t.checkFinite(file: path, tensor: prefix + src.name) }
            out[w.name] = reshape(t, to: w.shape, src.transform)
        }
        return WeightStore(tensors: out, origin: path)
    }

    /// A layer's weights: layer `layerIndex` of a safetensors checkpoint when one is given, else seeded.
    public static func forLayer(
        _ graph: LayerGraph, safetensors path: String?, layerIndex: Int, prefix: String,
        seed: UInt64, allowNonFinite: Bool = false
    ) throws -> WeightStore {
        guard let path else { return .seeded(for: graph.weights, seed: seed) }
        return try load(
            safetensors: path, config: graph.config, weights: graph.weights, layerIndex: layerIndex, prefix: prefix,
            allowNonFinite: allowNonFinite)
    }

    static func verify(
        _ file: SafeTensorsFile, config: TransformerConfig, weights: [WeightInfo],
        layerIndex: Int, prefix: String
    ) throws -> [HFSource] {
        try weights.map { w in
            let src = config.naming.source(for: w.name, layer: layerIndex)
            let name = prefix + src.name
            let expected = hfShape(of: w.shape, src.transform)
            guard let entry = file.entries[name] else {
                throw WeightError.missing(name: name, expected: expected, source: file.path)
            }
            guard entry.shape == expected else {
                throw WeightError.shape(name: name, expected: expected, actual: entry.shape, source: file.path)
            }
            return src
        }
    }

    static func hfShape(of shape: [Int], _ t: HFSource.Transform) -> [Int] {
        switch t {
        case .none: return shape
        case .transpose: return [shape[1], shape[0]]
        case .fusedPart(_, let transposed): return transposed ? [shape[1], 3 * shape[0]] : [3 * shape[0]]
        }
    }

    static func reshape(_ t: Tensor, to shape: [Int], _ transform: HFSource.Transform) -> Tensor {
        switch transform {
        case .none:
            return t
        case .transpose:
            return transposed(t, rows: t.shape[0], cols: t.shape[1], columnOffset: 0, columns: t.shape[1])
        case .fusedPart(let part, let isTransposed):
            if !isTransposed {
                let n = shape[0]
                return Tensor(shape: shape, values: Array(t.buffer[(part * n)..<((part + 1) * n)]))
            }
            return transposed(t, rows: t.shape[0], cols: t.shape[1], columnOffset: part * shape[0], columns: shape[0])
        }
    }

    /// out[c, r] = t[r, columnOffset + c] for c in 0..<columns.
    static func transposed(_ t: Tensor, rows: Int, cols: Int, columnOffset: Int, columns: Int) -> Tensor {
        let out = Tensor(shape: [columns, rows])
        for r in 0..<rows {
            for c in 0..<columns { out.data[c * rows + r] = t.data[r * cols + columnOffset + c] }
        }
        return out
    }
}

extension WeightStore {
    /// Checks a checkpoint before any work: every name and shape from the header (throwing `WeightError`), then every
    /// tensor of the layer, read one at a time; returns those that hold NaN or ±Inf with their first bad index.
    public static func verify(
        safetensors path: String, config: TransformerConfig, weights: [WeightInfo],
        layerIndex: Int, prefix: String = ""
    ) throws -> [NonFiniteError] {
        let file = try SafeTensorsFile(path: path)
        let sources = try verify(file, config: config, weights: weights, layerIndex: layerIndex, prefix: prefix)
        return try sources.compactMap { src in
            let name = prefix + src.name
            guard let bad = try file.tensor(name).firstNonFinite() else { return nil }
            return NonFiniteError(file: path, tensor: name, index: bad.index, value: bad.value)
        }
    }
}
