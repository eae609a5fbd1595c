import Foundation
import PortbenchSchema
import Workload

/// LPU-style chips: a static schedule with all weights, KV cache and activations in on-chip SRAM, so the chip
/// count follows from the model's bytes; layers pipelined over chips with chip-to-chip transfers; no variance.
public struct LPUAdapter: StyleAdapter {
    public static let style = ExecutionStyle.lpu
    public let device: DeviceProfile
    public let parameters: LPUParameters
    /// The serving engine's KV-cache figures (the style's default engine when built from a catalog).
    public var engine = EngineFigures.unpaged

    public init(device: DeviceProfile, parameters: LPUParameters) {
        self.device = device
        self.parameters = parameters
    }

    public func effectivePrecision(_ requested: Precision) -> (Precision, String?) {
        switch requested {
        case .fp16: return (.fp16, nil)
        case .fp8e4m3, .fp8e5m2:
            return (requested, "fp8 weights are stored at 1 byte and computed on the int8/fp8 path")
        case .nvfp4, .mxfp4:
            return (.fp8e4m3, "the LPU has no fp4 path: \(requested.rawValue) weights run as fp8 on its 8-bit path")
        case .bf16:
            return (.fp16, "the LPU computes fp16, not bf16: values beyond ±65504 overflow, small ones lose range")
        case .fp32, .tf32: return (.fp16, "the LPU has no fp32 matrix path: fp32 models are cast to fp16")
        }
    }

    /// One-byte formats run on the int8 matrix path; everything else at the fp16 rate.
    public func peak(_ p: Precision) -> Double {
        p.bytes == 1 ? (device.peak(p) ?? device.peakTFLOPS["int8"]!.value * 1e12) : device.peak(.fp16)!
    }

    public func lower(_ graph: LayerGraph, options: AdapterOptions) -> ExecutionPlan {
        let (p, hazard) = effectivePrecision(options.precision)
        let rate = peak(p)
        var kernels: [PlannedKernel] = []
        for op in graph.ops {
            let bytes = scaledBytes(op.cost, p)
            let t = roofline(
                flops: op.cost.flops, peak: rate, computeEfficiency: parameters.computeEfficiency.value, bytes: bytes,
                bandwidth: device.sramGBps!.value * 1e9, memoryEfficiency: 1)
            kernels.append(
                PlannedKernel(
                    name: op.name, ops: [op.name], kind: op.gemmShapes.isEmpty ? "vector" : "matrix",
                    flops: op.cost.flops, executedFlops: op.cost.flops, bytes: bytes, launches: 0,
                    seconds: t.seconds, bound: t.bound, note: "scheduled statically"))
        }
        // The schedule's fixed cost per layer goes on the layer's first unit.
        if !kernels.isEmpty {
            let layerOverhead = parameters.layerOverheadMicroseconds.value * 1e-6
            kernels[0].overheadSeconds += layerOverhead
            kernels[0].seconds += layerOverhead
            kernels[0].note += " + fixed per-layer schedule overhead"
        }
        let layerBytes =
            graph.totalCost.weightBytes * p.bytes / 4 + Double((graph.value(LayerGraph.keyCacheName)?.count ?? 0) * 2)
            * p.kvCache.bytes
        let chips = Int((layerBytes / capacityPerChip).rounded(.up))
        // A layer spread over several chips hands its activations from chip to chip (whole-model predictions
        // charge these hops per pipeline stage instead, so they subtract this overhead).
        let activation = Double(graph.scenario.tokens * graph.config.hidden) * p.storage.bytes
        let hop = hopSeconds(activationBytes: activation)
        var hazards = hazard.map { [$0] } ?? []
        hazards.append(
            "this layer needs \(chips) chip(s) of SRAM (\(String(format: "%.0f", layerBytes / 1e6)) MB): no HBM to spill to"
        )
        if graph.config.isMoE {
            hazards.append(
                "all experts must be resident in SRAM although each token uses \(graph.config.topK) of \(graph.config.experts)"
            )
        }
        return ExecutionPlan(
            style: Self.style, device: device.name, precision: p, kernels: kernels, bytesSavedByFusion: 0,
            paddingWasteFlops: 0, paddingWasteBytes: 0, overheadSeconds: Double(max(0, chips - 1)) * hop,
            hazards: hazards)
    }
}
