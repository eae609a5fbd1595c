import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

/// Lowers a `LayerGraph` to a StableHLO module (text, program format "mlir").
/// Parameters: x, k_cache, v_cache, then every weight in `graph.weights` order; the results are `out` and the two
/// caches after the layer's append. The caches are aliased to their results (`tf.aliasing_output`), so a run donates
/// them and XLA writes the new keys and values in place instead of copying the whole cache, as JAX decode loops do.
public struct StableHLOEmitter {
    public let graph: LayerGraph
    public let precision: ProgramPrecision

    public init(graph: LayerGraph, precision: ProgramPrecision = .fp32) {
        self.graph = graph
        self.precision = precision
    }

    /// Parameter names in call order.
    public var parameters: [String] {
        [LayerGraph.inputName] + Self.caches + graph.weights.map(\.name)
    }

    /// The cache parameters, in call order (also the order of the results after `out`).
    public static let caches = [LayerGraph.keyCacheName, LayerGraph.valueCacheName]

    /// The order the graph-layout cache axes [B, T, KVH, D] take on the device, where B and KVH then merge: one
    /// [T, D] block per sequence and head, keys transposed — keys [B·KVH, D, T], values [B·KVH, T, D] — the operand
    /// forms XLA's batched dots read in place, so a run neither transposes nor copies the cache (as JAX decode
    /// code keeps its caches).
    static func devicePermutation(_ cache: String) -> [Int] {
        cache == LayerGraph.keyCacheName ? [0, 2, 3, 1] : [0, 2, 1, 3]
    }

    public static func deviceCacheShape(_ cache: String, _ shape: [Int]) -> [Int] {
        let p = devicePermutation(cache).map { shape[$0] }
        return [p[0] * p[1], p[2], p[3]]
    }

    /// The device axis that holds the cache's positions (T).
    static func devicePositionAxis(_ cache: String) -> Int { devicePermutation(cache).firstIndex(of: 1)! - 1 }

    /// A graph-layout cache tensor in its device layout (`deviceCacheShape`).
    public static func deviceCache(_ cache: String, _ t: Tensor) -> Tensor {
        let perm = devicePermutation(cache)
        let shape = perm.map { t.shape[$0] }
        let out = Tensor(shape: deviceCacheShape(cache, t.shape))
        var sourceStrides = [Int](repeating: 1, count: 4)
        for d in stride(from: 2, through: 0, by: -1) { sourceStrides[d] = sourceStrides[d + 1] * t.shape[d + 1] }
        let strides = perm.map { sourceStrides[$0] }
        var i = 0
        for a in 0..<shape[0] {
            for b in 0..<shape[1] {
                for c in 0..<shape[2] {
                    let base = a * strides[0] + b * strides[1] + c * strides[2]
                    for d in 0..<shape[3] {
                        out.data[i] = t.data[base + d * strides[3]]
                        i += 1
                    }
                }
            }
        }
        return out
    }

