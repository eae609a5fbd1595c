import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

/// Lowers a `LayerGraph` to a StableHLO module (text, program format "mlir").
/// Parameters: x, k_cache, v_cache, then every weight in `graph.weights` order; the result is `out`.
public struct StableHLOEmitter {
    public let graph: LayerGraph
    public let precision: ProgramPrecision

    public init(graph: LayerGraph, precision: ProgramPrecision = .fp32) {
        self.graph = graph
        self.precision = precision
    }

    /// Parameter names in call order.
    public var parameters: [String] {
        [LayerGraph.inputName, LayerGraph.keyCacheName, LayerGraph.valueCacheName] + graph.weights.map(\.name)
    }

    public func emit() -> String {
        var b = StableHLOBuilder()
        var env: [String: String] = [:]
        var signature: [String] = []
        for (i, name) in parameters.enumerated() {
            let shape = graph.value(name)?.shape ?? graph.weights.first { $0.name == name }!.shape
            b.declare("%arg\(i)", shape)
            signature.append("%arg\(i): \(StableHLOBuilder.type(shape))")
            env[name] = precision == .bf16 ? b.roundBF16("%arg\(i)") : "%arg\(i)"
        }
        var lowering = OpLowering(b: b, env: env, precision: precision)
        for op in graph.ops { lowering.lower(op) }
        b = lowering.b
        let out = lowering.env[LayerGraph.outputName]!
        let outType = b.t(out)
        var text = [
            "module @portbench {", "  func.func public @main(\(signature.joined(separator: ", "))) -> (\(outType)) {",
        ]
        text += b.lines.map { "    " + $0 }
        text += ["    return \(out) : \(outType)", "  }", "}"]
        return text.joined(separator: "\n") + "\n"
    }
}

/// One op at a time into the builder; `env` maps graph values to SSA names.
struct OpLowering {
    var b: StableHLOBuilder
    var env: [String: String]
    let precision: ProgramPrecision

    mutating func lower(_ op: Op) {
        switch op.kind {
        case .matmul(let o): set(o.output, matmul(o))
        case .batchedMatmul(let o): set(o.output, batched(o))
        case .softmax(let o): set(o.output, softmax(o))
        case .rmsNorm(let o): set(o.output, rmsNorm(o))
        case .layerNorm(let o): set(o.output, layerNorm(o))
        case .rope(let o): set(o.output, rope(o))
        case .activation(let o): set(o.output, activation(o))
        case .add(let o): set(o.output, b.binary("add", v(o.a), v(o.b)))
        case .router(let o): set(o.output, router(o))
        case .moeExperts(let o): set(o.output, experts(o))
        case .kvAppend(let o): env[o.cache] = kvAppend(o)
        }
    }

    func v(_ name: String) -> String { env[name]! }

    /// Stores an op's result, rounded to bf16 storage in a bf16 program.
    mutating func set(_ name: String, _ value: String) {
        env[name] = precision == .bf16 ? b.roundBF16(value) : value
    }

    mutating func matmul(_ o: Matmul) -> String {
        var y = b.dot(v(o.input), v(o.weight), batching: ([], []), contracting: ([1], [1]))
        if let bias = o.bias { y = b.binary("add", y, b.broadcast(v(bias), to: [o.m, o.n], dims: [1])) }
        return y
    }

    /// Scores live as [B, KVH, S, rep, T] and context comes back as [B·S, H·D]: grouped-query heads share K/V
    /// through the batching dimensions instead of copies.
    mutating func batched(_ o: BatchedMatmul) -> String {
        let (B, S, T, H, KVH, D) = (o.batch, o.queries, o.keys, o.heads, o.kvHeads, o.headDim)
        let rep = H / KVH
        switch o.role {
        case .scores:
            let q = b.reshape(v(o.a), [B, S, KVH, rep, D])
            let s = b.dot(q, v(o.b), batching: ([0, 2], [0, 2]), contracting: ([4], [3]))  // [B, KVH, S, rep, T]
            return b.binary("multiply", s, b.splat(Double(o.alpha), b.shape(s)))
        case .context:
            let c = b.dot(v(o.a), v(o.b), batching: ([0, 1], [0, 2]), contracting: ([4], [1]))  // [B, KVH, S, rep, D]
            return b.reshape(b.transpose(c, [0, 2, 1, 3, 4]), [B * S, H * D])
        }
    }

