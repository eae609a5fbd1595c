import Foundation
import PortbenchSchema

/// A published figure with where it comes from.
public struct Sourced: Codable, Equatable, Sendable {
    public var value: Double
    public var source: String
}

/// A public document a profile cites.
public struct Citation: Codable, Equatable, Sendable {
    public var id: String
    public var url: String
    public var date: String
    public var note: String
}

/// One accelerator's published figures (data, loaded from Devices/*.yaml); every number cites its source.
public struct DeviceProfile: Codable, Equatable, Sendable {
    public var name: String
    public var display: String
    public var style: ExecutionStyle
    /// Dense peak rates in TFLOP/s (TOP/s for int8), keyed fp32, tf32, bf16, fp16, fp8, int8, nvfp4, mxfp4.
    public var peakTFLOPS: [String: Sourced]
    /// Off-chip memory (HBM); absent for SRAM-only chips.
    public var memoryGB: Sourced?
    public var memoryGBps: Sourced?
    /// On-chip SRAM (L2 / VMEM+CMEM / LPU SRAM).
    public var sramMB: Sourced
    public var sramGBps: Sourced?
    /// Chip-to-chip bandwidth, GB/s, bidirectional per chip (NVLink, ICI, Groq C2C).
    public var interconnectGBps: Sourced
    /// Matrix-unit edge the compiler pads to (TPU MXU 128 or 256; GPU GEMM tile; LPU 320).
    public var matrixUnit: Sourced
    /// SMs, CUs or TensorCores the work is spread over.
    public var computeUnits: Sourced
    public var powerW: Sourced
    public var pricePerChipHour: Sourced?
    public var citations: [Citation]
    public var file: String

    /// Peak rate for a precision, in FLOP/s; nil when the device has no such rate.
    public func peak(_ p: Precision) -> Double? {
        peakTFLOPS[p.peakKey].map { $0.value * 1e12 }
    }

    /// Every sourced figure with its field name, for `portbench devices`.
    public var figures: [(field: String, value: Sourced)] {
        var out: [(String, Sourced)] = peakTFLOPS.sorted { $0.key < $1.key }.map { ("peak_tflops.\($0.key)", $0.value) }
        let optional: [(String, Sourced?)] = [
            ("memory_gb", memoryGB), ("memory_gbps", memoryGBps), ("sram_mb", sramMB),
            ("sram_gbps", sramGBps), ("interconnect_gbps", interconnectGBps),
            ("matrix_unit", matrixUnit), ("compute_units", computeUnits), ("power_w", powerW),
            ("price_per_chip_hour", pricePerChipHour),
        ]
        out += optional.compactMap { f in f.1.map { (f.0, $0) } }
        return out
    }
}
