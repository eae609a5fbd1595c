import Foundation
import PortbenchSchema

extension Precision {
    /// Round to nearest, ties to even; NaN stays NaN; fp8 saturates to its largest finite value (as `cvt.satfinite`).
    @inline(__always)
    public func round(_ x: Float) -> Float {
        switch self {
        case .fp32: return x
        case .tf32: return Self.truncateMantissa(x, droppedBits: 13)
        case .bf16: return Self.truncateMantissa(x, droppedBits: 16)
        case .fp16: return Float(Float16(x))
        case .fp8e4m3: return Self.minifloat(x, mantissaBits: 3, bias: 7, maxFinite: 448)
        case .fp8e5m2: return Self.minifloat(x, mantissaBits: 2, bias: 15, maxFinite: 57344)
        case .nvfp4, .mxfp4: return Self.e2m1(x)
        }
    }

    /// FP4 E2M1: ±{0, 0.5, 1, 1.5, 2, 3, 4, 6}, round to nearest even, saturating at 6.
    @inline(__always)
    static func e2m1(_ x: Float) -> Float { minifloat(x, mantissaBits: 1, bias: 1, maxFinite: 6) }
    /// Rounds a buffer in place.
    public func round(_ p: UnsafeMutablePointer<Float>, count: Int) {
        if self == .fp32 { return }
        for i in 0..<count { p[i] = round(p[i]) }
    }
    /// Rounds a tensor as deployments quantize it: fp8 with one per-tensor scale mapping the tensor's largest
    /// magnitude to the format's largest finite value (Transformer Engine's current scaling); others directly.
    public func quantize(_ p: UnsafeMutablePointer<Float>, count: Int) {
        if blockSize != nil { return quantizeBlocks(p, count: count) }
        guard let maxFinite else { return round(p, count: count) }
        var amax: Float = 0
        for i in 0..<count where p[i].isFinite { amax = max(amax, abs(p[i])) }
        guard amax > 0 else { return }
        let scale = amax / maxFinite
        for i in 0..<count { p[i] = round(p[i] / scale) * scale }
    }
    /// fp32 with the low `droppedBits` mantissa bits rounded away (bf16: 16, tf32: 13), RNE on the bit pattern.
    @inline(__always)
    static func truncateMantissa(_ x: Float, droppedBits: UInt32) -> Float {
        let bits = x.bitPattern
        if x.isNaN { return Float(bitPattern: bits | 0x0040_0000) }
        let half = (UInt32(1) << (droppedBits - 1)) - 1
        let lsb = (bits >> droppedBits) & 1
        let rounded = (bits &+ half &+ lsb) & ~((UInt32(1) << droppedBits) - 1)
        return Float(bitPattern: rounded)
    }
    /// A small float format with IEEE-style subnormals and no infinities used (values saturate at `maxFinite`).
    @inline(__always)
    static func minifloat(_ x: Float, mantissaBits: Int, bias: Int, maxFinite: Double) -> Float {
        if x.isNaN { return x }
        let a = Double(abs(x))
        if a == 0 { return x }
        if a.isInfinite { return Float(x < 0 ? -maxFinite : maxFinite) }
        let minNormalExponent = 1 - bias
        let exponent = max(Int(a.exponent), minNormalExponent)
        let quantum = Foundation.pow(2.0, Double(exponent - mantissaBits))
        let rounded = min((a / quantum).rounded(.toNearestOrEven) * quantum, maxFinite)
        return Float(x < 0 ? -rounded : rounded)
    }
}

extension Precision {
    /// fp4 with block scales over consecutive values (a weight row, an activation row): MXFP4 gives each 32 values
    /// the power of two 2^(⌊log2 amax⌋ − 2) (OCP MX v1.0: the block's largest exponent minus E2M1's largest, 2);
    /// NVFP4 gives each 16 values the FP8 E4M3 scale amax ÷ 6 under one FP32 scale per call, amax ÷ (448 · 6), so the
    /// block scales use E4M3's range (NVIDIA's NVFP4 recipe). Values round to E2M1 and saturate at ±6 × scale.
    func quantizeBlocks(_ p: UnsafeMutablePointer<Float>, count: Int) {
        let block = blockSize!
        var global: Float = 1
        if self == .nvfp4 {
            let amax = Self.finiteAmax(p, 0..<count)
            guard amax > 0 else { return }
            global = amax / (448 * 6)
        }
        for start in stride(from: 0, to: count, by: block) {
            let range = start..<min(count, start + block)
            let amax = Self.finiteAmax(p, range)
            guard amax > 0 else { continue }
            let scale: Float
            if self == .mxfp4 {
                scale = Float(
                    Foundation.pow(
                        2.0, Swift.max(-127, Swift.min(127, Foundation.floor(Foundation.log2(Double(amax)))) - 2)))
            } else {
                scale = Precision.fp8e4m3.round(amax / 6 / global) * global
            }
            for i in range where p[i].isFinite {
                p[i] = scale > 0 ? Self.e2m1(p[i] / scale) * scale : 0
            }
        }
    }

    static func finiteAmax(_ p: UnsafeMutablePointer<Float>, _ range: Range<Int>) -> Float {
        var amax: Float = 0
        for i in range where p[i].isFinite { amax = Swift.max(amax, abs(p[i])) }
        return amax
    }
}
