import Foundation

/// The normal and Student t distributions the decision rule's intervals and p-values come from.
public enum Distributions {
    /// Φ(x), the standard normal CDF.
    public static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Φ⁻¹(p) by bisection on `normalCDF` (exact to 1e-12; speed is no concern here).
    public static func normalQuantile(_ p: Double) -> Double {
        invert(p, lower: -40, upper: 40, normalCDF)
    }

    /// The CDF of Student's t with `df` degrees of freedom (df may be fractional, as Welch's is).
    public static func studentTCDF(_ t: Double, df: Double) -> Double {
        guard df.isFinite else { return normalCDF(t) }
        let x = df / (df + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t quantile with `df` degrees of freedom.
    public static func studentTQuantile(_ p: Double, df: Double) -> Double {
        guard df.isFinite else { return normalQuantile(p) }
        return invert(p, lower: -1e6, upper: 1e6) { studentTCDF($0, df: df) }
    }

    /// Two-sided p-value of a statistic that is t-distributed with `df` (normal when df is infinite).
    public static func twoSidedP(_ t: Double, df: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? 1 : 0 }
        return Swift.min(1, 2 * studentTCDF(-abs(t), df: df))
    }

    /// I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4), with the symmetry that keeps it convergent.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) { return exp(lnFront) * betaFraction(x, a: a, b: b) / a }
        return 1 - exp(lnFront) * betaFraction(1 - x, a: b, b: a) / b
    }

    private static func betaFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = 1 / (abs(d) < tiny ? tiny : d)
        var h = d
        for m in 1...500 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / nonZero(1 + even * d, tiny)
            c = nonZero(1 + even / c, tiny)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / nonZero(1 + odd * d, tiny)
            c = nonZero(1 + odd / c, tiny)
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return h
    }

    private static func nonZero(_ v: Double, _ tiny: Double) -> Double { abs(v) < tiny ? tiny : v }

    private static func invert(
        _ p: Double, lower: Double, upper: Double, _ cdf: (Double) -> Double
    ) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        var lo = lower, hi = upper
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if cdf(mid) < p { lo = mid } else { hi = mid }
            if hi - lo < 1e-12 * Swift.max(1, abs(mid)) { break }
        }
        return (lo + hi) / 2
    }
}
