import Foundation
import Kernels
import PortbenchSchema
import Workload

/// Runs a `LayerGraph` on the CPU in fp32: buffers for every value are allocated once, then ops run in order.
public final class LayerExecutor {
    public let graph: LayerGraph
    public let weights: WeightStore
    private var buffers: [String: Tensor] = [:]
    private var workspaces: [Int: MoEKernels.Workspace] = [:]
    private var scratch: [String: Tensor] = [:]

    /// Applied to a copy of every GEMM input (activations and KV cache) before the product, e.g. rounding to bf16
    /// operands; the stored value itself is left alone. Weights are rounded once, in the weight store.
    public var operandTransform: ((UnsafeMutablePointer<Float>, Int) -> Void)?
    /// Applied to every op's output after it runs, e.g. rounding to the precision activations are stored in.
    public var outputTransform: ((UnsafeMutablePointer<Float>, Int) -> Void)?

    /// Checks the weights against the graph and allocates every value.
    public init(graph: LayerGraph, weights: WeightStore) throws {
        try weights.check(against: graph.weights)
        self.graph = graph
        self.weights = weights
        for v in graph.values { buffers[v.name] = Tensor(shape: v.shape) }
        for (i, op) in graph.ops.enumerated() {
            if case .moeExperts(let o) = op.kind { workspaces[i] = MoEKernels.Workspace(o) }
        }
    }

    /// The buffer of a named value (input, cache, intermediate or output).
    public func tensor(_ name: String) -> Tensor {
        guard let t = buffers[name] else { preconditionFailure("LayerExecutor: no value '\(name)' in the graph") }
        return t
    }

    public var input: Tensor { tensor(LayerGraph.inputName) }
    public var output: Tensor { tensor(LayerGraph.outputName) }

    /// Fills the input with N(0,1) and, for decode, the cached keys/values before the new position with N(0,1).
    public func fillSeededInputs(seed: UInt64) {
        input.fillNormal(seed: seed, name: "input", std: 1)
        for name in [LayerGraph.keyCacheName, LayerGraph.valueCacheName] {
            tensor(name).fillNormal(seed: seed, name: name, std: 1)
        }
    }

    /// Runs every op in order.
    public func run() {
        for i in graph.ops.indices { execute(op: i) }
    }

    /// Runs op `i` alone (the per-op timer in Measurement calls this).
    public func execute(op i: Int) {
        let op = graph.ops[i]
        compute(op, index: i)
        if let outputTransform {
            for name in op.outputs { outputTransform(ptr(name), tensor(name).count) }
        }
    }

    private func compute(_ op: Op, index i: Int) {
        switch op.kind {
        case .matmul(let o):
            GEMM.linear(
                x: operand(o.input), m: o.m, k: o.k, w: weight(o.weight), n: o.n,
                bias: o.bias.map { weight($0) }, y: ptr(o.output))
        case .batchedMatmul(let o):
            AttentionKernels.batchedMatmul(o, a: operand(o.a), b: operand(o.b), out: ptr(o.output))
        case .softmax(let o):
            SoftmaxKernel.run(o, input: ptr(o.input), output: ptr(o.output))
        case .rmsNorm(let o):
            NormKernels.rms(o, input: ptr(o.input), weight: weight(o.weight), output: ptr(o.output))
        case .layerNorm(let o):
            NormKernels.layer(
                o, input: ptr(o.input), weight: weight(o.weight), bias: o.bias.map { weight($0) }, output: ptr(o.output)
            )
        case .rope(let o):
            RopeKernel.run(o, input: ptr(o.input), output: ptr(o.output))
        case .activation(let o):
            ActivationKernel.run(
                o.function, count: o.count, input: ptr(o.input),
                multiplier: o.multiplier.map { UnsafePointer(ptr($0)) },
                output: ptr(o.output))
        case .add(let o):
            ActivationKernel.add(count: o.count, a: ptr(o.a), b: ptr(o.b), output: ptr(o.output))
        case .router(let o):
            MoEKernels.route(o, logits: ptr(o.logits), output: ptr(o.output))
        case .moeExperts(let o):
            MoEKernels.experts(
                o, input: operand(o.input), routing: ptr(o.routing),
                weights: { e in
                    (
                        self.weight("experts.\(e).gate.weight"), self.weight("experts.\(e).up.weight"),
                        self.weight("experts.\(e).down.weight")
                    )
                }, workspace: workspaces[i]!, output: ptr(o.output))
        case .kvAppend(let o):
            AttentionKernels.kvAppend(o, input: ptr(o.input), cache: ptr(o.cache))
        }
    }

    @inline(__always) private func ptr(_ name: String) -> UnsafeMutablePointer<Float> { tensor(name).data }

    /// A GEMM input: the value itself, or a transformed copy when an operand transform is set.
    private func operand(_ name: String) -> UnsafeMutablePointer<Float> {
        guard let operandTransform else { return ptr(name) }
        let source = tensor(name)
        let copy = scratch[name] ?? Tensor(shape: source.shape)
        scratch[name] = copy
        copy.copy(from: source)
        operandTransform(copy.data, copy.count)
        return copy.data
    }
    @inline(__always) private func weight(_ name: String) -> UnsafePointer<Float> { UnsafePointer(weights[name]!.data) }
}
