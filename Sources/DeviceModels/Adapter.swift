import Foundation
import PortbenchSchema
import Workload

/// A device style: lowers a layer graph into its plan and predicts its time, and states what serving and migration
/// need to know about deploying on it. Numerics run through `NumericsEmulation`.
public protocol Adapter {
    var device: DeviceProfile { get }
    /// The precision this style really computes in for a requested one, and the hazard when they differ.
    func effectivePrecision(_ requested: Precision) -> (Precision, String?)
    /// Lower the graph and model every unit's time (one chip's share when the graph is a tensor-parallel shard).
    func lower(_ graph: LayerGraph, options: AdapterOptions) -> ExecutionPlan
    /// Peak FLOP/s the style's matrix units reach in a precision.
    func peak(_ p: Precision) -> Double

    /// Bytes of model (weights and KV cache) one chip holds: its HBM, or the usable share of its SRAM.
    var capacityPerChip: Double { get }
    /// The serving engine's KV-cache figures: block size and the share of memory it fills.
    var engine: EngineFigures { get set }
    /// The fewest chips that hold `bytes` of model as this style deploys them.
    func chipsToHold(_ bytes: Double) -> Int
    /// How `chips` chips split a model of `layers` layers that need `layerBytes` each (default: all tensor-parallel,
    /// one stage).
    func parallelism(chips: Int, layerBytes: Double, layers: Int) -> (tensorParallel: Int, pipelineStages: Int)
    /// Latency of one step over the chip-to-chip link, in seconds.
    var linkLatencySeconds: Double { get }
    /// One all-reduce of `bytes` over `chips` tensor-parallel chips (default: a ring over the interconnect).
    func allReduceSeconds(bytes: Double, chips: Int) -> Double
    /// Fixed time a whole-model step adds after its layers: program overhead, hops between pipeline stages (default 0).
    func stepOverheadSeconds(activationBytes: Double, pipelineStages: Int) -> Double
    /// Seconds to compile one program of `ops` ops; nil (the default) for styles that run any shape without compiling it.
    func compileSeconds(ops: Int) -> Double?
    /// Whether sequence lengths are padded up to power-of-two buckets, each compiled once (default: never).
    func bucketsLengths(_ options: AdapterOptions) -> Bool
    /// The hand-fused attention kernel this style's plan relies on, which another style must replace (default: none).
    func fusedAttentionKernel(_ options: AdapterOptions) -> String?
    /// What a team must change or watch when moving INTO this style from `source`: kernels to replace, dynamic
    /// shapes, chips to add. `target` is this style's side of the comparison.
    func migrationHazards(
        from source: MigrationEnd, to target: MigrationSide, scenario: Scenario, options: AdapterOptions
    ) -> [String]
}

/// One end of a migration: the adapter and what it predicted there.
public struct MigrationEnd {
    public let adapter: Adapter
    public let side: MigrationSide

    public init(adapter: Adapter, side: MigrationSide) {
        self.adapter = adapter
        self.side = side
    }
}

/// The adapter for a device's style, built by the adapter type the catalog's registry holds for it.
public func makeAdapter(for device: DeviceProfile, catalog: DeviceCatalog) -> Adapter {
    guard let type = catalog.registry.adapterType(for: device.style), let section = catalog.styles[device.style] else {
        preconditionFailure("\(device.name): no adapter is registered for style '\(device.style.rawValue)'")
    }
    var adapter = type.make(device: device, parameters: section.parameters)
    if let figures = catalog.engines[ServingEngine.defaultEngine(for: device.style)] { adapter.engine = figures }
    return adapter
}
