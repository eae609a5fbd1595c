import Foundation
import PortbenchSchema

/// log(candidate ÷ baseline) of a metric's typical value, its standard error and the t degrees of freedom
/// (infinite: normal) the rule tests it with.
public struct LogRatioEstimate: Equatable, Sendable {
    public var logRatio: Double
    public var standardError: Double
    public var degreesOfFreedom: Double
    public var baselineUnits: Int
    public var candidateUnits: Int
    /// Mann-Whitney U on the raw samples of one run per side, when the mode has them.
    public var mannWhitneyP: Double?

    public init(
        logRatio: Double, standardError: Double, degreesOfFreedom: Double, baselineUnits: Int, candidateUnits: Int,
        mannWhitneyP: Double? = nil
    ) {
        self.logRatio = logRatio
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.baselineUnits = baselineUnits
        self.candidateUnits = candidateUnits
        self.mannWhitneyP = mannWhitneyP
    }

    /// Two-sided p-value of "no change"; a zero standard error means the figures are exact.
    public var pValue: Double {
        if standardError == 0 { return logRatio == 0 ? 1 : 0 }
        return Distributions.twoSidedP(logRatio / standardError, df: degreesOfFreedom)
    }

    /// The t (or normal) quantile for a two-sided interval at 1 − alpha.
    public func critical(alpha: Double) -> Double {
        Distributions.studentTQuantile(1 - alpha / 2, df: degreesOfFreedom)
    }

    /// The interval of the ratio at 1 − alpha.
    public func ratioInterval(alpha: Double) -> (lower: Double, upper: Double) {
        let half = critical(alpha: alpha) * standardError
        return (exp(logRatio - half), exp(logRatio + half))
    }
}

/// The three ways samples become an estimate: separate runs with a noise profile, runs as units, paired rounds.
public enum Estimators {
    /// One run per side: within-run standard errors of each log median plus twice the between-run variance.
    public static func separateRuns(
        baseline: [Double], candidate: [Double], betweenRunLogSd: Double
    ) -> LogRatioEstimate {
        let within = square(logMedianStandardError(baseline)) + square(logMedianStandardError(candidate))
        return LogRatioEstimate(
            logRatio: log(median(candidate) / median(baseline)),
            standardError: (within + 2 * square(betweenRunLogSd)).squareRoot(), degreesOfFreedom: .infinity,
            baselineUnits: baseline.count, candidateUnits: candidate.count,
            mannWhitneyP: MannWhitney.test(baseline, candidate).pValue)
    }

    /// Each run's median is one unit: a pooled-variance t on log medians (at least three runs in all), never below
    /// `varianceFloor` (a noise profile's between-run variance, when there is one).
    public static func runsAsUnits(
        baseline: [[Double]], candidate: [[Double]], varianceFloor: Double = 0
    ) -> LogRatioEstimate {
        let a = baseline.map { log(median($0)) }, b = candidate.map { log(median($0)) }
        let df = Double(a.count + b.count - 2)
        let pooled = df > 0 ? (sumOfSquares(a) + sumOfSquares(b)) / df : 0
        let variance = Swift.max(pooled, varianceFloor)
        return LogRatioEstimate(
            logRatio: mean(b) - mean(a),
            standardError: (variance * (1 / Double(a.count) + 1 / Double(b.count))).squareRoot(),
            degreesOfFreedom: Swift.max(df, 1), baselineUnits: a.count, candidateUnits: b.count)
    }

    /// Interleaved rounds: each round's log ratio is a unit (drift shared by the round cancels); a paired t.
    public static func interleaved(rounds: [(baseline: [Double], candidate: [Double])]) -> LogRatioEstimate {
        let d = rounds.map { log(median($0.candidate) / median($0.baseline)) }
        let n = Double(d.count)
        let sd = d.count > 1 ? (sumOfSquares(d) / (n - 1)).squareRoot() : .infinity
        return LogRatioEstimate(
            logRatio: mean(d), standardError: sd / n.squareRoot(), degreesOfFreedom: Swift.max(n - 1, 1),
            baselineUnits: d.count, candidateUnits: d.count)
    }

    /// Standard error of log(median) from the distribution-free 95% interval of the median (order statistics).
    public static func logMedianStandardError(_ samples: [Double]) -> Double {
        guard samples.count > 1 else { return 0 }
        let s = samples.sorted()
        let (lo, hi) = SampleStatistics.medianInterval(count: s.count)
        return (log(s[hi]) - log(s[lo])) / (2 * Distributions.normalQuantile(0.975))
    }

    public static func median(_ x: [Double]) -> Double { Median.of(x) }

    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    static func sumOfSquares(_ x: [Double]) -> Double {
        let m = mean(x)
        return x.reduce(0) { $0 + square($1 - m) }
    }

    static func square(_ x: Double) -> Double { x * x }
}
