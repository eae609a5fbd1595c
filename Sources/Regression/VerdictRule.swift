import Foundation
import PortbenchSchema

/// The decision: a significant change of at least the minimum effect is a regression or an improvement; a change
/// inside the minimum effect, or a non-significant one at a power that would have found it, is unchanged; the rest
/// is inconclusive.
public struct VerdictRule: Equatable, Sendable {
    public var minimumEffect: Double
    public var alpha: Double
    public var power: Double
    /// How the measured decisions of one comparison are corrected for their number.
    public var correction: MultipleComparisons

    public init(
        minimumEffect: Double = Regression.defaultMinimumEffect, alpha: Double = 0.01, power: Double = 0.8,
        correction: MultipleComparisons = .holm
    ) {
        self.minimumEffect = minimumEffect
        self.alpha = alpha
        self.power = power
        self.correction = correction
    }

    /// What a corrected decision uses: the adjusted p-value (the larger of the rule's and Mann-Whitney's, adjusted)
    /// and the number of decisions, whose Bonferroni level α ÷ n is what "would have been found" is judged at.
    public struct Family: Equatable, Sendable {
        public var adjustedP: Double
        public var size: Int

        public init(adjustedP: Double, size: Int) {
            self.adjustedP = adjustedP
            self.size = size
        }
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

    /// The verdict on one estimate; with a `family`, significance is the adjusted p-value's and detectability is
    /// judged at α ÷ the family's size.
    public func decide(_ e: LogRatioEstimate, direction: MetricDirection, family: Family? = nil) -> Decision {
        let bad = direction == .lowerIsBetter ? e.logRatio : -e.logRatio
        let threshold = log1p(minimumEffect)
        let p = family?.adjustedP ?? e.pValue
        let (lower, upper) = e.ratioInterval(alpha: alpha)
        let significant = family.map { $0.adjustedP < alpha } ?? (p < alpha && (e.mannWhitneyP ?? 0) < alpha)
        let level = family.map { alpha / Double(max($0.size, 1)) } ?? alpha
        let verdict: Verdict
        let why: String
        if significant && abs(bad) >= threshold {
            verdict = bad > 0 ? .regression : .improvement
            why =
                "\(pName(family)) \(Self.p(p)) < \(alpha)\(mwText(e, family)) and \(Self.pct(expm1(bad))) beyond \(Self.pct(minimumEffect))"
        } else if significant {
            verdict = .unchanged
            why =
                "significant (\(pName(family)) \(Self.p(p))) but \(Self.pct(expm1(bad))) is inside \(Self.pct(minimumEffect))"
        } else if abs(bad) < threshold && detectable(e, threshold, level: level) {
            verdict = .unchanged
            why =
                "not significant (\(pName(family)) \(Self.p(p))); \(Self.pct(minimumEffect)) would have been found "
                + "at power \(power)"
        } else {
            verdict = .inconclusive
            why = "not significant (\(pName(family)) \(Self.p(p))) and too noisy to rule out \(Self.pct(minimumEffect))"
        }
        return Decision(
            verdict: verdict, reason: why, ratioLower: lower, ratioUpper: upper, pValue: p, effect: expm1(bad))
    }

    /// Whether a true change of the minimum effect would have been significant at `level` with probability `power`.
    func detectable(_ e: LogRatioEstimate, _ threshold: Double, level: Double) -> Bool {
        let needed = e.critical(alpha: level) + Distributions.studentTQuantile(power, df: e.degreesOfFreedom)
        return e.standardError * needed <= threshold
    }

    private func pName(_ family: Family?) -> String {
        family == nil ? "p" : "Holm p"
    }

    private func mwText(_ e: LogRatioEstimate, _ family: Family?) -> String {
        guard family == nil else { return "" }
        return e.mannWhitneyP.map { " (Mann-Whitney p \(Self.p($0)))" } ?? ""
    }

    static func p(_ v: Double) -> String { v < 1e-4 ? String(format: "%.1e", v) : String(format: "%.4f", v) }
    static func pct(_ v: Double) -> String {
        String(format: "%+.1f%%", v * 100).replacingOccurrences(of: "+-", with: "-")
    }
}
