import Foundation
import PortbenchSchema

/// The decision: a significant change of at least the minimum effect is a regression or an improvement; a change
/// inside the minimum effect, or a non-significant one at a power that would have found it, is unchanged; the rest
/// is inconclusive.
public struct VerdictRule: Equatable, Sendable {
    public var minimumEffect: Double
    public var alpha: Double
    public var power: Double

    public init(minimumEffect: Double = Regression.defaultMinimumEffect, alpha: Double = 0.01, power: Double = 0.8) {
        self.minimumEffect = minimumEffect
        self.alpha = alpha
        self.power = power
    }

    /// What the rule decided and why, with the interval and p-value it used.
    public struct Decision: Equatable, Sendable {
        public var verdict: Verdict
        public var reason: String
        public var ratioLower: Double
        public var ratioUpper: Double
        public var pValue: Double
        /// Relative change in the bad direction (+0.05: 5% worse).
        public var effect: Double
    }

    public func decide(_ e: LogRatioEstimate, direction: MetricDirection) -> Decision {
        let bad = direction == .lowerIsBetter ? e.logRatio : -e.logRatio
        let threshold = log1p(minimumEffect)
        let p = e.pValue
        let (lower, upper) = e.ratioInterval(alpha: alpha)
        let significant = p < alpha && (e.mannWhitneyP ?? 0) < alpha
        let verdict: Verdict
        let why: String
        if significant && abs(bad) >= threshold {
            verdict = bad > 0 ? .regression : .improvement
            why = "p \(Self.p(p)) < \(alpha)\(mwText(e)) and \(Self.pct(expm1(bad))) beyond \(Self.pct(minimumEffect))"
        } else if significant {
            verdict = .unchanged
            why = "significant (p \(Self.p(p))) but \(Self.pct(expm1(bad))) is inside \(Self.pct(minimumEffect))"
        } else if abs(bad) < threshold && detectable(e, threshold) {
            verdict = .unchanged
            why = "not significant (p \(Self.p(p))); \(Self.pct(minimumEffect)) would have been found at power \(power)"
        } else {
            verdict = .inconclusive
            why = "not significant (p \(Self.p(p))) and too noisy to rule out \(Self.pct(minimumEffect))"
        }
        return Decision(
            verdict: verdict, reason: why, ratioLower: lower, ratioUpper: upper, pValue: p, effect: expm1(bad))
    }

    /// Whether a true change of the minimum effect would have been significant with probability `power`.
    func detectable(_ e: LogRatioEstimate, _ threshold: Double) -> Bool {
        let needed = e.critical(alpha: alpha) + Distributions.studentTQuantile(power, df: e.degreesOfFreedom)
        return e.standardError * needed <= threshold
    }

    private func mwText(_ e: LogRatioEstimate) -> String {
        e.mannWhitneyP.map { " (Mann-Whitney p \(Self.p($0)))" } ?? ""
    }

    static func p(_ v: Double) -> String { v < 1e-4 ? String(format: "%.1e", v) : String(format: "%.4f", v) }
    static func pct(_ v: Double) -> String {
        String(format: "%+.1f%%", v * 100).replacingOccurrences(of: "+-", with: "-")
    }
}
