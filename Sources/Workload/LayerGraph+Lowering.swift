import Foundation
import PortbenchSchema

extension LayerGraph {
    /// Lowers a validated layer configuration and scenario into its op graph.
    public static func lower(_ config: TransformerConfig, _ scenario: Scenario) -> LayerGraph {
        var b = GraphBuilder(config: config, scenario: scenario)
        b.build()
        return LayerGraph(config: config, scenario: scenario, values: b.values, weights: b.weights, ops: b.ops)
    }
}

/// Builds a `LayerGraph` op by op; one method per block of the layer.
struct GraphBuilder {
    let c: TransformerConfig
    let s: Scenario
    var values: [ValueInfo] = []
    var weights: [WeightInfo] = []
    var ops: [Op] = []

    init(config: TransformerConfig, scenario: Scenario) {
        c = config
        s = scenario
    }

    var tokens: Int { s.batch * s.seq }

    mutating func build() {
        let x = value(LayerGraph.inputName, [tokens, c.hidden], .input)
        values.append(
            ValueInfo(
                name: LayerGraph.keyCacheName, shape: [s.batch, s.totalLength, c.kvHeads, c.headDim], role: .state))
        values.append(
            ValueInfo(
                name: LayerGraph.valueCacheName, shape: [s.batch, s.totalLength, c.kvHeads, c.headDim], role: .state))
        switch c.normPosition {
        case .pre:
            let n1 = norm("attn_norm", x)
            let a = attention(n1)
            let h = add("attn_residual", x, a, into: "h")
            let n2 = norm("ffn_norm", h)
            let f = feedForward(n2)
            _ = add("ffn_residual", h, f, into: LayerGraph.outputName)
        case .post:
            let a = attention(x)
            let r1 = add("attn_residual", x, a, into: "attn_sum")
            let h = norm("attn_norm", r1)
            let f = feedForward(h)
            let r2 = add("ffn_residual", h, f, into: "ffn_sum")
            _ = norm("ffn_norm", r2, into: LayerGraph.outputName)
        }
        values[values.firstIndex { $0.name == LayerGraph.outputName }!].role = .output
    }

    // MARK: blocks

    mutating func attention(_ input: String) -> String {
        let q = linear("q_proj", input, "q", out: c.qDim)
        let k = linear("k_proj", input, "k", out: c.kvDim)
        let v = linear("v_proj", input, "v", out: c.kvDim)
        var qr = q, kr = k
        if case .rope(let theta, let scaling) = c.position {
            qr = rope("q_rope", q, heads: c.heads, theta: theta, scaling: scaling)
            kr = rope("k_rope", k, heads: c.kvHeads, theta: theta, scaling: scaling)
        }
        kvAppend("k_append", kr, LayerGraph.keyCacheName)
        kvAppend("v_append", v, LayerGraph.valueCacheName)
        let T = s.totalLength
        let scores = value("scores", [s.batch, c.heads, s.seq, T])
        ops.append(
            Op(
                "attn_scores",
                .batchedMatmul(
                    BatchedMatmul(
                        role: .scores, a: qr, b: LayerGraph.keyCacheName, output: scores, batch: s.batch,
                        heads: c.heads,
                        kvHeads: c.kvHeads, headDim: c.headDim, queries: s.seq, keys: T,
                        alpha: Float(1 / Double(c.headDim).squareRoot())))))
        let probs = value("probs", [s.batch, c.heads, s.seq, T])
        ops.append(
            Op(
                "attn_softmax",
                .softmax(
                    Softmax(
                        input: scores, output: probs, rows: s.batch * c.heads * s.seq, cols: T, queries: s.seq,
                        causal: c.kind.isCausal, queryOffset: s.context))))
        let ctx = value("ctx", [tokens, c.qDim])
        ops.append(
            Op(
                "attn_context",
                .batchedMatmul(
                    BatchedMatmul(
                        role: .context, a: probs, b: LayerGraph.valueCacheName, output: ctx, batch: s.batch,
                        heads: c.heads,
                        kvHeads: c.kvHeads, headDim: c.headDim, queries: s.seq, keys: T, alpha: 1))))
        return linear("o_proj", ctx, "o", out: c.hidden)
    }

