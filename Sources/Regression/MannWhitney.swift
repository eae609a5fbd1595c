import Foundation

/// The outcome of a two-sided Mann–Whitney U test, as SciPy's `mannwhitneyu` reports it.
public struct MannWhitneyResult: Equatable, Sendable {
    /// U statistic of the first sample (SciPy's `statistic`): pairs (x, y) with x > y, ties counting one half.
    public var u: Double
    /// Two-sided p-value.
    public var pValue: Double
    /// How the p-value was computed.
    public var method: MannWhitneyMethod

    public init(u: Double, pValue: Double, method: MannWhitneyMethod) {
        self.u = u
        self.pValue = pValue
        self.method = method
    }
}

/// Exact null distribution of U, or the normal approximation with tie and continuity corrections.
public enum MannWhitneyMethod: String, Sendable {
    case exact, asymptotic
}

/// Two-sided Mann–Whitney U test matching SciPy ≥ 1.11 `mannwhitneyu(x, y, alternative='two-sided', method='auto')`.
public enum MannWhitney {
    /// SciPy's `auto` rule: exact when some sample has at most 8 values and nothing is tied, otherwise asymptotic.
    /// An empty side gives U = 0 and p = 1 (SciPy raises); a NaN anywhere gives NaN U and p (SciPy's `propagate`).
    /// O(n log n) time; the exact branch also needs O(n1 · n2) memory with min(n1, n2) ≤ 8.
    public static func test(_ x: [Double], _ y: [Double]) -> MannWhitneyResult {
        if x.isEmpty || y.isEmpty { return MannWhitneyResult(u: 0, pValue: 1, method: .exact) }
        if x.contains(where: \.isNaN) || y.contains(where: \.isNaN) {
            return MannWhitneyResult(u: .nan, pValue: .nan, method: .asymptotic)
        }
        let ranks = TieRanks(x, y)
        let n1 = Double(x.count), n2 = Double(y.count)
        let u1 = ranks.firstRankSum - n1 * (n1 + 1) / 2
        let uMax = max(u1, n1 * n2 - u1)
        if (x.count > 8 && y.count > 8) || ranks.hasTies {
            return MannWhitneyResult(u: u1, pValue: asymptoticP(uMax, n1, n2, ranks.tieTerm), method: .asymptotic)
        }
        let p = MannWhitneyExact(x.count, y.count).twoSidedP(uMax: Int(uMax))
        return MannWhitneyResult(u: u1, pValue: p, method: .exact)
    }

    /// Normal approximation: z from the larger U, less one half (continuity), over the tie-corrected spread.
    static func asymptoticP(_ uMax: Double, _ n1: Double, _ n2: Double, _ tieTerm: Double) -> Double {
        let n = n1 + n2
        let s = (n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
        let z = (uMax - n1 * n2 / 2 - 0.5) / s
        return min(max(2 * NormalDistribution.cdf(-z), 0), 1)
    }
}
