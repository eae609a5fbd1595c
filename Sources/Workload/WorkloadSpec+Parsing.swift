import Foundation
import PortbenchSchema

extension WorkloadSpec {
    static let topKeys = ["name", "description", "sources", "layer", "scenarios", "model", "serve"]
    static let layerKeys = [
        "kind", "hidden", "heads", "kv_heads", "head_dim", "ffn", "activation", "norm",
        "norm_position", "bias", "position", "experts", "top_k", "naming",
    ]

    /// Reads and validates a workload file; every problem is a `SpecError` naming file, key path and line.
    public static func load(url: URL) throws -> WorkloadSpec {
        try parse(SpecNode.load(url: url))
    }

    /// Parses and validates workload YAML text; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws -> WorkloadSpec {
        try parse(SpecNode.parse(text: yaml, file: file))
    }

    /// Validates an already-composed workload document.
    public static func parse(_ root: SpecNode) throws -> WorkloadSpec {
        let map = try root.mapping(allowed: topKeys)
        let name = try root.required(map, "name").identifier()
        let description = try map["description"]?.string() ?? ""
        let sources = try map["sources"]?.sequence().map { try $0.string() } ?? []
        let layerNode = try root.required(map, "layer")
        let config = try parseLayer(layerNode)
        let scenarioNode = try root.required(map, "scenarios")
        let scenarios = try parseScenarios(scenarioNode, config: config)
        let model = try map["model"].map(parseModel)
        let serve = try map["serve"].map { try parseServe($0, model: model, config: config) } ?? []
        if !serve.isEmpty, !config.kind.isCausal {
            throw map["serve"]!.fail("an encoder layer cannot be served token by token; 'serve' needs a decoder")
        }
        return WorkloadSpec(
            name: name, description: description, sources: sources, config: config,
            scenarios: scenarios, model: model, serve: serve, file: root.file)
    }

    static func parseLayer(_ node: SpecNode) throws -> TransformerConfig {
        let m = try node.mapping(allowed: layerKeys)
        let kind = try node.required(m, "kind").choice(LayerKind.self)
        let hidden = try node.required(m, "hidden").int(in: SpecLimits.hidden)
        let heads = try node.required(m, "heads").int(in: SpecLimits.heads)
        let kvHeads = try m["kv_heads"]?.int(in: SpecLimits.heads) ?? heads
        guard heads % kvHeads == 0 else {
            throw m["kv_heads"]!.fail("heads (\(heads)) must be divisible by kv_heads (\(kvHeads))")
        }
        let headDim: Int
        if let given = m["head_dim"] {
            headDim = try given.int(in: SpecLimits.headDim)
        } else {
            guard hidden % heads == 0 else {
                throw m["heads"]!.fail(
                    "hidden (\(hidden)) must be divisible by heads (\(heads)) when head_dim is not given")
            }
            headDim = hidden / heads
        }
        let ffn = try node.required(m, "ffn").int(in: SpecLimits.ffn)
        let activation = try node.required(m, "activation").choice(ActivationKind.self)
        let (norm, eps) = try parseNorm(node.required(m, "norm"))
        let normPosition = try node.required(m, "norm_position").choice(NormPosition.self)
        let bias = try node.required(m, "bias").bool()
        let position = try parsePosition(node.required(m, "position"))
        if case .rope = position, headDim % 2 != 0 {
            throw (m["head_dim"] ?? m["heads"]!).fail("rope needs an even head_dim, got \(headDim)")
        }
        var experts = 0, topK = 0
        if kind == .moeDecoder {
            experts = try node.required(m, "experts").int(in: SpecLimits.experts)
            topK = try node.required(m, "top_k").int(
                in: SpecLimits.experts.lowerBound - 1...SpecLimits.experts.upperBound)
            guard experts >= 2 else {
                throw m["experts"]!.fail("a moe-decoder needs at least 2 experts, got \(experts)")
            }
            guard topK <= experts else {
                throw m["top_k"]!.fail("top_k (\(topK)) must not exceed experts (\(experts))")
            }
            guard activation == .swiglu else {
                throw m["activation"]!.fail(
                    "moe-decoder experts are SwiGLU (Mixtral); expected swiglu, got \(activation.rawValue)")
            }
        } else {
            for key in ["experts", "top_k"] where m[key] != nil {
                throw m[key]!.fail("'\(key)' is only valid for kind moe-decoder")
            }
        }
        let naming = try m["naming"]?.choice(WeightNaming.self)
        let config = TransformerConfig(
            kind: kind, hidden: hidden, heads: heads, kvHeads: kvHeads, headDim: headDim,
            ffn: ffn, activation: activation, norm: norm, normEps: eps,
            normPosition: normPosition, bias: bias, position: position,
            experts: experts, topK: topK, naming: naming)
        if [.gpt2, .bert].contains(config.naming), kvHeads != heads {
            throw m["kv_heads"]!.fail(
                "\(config.naming.rawValue)-style layers have one KV head per query head; expected kv_heads \(heads), got \(kvHeads)"
            )
        }
        if config.naming != .llama, hidden != heads * headDim {
            throw (m["head_dim"] ?? m["hidden"]!).fail(
                "hidden (\(hidden)) must equal heads × head_dim (\(heads) × \(headDim)) for \(config.naming.rawValue)-style layers"
            )
        }
        return config
    }

    static func parseNorm(_ node: SpecNode) throws -> (NormKind, Double) {
        let m = try node.mapping(allowed: ["type", "eps"])
        let kind = try node.required(m, "type").choice(NormKind.self)
        let eps = try node.required(m, "eps").double(in: SpecLimits.eps, openLower: true)
        return (kind, eps)
    }

    static func parsePosition(_ node: SpecNode) throws -> PositionEncoding {
        if case .scalar = node.node {
            let raw = try node.string()
            guard raw == "none" else {
                throw node.fail("expected 'none' or a mapping {type: rope, theta: …}, got '\(raw)'")
            }
            return .none
        }
        let m = try node.mapping(allowed: ["type", "theta", "scaling"])
        let type = try node.required(m, "type").string()
        guard type == "rope" else { throw m["type"]!.fail("expected 'rope', got '\(type)'") }
        let theta = try node.required(m, "theta").double(in: SpecLimits.positive, openLower: true)
        var scaling: RopeScaling?
        if let s = m["scaling"] {
            let sm = try s.mapping(allowed: [
                "type", "factor", "low_freq_factor", "high_freq_factor", "original_max_position",
            ])
            let stype = try s.required(sm, "type").string()
            guard stype == "llama3" else { throw sm["type"]!.fail("expected 'llama3', got '\(stype)'") }
            scaling = RopeScaling(
                factor: try s.required(sm, "factor").double(in: SpecLimits.positive, openLower: true),
                lowFreqFactor: try s.required(sm, "low_freq_factor").double(in: SpecLimits.positive, openLower: true),
                highFreqFactor: try s.required(sm, "high_freq_factor").double(in: SpecLimits.positive, openLower: true),
                originalMaxPosition: try s.required(sm, "original_max_position").int(in: SpecLimits.tokens))
            guard scaling!.highFreqFactor > scaling!.lowFreqFactor else {
                throw sm["high_freq_factor"]!.fail("high_freq_factor must be greater than low_freq_factor")
            }
        }
        return .rope(theta: theta, scaling: scaling)
    }

    static func parseScenarios(_ node: SpecNode, config: TransformerConfig) throws -> [Scenario] {
        let items = try node.sequence()
        guard !items.isEmpty else { throw node.fail("expected at least one scenario") }
        var seen = Set<String>()
        return try items.map { item in
            let s = try parseScenario(item, config: config)
            guard seen.insert(s.name).inserted else { throw item.fail("duplicate scenario name '\(s.name)'") }
            try checkTensorSizes(config, s, item)
            return s
        }
    }

    static func parseScenario(_ node: SpecNode, config: TransformerConfig) throws -> Scenario {
        let m = try node.mapping(allowed: ["name", "phase", "batch", "seq", "context", "lengths"])
        let name = try node.required(m, "name").identifier()
        let phase = try node.required(m, "phase").choice(Phase.self)
        let batch = try node.required(m, "batch").int(in: SpecLimits.batch)
        let lengths = try m["lengths"].map(parseLengths) ?? []
        switch phase {
        case .prefill:
            if let c = m["context"] { throw c.fail("'context' belongs to decode scenarios; prefill takes 'seq'") }
            let seq = try node.required(m, "seq").int(in: SpecLimits.tokens)
            return Scenario(name: name, phase: .prefill, batch: batch, seq: seq, context: 0, lengths: lengths)
        case .decode:
            if let s = m["seq"] { throw s.fail("'seq' belongs to prefill scenarios; decode takes 'context'") }
            guard config.kind.isCausal else {
                throw m["phase"]!.fail("an encoder layer has no decode phase; expected prefill")
            }
            let context = try node.required(m, "context").int(in: SpecLimits.tokens)
            return Scenario(name: name, phase: .decode, batch: batch, seq: 1, context: context, lengths: lengths)
        }
    }

    static func parseLengths(_ node: SpecNode) throws -> [WeightedLength] {
        let items = try node.sequence()
        guard !items.isEmpty else { throw node.fail("expected at least one {length, weight} entry") }
        return try items.map { item in
            let m = try item.mapping(allowed: ["length", "weight"])
            return WeightedLength(
                length: try item.required(m, "length").int(in: SpecLimits.tokens),
                weight: try item.required(m, "weight").double(in: SpecLimits.positive, openLower: true))
        }
    }

    /// The most elements one tensor of a case may hold (2^48, a petabyte of fp32): far beyond any machine, and small
    /// enough that every shape product, FLOP and byte count downstream stays exact and cannot overflow.
    public static let maxTensorElements = Double(1 << 48)

    /// Every value and weight of the scenario's graph, sized in floating point before anything multiplies them as integers.
    static func checkTensorSizes(_ config: TransformerConfig, _ s: Scenario, _ node: SpecNode) throws {
        try checkGraphSizes(config, s, node)
        for l in s.lengths { try checkGraphSizes(config, s.with(length: l.length), node) }
    }

    /// The sizes of a whole-model serving setting: its prefill and its longest decode step.
    static func checkServeSizes(_ config: TransformerConfig, batch: Int, inputLen: Int, outputLen: Int, node: SpecNode)
        throws
    {
        if let problem = serveSizeProblem(config, batch: batch, inputLen: inputLen, outputLen: outputLen) {
            throw node.fail(problem)
        }
    }

    /// Why a serving setting is too large to model, or nil.
    public static func serveSizeProblem(_ config: TransformerConfig, batch: Int, inputLen: Int, outputLen: Int)
        -> String?
    {
        sizeProblem(config, .prefill("prefill", batch: batch, seq: inputLen))
            ?? sizeProblem(config, .decode("decode", batch: batch, context: inputLen + outputLen))
    }

    static func checkGraphSizes(_ config: TransformerConfig, _ s: Scenario, _ node: SpecNode) throws {
        if let problem = sizeProblem(config, s) { throw node.fail(problem) }
    }

    static func sizeProblem(_ config: TransformerConfig, _ s: Scenario) -> String? {
        let graph = LayerGraph.lower(config, s)
        let shapes = graph.values.map { ($0.name, $0.shape) } + graph.weights.map { ($0.name, $0.shape) }
        for (name, shape) in shapes {
            let elements = shape.reduce(1.0) { $0 * Double($1) }
            if elements > maxTensorElements {
                return
                    "scenario '\(s.name)' needs a tensor '\(name)' of shape \(shape) (\(String(format: "%.3g", elements)) elements); "
                    + "a case is limited to 2^48 elements per tensor"
            }
        }
        return nil
    }
}
