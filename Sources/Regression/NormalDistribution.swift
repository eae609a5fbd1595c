import Foundation

/// The standard normal distribution, computed as Cephes' `ndtr` (SciPy's) does, through erf near 0 and erfc in the tails.
enum NormalDistribution {
    /// P(Z ≤ z); ±infinity give 0 and 1.
    static func cdf(_ z: Double) -> Double {
        let x = z * 0.5.squareRoot()
        let a = abs(x)
        if a < 0.5.squareRoot() { return 0.5 + 0.5 * erf(x) }
        let tail = 0.5 * erfc(a)
        return x > 0 ? 1 - tail : tail
    }
}
