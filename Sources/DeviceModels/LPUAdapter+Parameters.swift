import Foundation
import PortbenchSchema

/// LPU-style modelling parameters: the `lpu` section of Devices/styles.yaml, each with its source.
public struct LPUParameters: StyleParameters, Equatable {
    /// Achievable fraction of the peak under the static schedule.
    public var computeEfficiency: Sourced
    /// Share of each chip's SRAM the model may fill.
    public var sramUsableFraction: Sourced
    /// Latency of one chip-to-chip transfer.
    public var chipToChipLatencyMicroseconds: Sourced
    /// Chip-to-chip links per chip; a link carries interconnect_gbps ÷ links ÷ 2 each way.
    public var chipToChipLinks: Sourced
    /// Chips of a node, fully connected by direct links.
    public var nodeChips: Sourced
    /// Fixed time the static schedule spends per layer beyond its matrix, vector and link work (fitted).
    public var layerOverheadMicroseconds: Sourced

    public init(_ s: StyleSectionReader) {
        computeEfficiency = s.fraction("compute_efficiency")
        sramUsableFraction = s.fraction("sram_usable_fraction")
        chipToChipLatencyMicroseconds = s.microseconds("c2c_latency_us")
        chipToChipLinks = s.value("c2c_links", in: 1...1_024)
        nodeChips = s.value("node_chips", in: 1...1_024)
        layerOverheadMicroseconds = s.microseconds("layer_overhead_us")
    }
}
