import Foundation

/// SplitMix64: a small, fast, reproducible generator for seeded weights, inputs, bootstraps and permutation tests.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    public mutating func unit() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// Two independent standard normal samples (Box–Muller).
    public mutating func normalPair() -> (Double, Double) {
        let r = (-2 * Foundation.log(unit())).squareRoot()
        let t = 2 * Double.pi * unit()
        return (r * Foundation.cos(t), r * Foundation.sin(t))
    }

    /// A stable 64-bit seed for a name, so each tensor's values do not depend on the order tensors are made in.
    public static func seed(_ base: UInt64, _ name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ base
        for b in name.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01B3
        }
        var g = SplitMix64(seed: h)
        return g.next()
    }
}
