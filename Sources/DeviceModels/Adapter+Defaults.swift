import Foundation
import PortbenchSchema
import Workload

/// What a style without the behaviour answers, and helpers the adapters share.
extension Adapter {
    /// Peak FLOP/s for a precision (falls back to the bf16/fp16 rate when the device lacks that format).
    public func peak(_ p: Precision) -> Double {
        device.peak(p) ?? device.peak(.bf16) ?? device.peak(.fp16)!
    }

    public func parallelism(chips: Int, layerBytes: Double, layers: Int) -> (tensorParallel: Int, pipelineStages: Int) {
        (chips, 1)
    }
    public func allReduceSeconds(bytes: Double, chips: Int) -> Double {
        ringAllReduceSeconds(
            bytes: bytes, chips: chips, linkGBps: device.interconnectGBps.value, latencySeconds: linkLatencySeconds)
    }
    public func stepOverheadSeconds(activationBytes: Double, pipelineStages: Int) -> Double { 0 }
    public func compileSeconds(ops: Int) -> Double? { nil }
    public func bucketsLengths(_ options: AdapterOptions) -> Bool { false }
    public func fusedAttentionKernel(_ options: AdapterOptions) -> String? { nil }

    /// The length a request of `length` tokens runs at: its bucket when the style buckets lengths.
    public func paddedLength(_ length: Int, options: AdapterOptions) -> Int {
        bucketsLengths(options) ? LengthVariance.nextPowerOfTwo(length) : length
    }

    /// Bytes of weights, activations and KV cache for the op's cost, scaled from fp32 to the plan's precision.
    public func scaledBytes(_ cost: OpCost, _ p: Precision) -> Double {
        cost.weightBytes * p.bytes / 4 + cost.activationBytes * p.storage.bytes / 4 + cost.cacheBytes * p.kvCache.bytes
            / 4
    }

    /// The smallest power of two of chips (tensor parallelism) holding `bytes` in 90% of each chip's capacity.
    public func powerOfTwoChips(toHold bytes: Double) -> Int {
        let usable = capacityPerChip * 0.9
        var n = 1
        while Double(n) * usable < bytes, n < 4096 { n *= 2 }
        return n
    }

    /// The source's fused attention kernel has no drop-in equivalent here; `replacement` says what it needs instead.
    public func fusedAttentionHazard(from source: MigrationEnd, options: AdapterOptions, replacement: String)
        -> [String]
    {
        guard let kernel = source.adapter.fusedAttentionKernel(options) else { return [] }
        return [
            "\(kernel) has no drop-in equivalent on \(device.style.rawValue): needs \(replacement), or the score matrix goes through memory"
        ]
    }

    /// More chips than the source needs means tensor parallelism to add.
    public func tensorParallelHazard(from source: MigrationEnd, to target: MigrationSide) -> [String] {
        guard target.chipsNeeded > source.side.chipsNeeded else { return [] }
        return [
            "needs \(target.chipsNeeded) chip(s) where \(source.side.device) needs \(source.side.chipsNeeded): tensor parallelism to add"
        ]
    }
}
