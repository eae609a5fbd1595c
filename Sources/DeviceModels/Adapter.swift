import Foundation
import PortbenchSchema
import Workload

/// A device style: lowers a layer graph into its plan and predicts its time. Numerics run through `NumericsEmulation`.
public protocol Adapter {
    var device: DeviceProfile { get }
    var parameters: StyleParameters { get }
    /// The precision this style really computes in for a requested one, and the hazard when they differ.
    func effectivePrecision(_ requested: Precision) -> (Precision, String?)
    /// Lower the graph and model every unit's time (one chip's share when the graph is a tensor-parallel shard).
    func lower(_ graph: LayerGraph, options: AdapterOptions) -> ExecutionPlan
    /// Peak FLOP/s the style's matrix units reach in a precision.
    func peak(_ p: Precision) -> Double
}

/// The adapter for a device's style.
public func makeAdapter(for device: DeviceProfile, catalog: DeviceCatalog) -> Adapter {
    let p = catalog.parameters(for: device)
    switch device.style {
    case .cuda: return CUDAAdapter(device: device, parameters: p)
    case .xla: return XLAAdapter(device: device, parameters: p)
    case .lpu: return LPUAdapter(device: device, parameters: p)
    }
}

extension Adapter {
    /// Peak FLOP/s for a precision (falls back to the bf16/fp16 rate when the device lacks that format).
    public func peak(_ p: Precision) -> Double {
        device.peak(p) ?? device.peak(.bf16) ?? device.peak(.fp16)!
    }

    /// Bytes of weights, activations and KV cache for the op's cost, scaled from fp32 to the plan's precision.
    func scaled(_ cost: OpCost, _ p: Precision) -> Double {
        cost.weightBytes * p.bytes / 4 + cost.activationBytes * p.storage.bytes / 4 + cost.cacheBytes * p.kvCache.bytes / 4
    }
}
