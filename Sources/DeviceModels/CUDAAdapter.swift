import Foundation
import PortbenchSchema
import Workload

/// CUDA-style GPUs: eager op-by-op kernels, tensor-core GEMMs with tile and wave quantization over the SMs,
/// memory-bound elementwise kernels, a launch overhead per kernel; optional fused attention and graph capture.
public struct CUDAAdapter: StyleAdapter {
    public static let style = ExecutionStyle.cuda
    public let device: DeviceProfile
    public let parameters: CUDAParameters
    /// The serving engine's KV-cache figures (the style's default engine when built from a catalog).
    public var engine = EngineFigures.unpaged

    public init(device: DeviceProfile, parameters: CUDAParameters) {
        self.device = device
        self.parameters = parameters
    }

    public func effectivePrecision(_ requested: Precision) -> (Precision, String?) {
        if requested.blockSize != nil, device.peak(requested) == nil {
            let fallback: Precision = device.peak(.fp8e4m3) != nil ? .fp8e4m3 : .bf16
            return (
                fallback, "\(device.name) has no \(requested.rawValue) tensor cores: runs \(fallback.rawValue)"
            )
        }
        if requested == .fp8e4m3 || requested == .fp8e5m2, device.peak(requested) == nil {
            return (.bf16, "\(device.name) has no fp8 tensor cores: runs bf16")
        }
        return (requested, nil)
    }

    public func lower(_ graph: LayerGraph, options: AdapterOptions) -> ExecutionPlan {
        let (p, hazard) = effectivePrecision(options.precision)
        let launch =
            (options.graphCapture ? parameters.graphLaunchOverheadMicroseconds : parameters.launchOverheadMicroseconds)
            .value * 1e-6
        var kernels: [PlannedKernel] = []
        var waste = 0.0
        var i = 0
        let ops = graph.ops
        while i < ops.count {
            let op = ops[i]
            if options.fusedAttention, isAttention(ops, at: i) {
                kernels.append(fusedAttention(Array(ops[i...(i + 2)]), p: p, launch: launch))
                i += 3
                continue
            }
            let k = kernel(op, p: p, launch: launch)
            waste += k.executedFlops - k.flops
            kernels.append(k)
            i += 1
        }
        var hazards = hazard.map { [$0] } ?? []
        if !options.fusedAttention { hazards.append("unfused attention materialises the score matrix in HBM") }
        return ExecutionPlan(
            style: Self.style, device: device.name, precision: p, kernels: kernels, bytesSavedByFusion: 0,
            paddingWasteFlops: waste, paddingWasteBytes: 0, overheadSeconds: 0, hazards: hazards)
    }

    func kernel(_ op: Op, p: Precision, launch: Double) -> PlannedKernel {
        let cost = op.cost
        let bytes = scaledBytes(cost, p)
        switch op.kind {
        case .matmul, .batchedMatmul, .moeExperts:
            let executed = op.gemmShapes.reduce(0) { $0 + quantizedFlops($1) }
            let t = roofline(
                flops: executed, peak: peak(p), computeEfficiency: parameters.gemmEfficiency.value,
                bytes: bytes, bandwidth: device.memoryGBps!.value * 1e9,
                memoryEfficiency: parameters.memoryEfficiency.value)
            let launches = op.gemmShapes.reduce(0) { $0 + $1.count } + (isMoE(op) ? 2 : 0)
            return PlannedKernel(
                name: op.name, ops: [op.name], kind: "gemm", flops: cost.flops, executedFlops: executed, bytes: bytes,
                launches: launches, seconds: t.seconds + Double(launches) * launch, bound: t.bound,
                note: op.gemmShapes.map { "\($0.count)×\($0.label)" }.joined(separator: ", "),
                overheadSeconds: Double(launches) * launch)
        case .softmax, .rmsNorm, .layerNorm, .rope, .activation, .add, .router, .kvAppend:
            let t = roofline(
                flops: 0, peak: 1, computeEfficiency: 1, bytes: bytes, bandwidth: device.memoryGBps!.value * 1e9,
                memoryEfficiency: parameters.elementwiseMemoryEfficiency.value)
            return PlannedKernel(
                name: op.name, ops: [op.name], kind: "elementwise", flops: cost.flops, executedFlops: cost.flops,
                bytes: bytes, launches: 1, seconds: t.seconds + launch, bound: .memory, note: "",
                overheadSeconds: launch)
        }
    }

    /// Scores, softmax and context in one kernel: the score matrix never reaches HBM.
    func fusedAttention(_ ops: [Op], p: Precision, launch: Double) -> PlannedKernel {
        guard case .batchedMatmul(let s) = ops[0].kind else { preconditionFailure() }
        let flops = ops.reduce(0) { $0 + $1.cost.flops }
        let q = Double(s.batch * s.queries * s.heads * s.headDim)
        let kv = 2 * Double(s.batch * s.keys * s.kvHeads * s.headDim)
        let bytes = 2 * q * p.storage.bytes + kv * p.kvCache.bytes
        let t = roofline(
            flops: flops, peak: peak(p), computeEfficiency: parameters.gemmEfficiency.value, bytes: bytes,
            bandwidth: device.memoryGBps!.value * 1e9, memoryEfficiency: parameters.memoryEfficiency.value)
        return PlannedKernel(
            name: "flash_attention", ops: ops.map(\.name), kind: "fused-attention", flops: flops, executedFlops: flops,
            bytes: bytes, launches: 1, seconds: t.seconds + launch, bound: t.bound, note: "scores kept on chip",
            overheadSeconds: launch)
    }

    /// FLOPs a GEMM costs once its output is cut into thread-block tiles and the tiles into waves over the SMs:
    /// every wave takes one tile's time on every SM, so the last partial wave and padded tile edges are paid in full.
    /// Small M uses a narrower tile (cuBLAS picks such kernels), never below 16 rows.
    func quantizedFlops(_ g: GemmShape) -> Double {
        let tile = Int(parameters.gemmTile.value)
        let sms = Int(device.computeUnits.value)
        let tm = min(tile, roundUp(g.m, 16)), tn = tile
        let tiles = ((g.m + tm - 1) / tm) * ((g.n + tn - 1) / tn)
        let waves = (tiles + sms - 1) / sms
        return Double(waves * sms) * 2 * Double(tm) * Double(tn) * Double(g.k) * Double(g.count)
    }

    /// Scores, softmax, context in a row: the pattern a FlashAttention-like kernel replaces.
    func isAttention(_ ops: [Op], at i: Int) -> Bool {
        guard i + 2 < ops.count, case .batchedMatmul(let s) = ops[i].kind, s.role == .scores,
            case .softmax = ops[i + 1].kind, case .batchedMatmul(let c) = ops[i + 2].kind, c.role == .context
        else { return false }
        return true
    }

    func isMoE(_ op: Op) -> Bool { if case .moeExperts = op.kind { return true } else { return false } }
}