    mutating func feedForward(_ input: String) -> String {
        if c.isMoE { return moe(input) }
        if c.isGated {
            let g = linear("gate_proj", input, "gate", out: c.ffn)
            let u = linear("up_proj", input, "up", out: c.ffn)
            let a = value("ffn_act", [tokens, c.ffn])
            ops.append(
                Op(
                    "ffn_act",
                    .activation(Activation(input: g, multiplier: u, output: a, count: tokens * c.ffn, function: .silu)))
            )
            return linear("down_proj", a, "down", out: c.hidden)
        }
        let u = linear("up_proj", input, "up", out: c.ffn)
        let a = value("ffn_act", [tokens, c.ffn])
        ops.append(
            Op(
                "ffn_act",
                .activation(
                    Activation(
                        input: u, multiplier: nil, output: a, count: tokens * c.ffn,
                        function: elementwise(c.activation)))))
        return linear("down_proj", a, "down", out: c.hidden)
    }

    mutating func moe(_ input: String) -> String {
        let logits = linear("router_proj", input, "router", out: c.experts, bias: false)
        let routing = value("routing", [tokens, 2 * c.topK])
        ops.append(
            Op(
                "router",
                .router(Router(logits: logits, output: routing, tokens: tokens, experts: c.experts, topK: c.topK))))
        for e in 0..<c.experts {
            weight("experts.\(e).gate.weight", [c.ffn, c.hidden], .linear)
            weight("experts.\(e).up.weight", [c.ffn, c.hidden], .linear)
            weight("experts.\(e).down.weight", [c.hidden, c.ffn], .linear)
        }
        let out = value("moe_out", [tokens, c.hidden])
        ops.append(
            Op(
                "experts",
                .moeExperts(
                    MoEExperts(
                        input: input, routing: routing, output: out, tokens: tokens,
                        hidden: c.hidden, ffn: c.ffn, experts: c.experts, topK: c.topK))))
        return out
    }

    func elementwise(_ a: ActivationKind) -> ElementwiseFunction {
        switch a {
        case .gelu: return .gelu
        case .geluTanh: return .geluTanh
        case .silu, .swiglu: return .silu
        }
    }

    // MARK: single ops

    mutating func linear(_ name: String, _ input: String, _ weightName: String, out: Int, bias: Bool? = nil) -> String {
        let inDim = values.first { $0.name == input }!.shape.last!
        weight("\(weightName).weight", [out, inDim], .linear)
        var biasName: String?
        if bias ?? c.bias {
            biasName = "\(weightName).bias"
            weight(biasName!, [out], .linearBias)
        }
        let y = value(weightName == "router" ? "router_logits" : "\(weightName)_out", [tokens, out])
        ops.append(
            Op(
                name,
                .matmul(
                    Matmul(
                        input: input, weight: "\(weightName).weight", bias: biasName, output: y,
                        m: tokens, k: inDim, n: out))))
        return y
    }

    mutating func norm(_ name: String, _ input: String, into output: String? = nil) -> String {
        weight("\(name).weight", [c.hidden], .normScale)
        var biasName: String?
        if c.norm == .layernorm {
            biasName = "\(name).bias"
            weight(biasName!, [c.hidden], .normBias)
        }
        let y = value(output ?? "\(name)_out", [tokens, c.hidden])
        let n = Norm(
            input: input, output: y, weight: "\(name).weight", bias: biasName, rows: tokens, cols: c.hidden,
            eps: c.normEps)
        ops.append(Op(name, c.norm == .rmsnorm ? .rmsNorm(n) : .layerNorm(n)))
        return y
    }

    mutating func rope(_ name: String, _ input: String, heads: Int, theta: Double, scaling: RopeScaling?) -> String {
        let y = value("\(input)_rope", [tokens, heads * c.headDim])
        ops.append(
            Op(
                name,
                .rope(
                    Rope(
                        input: input, output: y, batch: s.batch, seq: s.seq, heads: heads, headDim: c.headDim,
                        positionOffset: s.context, theta: theta, scaling: scaling))))
        return y
    }

    mutating func kvAppend(_ name: String, _ input: String, _ cache: String) {
        ops.append(
            Op(
                name,
                .kvAppend(
                    KVAppend(
                        input: input, cache: cache, batch: s.batch, seq: s.seq, offset: s.context,
                        capacity: s.totalLength, kvHeads: c.kvHeads, headDim: c.headDim))))
    }

    mutating func add(_ name: String, _ a: String, _ b: String, into output: String) -> String {
        let y = value(output, [tokens, c.hidden])
        ops.append(Op(name, .add(Add(a: a, b: b, output: y, count: tokens * c.hidden))))
        return y
    }

    @discardableResult
    mutating func value(_ name: String, _ shape: [Int], _ role: ValueRole = .intermediate) -> String {
        values.append(ValueInfo(name: name, shape: shape, role: role))
        return name
    }

    mutating func weight(_ name: String, _ shape: [Int], _ kind: WeightKind) {
        weights.append(WeightInfo(name: name, shape: shape, kind: kind))
    }
}