    public func emit() -> String {
        var b = StableHLOBuilder()
        var env: [String: String] = [:]
        var signature: [String] = []
        for (i, name) in parameters.enumerated() {
            var shape = graph.value(name)?.shape ?? graph.weights.first { $0.name == name }!.shape
            var attribute = ""
            if let c = Self.caches.firstIndex(of: name) {
                shape = Self.deviceCacheShape(name, shape)
                attribute = " {tf.aliasing_output = \(c + 1) : i32}"
            }
            b.declare("%arg\(i)", shape)
            signature.append("%arg\(i): \(StableHLOBuilder.type(shape))\(attribute)")
            env[name] = precision == .bf16 ? b.roundBF16("%arg\(i)") : "%arg\(i)"
        }
        var lowering = OpLowering(b: b, env: env, precision: precision)
        for op in graph.ops { lowering.lower(op) }
        b = lowering.b
        let results = [lowering.env[LayerGraph.outputName]!] + Self.caches.map { lowering.env[$0]! }
        let types = results.map { b.t($0) }.joined(separator: ", ")
        var text = [
            "module @portbench {", "  func.func public @main(\(signature.joined(separator: ", "))) -> (\(types)) {",
        ]
        text += b.lines.map { "    " + $0 }
        text += ["    return \(results.joined(separator: ", ")) : \(types)", "  }", "}"]
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
    /// through the batch dimension (B·KVH) of the caches' device layout instead of copies.
    mutating func batched(_ o: BatchedMatmul) -> String {
        let (B, S, H, KVH, D) = (o.batch, o.queries, o.heads, o.kvHeads, o.headDim)
        let rep = H / KVH
        switch o.role {
        case .scores:
            let q = b.transpose(b.reshape(v(o.a), [B, S, KVH, rep, D]), [0, 2, 1, 3, 4])
            let k = v(o.b), T = b.shape(k)[2]
            let s = b.dot(
                b.reshape(q, [B * KVH, S * rep, D]), k, batching: ([0], [0]), contracting: ([2], [1]))
            let scores = b.reshape(s, [B, KVH, S, rep, T])
            return b.binary("multiply", scores, b.splat(Double(o.alpha), b.shape(scores)))
        case .context:
            let p = v(o.a), T = b.shape(p)[4]
            let c = b.dot(
                b.reshape(p, [B * KVH, S * rep, T]), v(o.b), batching: ([0], [0]), contracting: ([2], [1]))
            let heads = b.reshape(c, [B, KVH, S, rep, D])
            return b.reshape(b.transpose(heads, [0, 2, 1, 3, 4]), [B * S, H * D])
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
        let keep = b.compare(p, "GE", kth)
        let chosen = b.select(keep, p, b.splat(0, shape))
        let total = b.broadcast(b.reduceLast(chosen, "add", initial: 0), to: shape, dims: [0])
        return b.binary("divide", chosen, total)
    }

    /// Sparse dispatch: each expert runs inside a `stablehlo.if` taken only when some token routes to it, so an
    /// unrouted expert's weights are never read (a decoded token touches its top-k experts only). A taken expert runs
    /// on every token, weighted by the combine matrix (zero for tokens routed elsewhere).
    mutating func experts(_ o: MoEExperts) -> String {
        let x = v(o.input), w = v(o.routing)
        var out = b.splat(0, [o.tokens, o.hidden])
        for e in 0..<o.experts {
            let we = b.reshape(b.slice(w, start: [0, e], limit: [o.tokens, e + 1]), [o.tokens])
            let routed = b.compare(b.reduceLast(we, "maximum", initial: 0), "GT", b.constant(0))
            let taken = region { l in
                let g = l.b.dot(x, l.v("experts.\(e).gate.weight"), batching: ([], []), contracting: ([1], [1]))
                let u = l.b.dot(x, l.v("experts.\(e).up.weight"), batching: ([], []), contracting: ([1], [1]))
                let a = l.b.binary("multiply", l.apply(.silu, g), u)
                let y = l.b.dot(a, l.v("experts.\(e).down.weight"), batching: ([], []), contracting: ([1], [1]))
                return l.b.binary("multiply", y, l.b.broadcast(we, to: [o.tokens, o.hidden], dims: [0]))
            }
            let skipped = region { l in l.b.splat(0, [o.tokens, o.hidden]) }
            out = b.binary("add", out, b.conditional(routed, then: taken, else: skipped))
        }
        return out
    }

    /// Lines built by `body` apart from the current ones (a region of a `stablehlo.if`), and the value they end with.
    mutating func region(_ body: (inout OpLowering) -> String) -> (lines: [String], value: String) {
        let outer = b.lines
        b.lines = []
        let value = body(&self)
        defer { b.lines = outer }
        return (b.lines, value)
    }

    /// Writes the new keys or values into the cache's device layout (in place: the cache parameter is donated).
    mutating func kvAppend(_ o: KVAppend) -> String {
        let perm = StableHLOEmitter.devicePermutation(o.cache)
        let rows = b.transpose(b.reshape(v(o.input), [o.batch, o.seq, o.kvHeads, o.headDim]), perm)
        let axis = StableHLOEmitter.devicePositionAxis(o.cache)
        var update = b.shape(v(o.cache))
        update[axis] = o.seq
        var offsets = [0, 0, 0]
        offsets[axis] = o.offset
        return b.dynamicUpdateSlice(v(o.cache), b.reshape(rows, update), offsets: offsets)
    }
}