    mutating func softmax(_ o: Softmax) -> String {
        var x = v(o.input)
        let shape = b.shape(x)
        if o.causal {
            // Key t is visible to query s when t ≤ offset + s.
            let s = b.addI32(b.iota(shape, dim: shape.count == 5 ? 2 : 0), o.queryOffset)
            let t = b.iota(shape, dim: shape.count - 1)
            x = b.select(b.lessEqual(t, s), x, b.splat(-.infinity, shape))
        }
        return normalizedExp(x)
    }

    mutating func normalizedExp(_ x: String) -> String {
        let shape = b.shape(x)
        let keep = Array(0..<(shape.count - 1))
        let m = b.broadcast(b.reduceLast(x, "maximum", initial: -.infinity), to: shape, dims: keep)
        let e = b.unary("stablehlo.exponential", b.binary("subtract", x, m))
        let sum = b.broadcast(b.reduceLast(e, "add", initial: 0), to: shape, dims: keep)
        return b.binary("divide", e, sum)
    }

    mutating func rmsNorm(_ o: Norm) -> String {
        let x = v(o.input)
        let ms = b.binary(
            "divide", b.reduceLast(b.binary("multiply", x, x), "add", initial: 0), b.splat(Double(o.cols), [o.rows]))
        let r = b.unary("stablehlo.rsqrt", b.binary("add", ms, b.splat(o.eps, [o.rows])))
        let y = b.binary("multiply", x, b.broadcast(r, to: [o.rows, o.cols], dims: [0]))
        return b.binary("multiply", y, b.broadcast(v(o.weight), to: [o.rows, o.cols], dims: [1]))
    }

    mutating func layerNorm(_ o: Norm) -> String {
        let x = v(o.input), shape = [o.rows, o.cols]
        let n = b.splat(Double(o.cols), [o.rows])
        let mean = b.broadcast(b.binary("divide", b.reduceLast(x, "add", initial: 0), n), to: shape, dims: [0])
        let xc = b.binary("subtract", x, mean)
        let variance = b.binary("divide", b.reduceLast(b.binary("multiply", xc, xc), "add", initial: 0), n)
        let r = b.unary("stablehlo.rsqrt", b.binary("add", variance, b.splat(o.eps, [o.rows])))
        var y = b.binary(
            "multiply", b.binary("multiply", xc, b.broadcast(r, to: shape, dims: [0])),
            b.broadcast(v(o.weight), to: shape, dims: [1]))
        if let bias = o.bias { y = b.binary("add", y, b.broadcast(v(bias), to: shape, dims: [1])) }
        return y
    }

    /// rotate_half with cos/sin tables computed on the host in double precision (as the CPU reference does).
    mutating func rope(_ o: Rope) -> String {
        let (B, S, H, D) = (o.batch, o.seq, o.heads, o.headDim)
        let half = D / 2
        let inv = RopeKernel.inverseFrequencies(headDim: D, theta: o.theta, scaling: o.scaling)
        var cosT: [Float] = [], sinT: [Float] = []
        for s in 0..<S {
            for i in 0..<half {
                let angle = Double(o.positionOffset + s) * inv[i]
                cosT.append(Float(cos(angle)))
                sinT.append(Float(sin(angle)))
            }
        }
        let shape = [B, S, H, half]
        let c = b.broadcast(b.constant(values: cosT, [S, half]), to: shape, dims: [1, 3])
        let sn = b.broadcast(b.constant(values: sinT, [S, half]), to: shape, dims: [1, 3])
        let x = b.reshape(v(o.input), [B, S, H, D])
        let x1 = b.slice(x, start: [0, 0, 0, 0], limit: [B, S, H, half])
        let x2 = b.slice(x, start: [0, 0, 0, half], limit: [B, S, H, D])
        let y1 = b.binary("subtract", b.binary("multiply", x1, c), b.binary("multiply", x2, sn))
        let y2 = b.binary("add", b.binary("multiply", x2, c), b.binary("multiply", x1, sn))
        return b.reshape(b.concatenate(y1, y2, dim: 3), [B * S, H * D])
    }

