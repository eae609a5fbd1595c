import Foundation

/// Robust summary of raw samples: median with a distribution-free 95% interval, quartiles, MAD, mean and spread.
public struct SampleStatistics: Codable, Equatable, Sendable {
    public var count: Int
    public var min, max, mean, median: Double
    public var stdev: Double
    public var p10, q1, q3, p90: Double
    public var iqr: Double
    /// Median absolute deviation (unscaled).
    public var mad: Double
    /// Coefficient of variation: stdev / mean.
    public var cv: Double
    /// 95% confidence interval of the median from order statistics (binomial), exact for any distribution.
    public var medianLower95, medianUpper95: Double

    public init(_ samples: [Double]) {
        precondition(!samples.isEmpty, "SampleStatistics needs at least one sample")
        let s = samples.sorted()
        count = s.count
        min = s.first!
        max = s.last!
        mean = s.reduce(0, +) / Double(s.count)
        median = Self.quantile(s, 0.5)
        let m = mean
        stdev = s.count > 1 ? (s.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(s.count - 1)).squareRoot() : 0
        p10 = Self.quantile(s, 0.10)
        q1 = Self.quantile(s, 0.25)
        q3 = Self.quantile(s, 0.75)
        p90 = Self.quantile(s, 0.90)
        iqr = q3 - q1
        let med = median
        mad = Self.quantile(s.map { abs($0 - med) }.sorted(), 0.5)
        cv = mean > 0 ? stdev / mean : 0
        let (lo, hi) = Self.medianInterval(count: s.count)
        medianLower95 = s[lo]
        medianUpper95 = s[hi]
    }

    /// Linear interpolation between order statistics (NumPy's default, Hyndman–Fan type 7).
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// 0-based order-statistic indices (j, k) with P(X(j) ≤ median ≤ X(k)) ≥ 95%, widest for tiny n.
    public static func medianInterval(count n: Int) -> (Int, Int) {
        guard n > 1 else { return (0, 0) }
        // Smallest symmetric band whose binomial(n, 1/2) mass is at least 0.95. Weights are taken relative to the
        // centre (so no term underflows before the band is found, for any n) and the band grows one term a side.
        var w = [Double](repeating: 0, count: n + 1)
        w[n / 2] = 1
        for i in stride(from: n / 2, to: 0, by: -1) { w[i - 1] = w[i] * Double(i) / Double(n - i + 1) }
        for i in (n / 2)..<n { w[i + 1] = w[i] * Double(n - i) / Double(i + 1) }
        let total = w.reduce(0, +)
        var mass = 0.0
        for j in stride(from: n / 2, through: 0, by: -1) {
            let k = n - 1 - j
            guard j < k else { continue }
            mass = mass == 0 ? w[(j + 1)...k].reduce(0, +) : mass + w[j + 1] + w[k]
            if mass >= 0.95 * total { return (j, k) }
        }
        return (0, n - 1)
    }
}
