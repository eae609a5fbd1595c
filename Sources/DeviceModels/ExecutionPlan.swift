import Foundation
import PortbenchSchema
import Workload

/// One unit of the style's plan: a CUDA kernel, an XLA fusion, or an LPU scheduled op, with its modelled time.
public struct PlannedKernel: Codable, Equatable, Sendable {
    public var name: String
    /// Graph ops it executes.
    public var ops: [String]
    public var kind: String
    public var flops: Double
    /// FLOPs including padding or tile quantization waste.
    public var executedFlops: Double
    /// Bytes moved to and from off-chip memory (HBM; SRAM for the LPU).
    public var bytes: Double
    public var launches: Int
    public var seconds: Double
    public var bound: RooflineBound
    public var note: String
    /// The part of `seconds` that is fixed overhead (kernel launches), not compute or memory traffic.
    public var overheadSeconds: Double

    public init(
        name: String, ops: [String], kind: String, flops: Double, executedFlops: Double, bytes: Double, launches: Int,
        seconds: Double, bound: RooflineBound, note: String, overheadSeconds: Double = 0
    ) {
        self.name = name
        self.ops = ops
        self.kind = kind
        self.flops = flops
        self.executedFlops = executedFlops
        self.bytes = bytes
        self.launches = launches
        self.seconds = seconds
        self.bound = bound
        self.note = note
        self.overheadSeconds = overheadSeconds
    }
}

/// Which side of the roofline limits a planned unit.
public enum RooflineBound: String, Codable, Sendable {
    case compute, memory
}

/// A layer graph lowered for one style and device, with every modelled time labelled as such.
public struct ExecutionPlan: Codable, Equatable, Sendable {
    public var style: ExecutionStyle
    public var device: String
    /// The precision the style actually computes in (may differ from the requested one: see hazards).
    public var precision: Precision
    public var kernels: [PlannedKernel]
    public var provenance: Provenance = .modelled
    /// XLA: fused HBM bytes avoided; 0 elsewhere.
    public var bytesSavedByFusion: Double
    public var paddingWasteFlops: Double
    public var paddingWasteBytes: Double
    /// Fixed per-layer overheads (launches not already in kernels, step overhead share).
    public var overheadSeconds: Double
    public var hazards: [String]

    public init(
        style: ExecutionStyle, device: String, precision: Precision, kernels: [PlannedKernel],
        bytesSavedByFusion: Double,
        paddingWasteFlops: Double, paddingWasteBytes: Double, overheadSeconds: Double, hazards: [String]
    ) {
        self.style = style
        self.device = device
        self.precision = precision
        self.kernels = kernels
        self.bytesSavedByFusion = bytesSavedByFusion
        self.paddingWasteFlops = paddingWasteFlops
        self.paddingWasteBytes = paddingWasteBytes
        self.overheadSeconds = overheadSeconds
        self.hazards = hazards
    }

    public var seconds: Double { kernels.reduce(0) { $0 + $1.seconds } + overheadSeconds }
    public var flops: Double { kernels.reduce(0) { $0 + $1.flops } }
    public var bytes: Double { kernels.reduce(0) { $0 + $1.bytes } }
    public var launches: Int { kernels.reduce(0) { $0 + $1.launches } }
}

/// Roofline of one unit of work: the slower of its compute at an achievable rate and its bytes at an achievable bandwidth.
public func roofline(
    flops: Double, peak: Double, computeEfficiency: Double, bytes: Double, bandwidth: Double,
    memoryEfficiency: Double
) -> (seconds: Double, bound: RooflineBound) {
    let c = flops > 0 ? flops / (peak * computeEfficiency) : 0
    let m = bytes / (bandwidth * memoryEfficiency)
    return c >= m ? (c, .compute) : (m, .memory)
}

func roundUp(_ x: Int, _ m: Int) -> Int { (x + m - 1) / m * m }