    mutating func apply(_ f: ElementwiseFunction, _ x: String) -> String {
        let s = b.shape(x)
        switch f {
        case .gelu:
            let e = b.erf(b.binary("multiply", x, b.splat(0.70710678118654752, s)))
            return b.binary("multiply", b.binary("multiply", x, b.splat(0.5, s)), b.binary("add", e, b.splat(1, s)))
        case .geluTanh:
            let cube = b.binary("multiply", b.binary("multiply", x, x), x)
            let inner = b.binary(
                "multiply", b.binary("add", x, b.binary("multiply", cube, b.splat(0.044715, s))),
                b.splat(0.79788456080286536, s))
            let th = b.unary("stablehlo.tanh", inner)
            return b.binary("multiply", b.binary("multiply", x, b.splat(0.5, s)), b.binary("add", th, b.splat(1, s)))
        case .silu:
            return b.binary("multiply", x, b.unary("stablehlo.logistic", x))
        }
    }

    mutating func activation(_ o: Activation) -> String {
        let y = apply(o.function, v(o.input))
        return o.multiplier.map { b.binary("multiply", y, v($0)) } ?? y
    }

    /// Dense combine weights [tokens, experts]: softmax probabilities kept for the top-k experts, renormalised.
    mutating func router(_ o: Router) -> String {
        let p = normalizedExp(v(o.logits))
        let shape = [o.tokens, o.experts]
        let top = b.topK(p, k: o.topK)
        let kth = b.broadcast(
            b.reshape(b.slice(top, start: [0, o.topK - 1], limit: [o.tokens, o.topK]), [o.tokens]), to: shape, dims: [0]
        )
        let keep = b.fresh(shape)
        b.lines.append(
            "\(keep) = stablehlo.compare GE, \(p), \(kth), FLOAT : (\(b.t(p)), \(b.t(kth))) -> \(StableHLOBuilder.type(shape, "i1"))"
        )
        b.declare(keep, shape)
        let chosen = b.select(keep, p, b.splat(0, shape))
        let total = b.broadcast(b.reduceLast(chosen, "add", initial: 0), to: shape, dims: [0])
        return b.binary("divide", chosen, total)
    }

    /// Every expert on every token, weighted by the combine matrix (zero for unrouted pairs): XLA's dense dispatch.
    mutating func experts(_ o: MoEExperts) -> String {
        let x = v(o.input), w = v(o.routing)
        var out = b.splat(0, [o.tokens, o.hidden])
        for e in 0..<o.experts {
            let g = b.dot(x, v("experts.\(e).gate.weight"), batching: ([], []), contracting: ([1], [1]))
            let u = b.dot(x, v("experts.\(e).up.weight"), batching: ([], []), contracting: ([1], [1]))
            let a = b.binary("multiply", apply(.silu, g), u)
            let y = b.dot(a, v("experts.\(e).down.weight"), batching: ([], []), contracting: ([1], [1]))
            let we = b.broadcast(
                b.reshape(b.slice(w, start: [0, e], limit: [o.tokens, e + 1]), [o.tokens]), to: [o.tokens, o.hidden],
                dims: [0])
            out = b.binary("add", out, b.binary("multiply", y, we))
        }
        return out
    }

    mutating func kvAppend(_ o: KVAppend) -> String {
        let update = b.reshape(v(o.input), [o.batch, o.seq, o.kvHeads, o.headDim])
        return b.dynamicUpdateSlice(v(o.cache), update, offsets: [0, o.offset, 0, 0])
    }
}
