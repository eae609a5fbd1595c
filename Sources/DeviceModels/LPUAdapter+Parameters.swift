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

    public init(_ s: StyleSectionReader) {
        computeEfficiency = s.fraction("compute_efficiency")
        sramUsableFraction = s.fraction("sram_usable_fraction")
        chipToChipLatencyMicroseconds = s.microseconds("c2c_latency_us")
    }
}
