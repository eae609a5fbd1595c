import Foundation
import PortbenchSchema
import Workload

/// TPU/XLA-style chips: the whole layer compiled as one program; elementwise ops fused into their producers;
/// GEMM dimensions padded to the matrix unit (128 or 256) and rows to 8 sublanes; bf16 operands, fp32 accumulation.
public struct XLAAdapter: StyleAdapter {
    public static let style = ExecutionStyle.xla
    public let device: DeviceProfile
    public let parameters: XLAParameters
    /// The serving engine's KV-cache figures (the style's default engine when built from a catalog).
    public var engine = EngineFigures.unpaged

    public init(device: DeviceProfile, parameters: XLAParameters) {
        self.device = device
        self.parameters = parameters
    }

    public static let sublanes = 8

    public func effectivePrecision(_ requested: Precision) -> (Precision, String?) {
        switch requested {
        case .fp32, .tf32:
            return (
                .bf16,
                "XLA on TPU computes fp32 matmuls with bf16 operands by default (Precision.DEFAULT); GPUs use fp32/tf32"
            )
        case .fp16:
            return (.bf16, "TPU matrix units have no fp16 path: fp16 becomes bf16 (3 fewer mantissa bits, wider range)")
        case .fp8e4m3, .fp8e5m2:
            if device.peak(requested) == nil || device.peak(requested) == device.peak(.bf16) {
                return (
                    requested, "\(device.name) has no fp8 speed-up: fp8 weights save memory but run at the bf16 rate"
                )
            }
            return (requested, nil)
        case .bf16:
            return (.bf16, nil)
        case .nvfp4, .mxfp4:
            let fallback: Precision = device.peak(.fp8e4m3) != nil ? .fp8e4m3 : .bf16
            return (
                fallback, "\(device.name) has no fp4 matrix path: \(requested.rawValue) runs as \(fallback.rawValue)"
            )
        }
    }

    public func lower(_ graph: LayerGraph, options: AdapterOptions) -> ExecutionPlan {
        let (p, hazard) = effectivePrecision(options.precision)
        let fusions = fuse(graph)
        var kernels: [PlannedKernel] = []
        var saved = 0.0, wasteFlops = 0.0, wasteBytes = 0.0
        for f in fusions {
            let ops = f.map { graph.ops[$0] }
            let flops = ops.reduce(0) { $0 + $1.cost.flops }
            let padded = ops.reduce(0) { $0 + paddedGemmFlops($1) + ($1.gemmShapes.isEmpty ? $1.cost.flops : 0) }
            let unfused = ops.reduce(0) { $0 + scaledBytes($1.cost, p) }
            let bytes = fusedBytes(f, graph: graph, p: p) + paddedWeightBytes(ops, p: p)
            let t = roofline(
                flops: padded, peak: peak(p), computeEfficiency: parameters.gemmEfficiency.value, bytes: bytes,
                bandwidth: device.memoryGBps!.value * 1e9, memoryEfficiency: parameters.memoryEfficiency.value)
            saved += max(0, unfused + paddedWeightBytes(ops, p: p) - bytes)
            wasteFlops += padded - flops
            wasteBytes += paddedWeightBytes(ops, p: p)
            kernels.append(
                PlannedKernel(
                    name: "fusion.\(kernels.count)", ops: ops.map(\.name),
                    kind: ops.contains { !$0.gemmShapes.isEmpty } ? "gemm-fusion" : "loop-fusion",
                    flops: flops, executedFlops: padded, bytes: bytes, launches: 0, seconds: t.seconds,
                    bound: t.bound, note: ops.flatMap(\.gemmShapes).map { padLabel($0) }.joined(separator: ", ")))
        }
        var hazards = hazard.map { [$0] } ?? []
        if wasteFlops > 0.05 * graph.totalCost.flops {
            hazards.append(
                String(
                    format: "padding to the %d-wide matrix unit wastes %.0f%% of the FLOPs", mxu,
                    100 * wasteFlops / max(graph.totalCost.flops, 1)))
        }
        if graph.config.isMoE {
            hazards.append("MoE routing is data-dependent: XLA computes dense masks or fixed-capacity dispatch")
        }
        return ExecutionPlan(
            style: Self.style, device: device.name, precision: p, kernels: kernels, bytesSavedByFusion: saved,
            paddingWasteFlops: wasteFlops, paddingWasteBytes: wasteBytes,
            overheadSeconds: parameters.stepOverheadMicroseconds.value * 1e-6, hazards: hazards)
    }

    var mxu: Int { Int(device.matrixUnit.value) }

    /// Groups op indices into fusions: each GEMM-like op opens a fusion; elementwise ops join their producer's.
    public func fuse(_ graph: LayerGraph) -> [[Int]] {
        var groups: [[Int]] = []
        var producer: [String: Int] = [:]
        for (i, op) in graph.ops.enumerated() {
            let isGemm = !op.gemmShapes.isEmpty
            let inputs = op.inputs
            if !isGemm, let g = inputs.compactMap({ producer[$0] }).max() {
                groups[g].append(i)
                for o in op.outputs { producer[o] = g }
                continue
            }
            groups.append([i])
            for o in op.outputs { producer[o] = groups.count - 1 }
        }
        return groups
    }

    /// HBM bytes of a fusion: values it reads from outside and values it writes that are used outside (or are outputs).
    func fusedBytes(_ group: [Int], graph: LayerGraph, p: Precision) -> Double {
        let members = Set(group)
        let produced = Set(group.flatMap { graph.ops[$0].outputs })
        var external = Set<String>()
        for i in group { for v in graph.ops[i].inputs where !produced.contains(v) { external.insert(v) } }
        for v in produced {
            let usedOutside = graph.ops.indices.contains { !members.contains($0) && graph.ops[$0].inputs.contains(v) }
            let isResult = graph.value(v)?.role == .output || graph.value(v)?.role == .state
            if usedOutside || isResult { external.insert(v) }
        }
        return external.reduce(0) { acc, name in
            let v = graph.value(name)
            return acc + Double(v?.count ?? 0) * (v?.role == .state ? p.kvCache.bytes : p.storage.bytes)
        }
    }

    /// Weight bytes with N and K padded to the matrix unit (padding is stored, so it is read too).
    func paddedWeightBytes(_ ops: [Op], p: Precision) -> Double {
        ops.reduce(0) { acc, op in
            switch op.kind {
            case .matmul(let m): return acc + Double(roundUp(m.n, mxu) * roundUp(m.k, mxu)) * p.bytes
            case .moeExperts(let m):
                return acc + Double(m.expertsTouched * 3 * roundUp(m.hidden, mxu) * roundUp(m.ffn, mxu)) * p.bytes
            default: return acc + op.cost.weightBytes * p.bytes / 4
            }
        }
    }

    func paddedGemmFlops(_ op: Op) -> Double {
        op.gemmShapes.reduce(0) { acc, g in
            acc + 2 * Double(roundUp(g.m, Self.sublanes)) * Double(roundUp(g.n, mxu)) * Double(roundUp(g.k, mxu))
                * Double(g.count)
        }
    }

    func padLabel(_ g: GemmShape) -> String {
        "\(g.count)×\(g.label)→\(roundUp(g.m, Self.sublanes))×\(roundUp(g.n, mxu))×\(roundUp(g.k, mxu))"
    }
}
