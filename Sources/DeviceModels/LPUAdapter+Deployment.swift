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

    /// Layers are pipelined across chips, at most one stage per layer; each stage's layers are split over as many
    /// chips as the count allows (at least enough to hold one layer), so no chip sits idle.
    public func parallelism(chips: Int, layerBytes: Double, layers: Int) -> (tensorParallel: Int, pipelineStages: Int) {
        let least = max(1, Int((layerBytes / capacityPerChip).rounded(.up)))
        let stages = max(1, min(layers, chips / least))
        return (max(least, chips / stages), stages)
    }

    /// The activations' hops between pipeline stages.
    public func stepOverheadSeconds(activationBytes: Double, pipelineStages: Int) -> Double {
        Double(max(0, pipelineStages - 1)) * hopSeconds(activationBytes: activationBytes)
    }

    /// One link's bandwidth each way, bytes per second.
    var linkBytesPerSecond: Double {
        device.interconnectGBps.value * 1e9 / parameters.chipToChipLinks.value / 2
    }

    /// One chip-to-chip transfer of `activationBytes` over one link.
    func hopSeconds(activationBytes: Double) -> Double {
        activationBytes / linkBytesPerSecond + linkLatencySeconds
    }

    /// Over direct links: a node's chips are fully connected (Hot Chips 34), so a reduce-scatter and an all-gather
    /// take one hop each and the bandwidth-optimal 2(n−1)/n of the message leaving a chip spreads over its links to
    /// the other n−1; beyond a node each phase also crosses the global links (two more hops). Per-token messages
    /// are latency-bound (where a ring pays 2(n−1) latencies); prefill's are bandwidth-bound.
    public func allReduceSeconds(bytes: Double, chips: Int) -> Double {
        guard chips > 1 else { return 0 }
        let n = Double(chips)
        let hops = chips <= Int(parameters.nodeChips.value) ? 2.0 : 4.0
        let links = min(n - 1, parameters.chipToChipLinks.value)
        return hops * linkLatencySeconds + 2 * (n - 1) / n * bytes / (linkBytesPerSecond * links)
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
