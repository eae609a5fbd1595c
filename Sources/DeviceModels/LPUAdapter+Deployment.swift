import Foundation
import PortbenchSchema
import Workload

/// Serving and migration on LPU-style chips: everything in SRAM, layers pipelined over chips, hops between them.
extension LPUAdapter {
    public static func problem(with profile: DeviceProfile) -> String? {
        profile.sramGBps == nil ? "an lpu-style device needs sram_gbps (weights stream from SRAM)" : nil
    }

    /// Usable SRAM per chip in bytes.
    public var capacityPerChip: Double { device.sramMB.value * 1e6 * parameters.sramUsableFraction.value }
    /// As many chips as the bytes need: there is no HBM to spill to.
    public func chipsToHold(_ bytes: Double) -> Int { max(1, Int((bytes / capacityPerChip).rounded(.up))) }
    public var linkLatencySeconds: Double { parameters.chipToChipLatencyMicroseconds.value * 1e-6 }

    /// Layers are pipelined across chips; a layer is split over several only when it does not fit one.
    public func parallelism(chips: Int, layerBytes: Double) -> (tensorParallel: Int, pipelineStages: Int) {
        let tp = max(1, Int((layerBytes / capacityPerChip).rounded(.up)))
        return (tp, max(1, chips / tp))
    }

    /// The activations' hops between pipeline stages.
    public func stepOverheadSeconds(activationBytes: Double, pipelineStages: Int) -> Double {
        Double(max(0, pipelineStages - 1)) * hopSeconds(activationBytes: activationBytes)
    }

    /// One chip-to-chip transfer of `activationBytes`.
    func hopSeconds(activationBytes: Double) -> Double {
        activationBytes / (device.interconnectGBps.value * 1e9 / 2) + linkLatencySeconds
    }

    public func migrationHazards(
        from source: MigrationEnd, to target: MigrationSide, scenario: Scenario, options: AdapterOptions
    ) -> [String] {
        var out = fusedAttentionHazard(
            from: source, options: options, replacement: "a kernel written for the LPU compiler")
        if source.side.style != target.style {
            out.append(
                "all weights and KV cache must sit in SRAM: \(target.chipsNeeded) chip(s) instead of \(source.side.chipsNeeded)"
            )
        }
        return out
    }
}
