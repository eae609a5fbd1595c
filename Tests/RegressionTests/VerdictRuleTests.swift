import PortbenchSchema
import XCTest

@testable import Regression

final class VerdictRuleTests: XCTestCase {
    let rule = VerdictRule(minimumEffect: 0.03, alpha: 0.01, power: 0.8)

    func estimate(_ ratio: Double, se: Double, df: Double = .infinity, mw: Double? = nil) -> LogRatioEstimate {
        LogRatioEstimate(
            logRatio: log(ratio), standardError: se, degreesOfFreedom: df, baselineUnits: 10, candidateUnits: 10,
            mannWhitneyP: mw)
    }

    func testSignificantSlowdownBeyondTheEffectIsARegression() {
        let d = rule.decide(estimate(1.10, se: 0.01), direction: .lowerIsBetter)
        XCTAssertEqual(d.verdict, .regression)
        XCTAssertEqual(d.effect, 0.10, accuracy: 1e-12)
        XCTAssertLessThan(d.ratioLower, 1.10)
        XCTAssertGreaterThan(d.ratioUpper, 1.10)
        XCTAssertEqual(rule.decide(estimate(0.90, se: 0.01), direction: .lowerIsBetter).verdict, .improvement)
        // For throughput the same ratio is the other way round.
        XCTAssertEqual(rule.decide(estimate(1.10, se: 0.01), direction: .higherIsBetter).verdict, .improvement)
    }

    func testSignificantButSmallIsUnchanged() {
        let d = rule.decide(estimate(1.01, se: 0.001), direction: .lowerIsBetter)
        XCTAssertEqual(d.verdict, .unchanged)
        XCTAssertTrue(d.reason.contains("inside"), d.reason)
    }

    func testPoweredNonSignificantIsUnchangedAndUnderpoweredIsInconclusive() {
        // se 0.008: (2.576 + 0.842) * 0.008 = 0.027 < log(1.03) = 0.0296: a 3% change would have been found.
        XCTAssertEqual(rule.decide(estimate(1.005, se: 0.008), direction: .lowerIsBetter).verdict, .unchanged)
        XCTAssertEqual(rule.decide(estimate(1.005, se: 0.05), direction: .lowerIsBetter).verdict, .inconclusive)
        // Large but not significant: never unchanged.
        XCTAssertEqual(rule.decide(estimate(1.08, se: 0.05), direction: .lowerIsBetter).verdict, .inconclusive)
    }

    func testMannWhitneyMustAgree() {
        let d = rule.decide(estimate(1.10, se: 0.01, mw: 0.2), direction: .lowerIsBetter)
        XCTAssertEqual(d.verdict, .inconclusive)
    }

    func testExactFiguresWithZeroError() {
        XCTAssertEqual(rule.decide(estimate(1, se: 0), direction: .lowerIsBetter).verdict, .unchanged)
        XCTAssertEqual(rule.decide(estimate(1.2, se: 0), direction: .lowerIsBetter).verdict, .regression)
        XCTAssertEqual(rule.decide(estimate(1.00002, se: 0), direction: .lowerIsBetter).verdict, .unchanged)
    }

    func testEstimators() {
        let a: [Double] = (0..<21).map { 1.0 + Double($0 % 7) * 0.001 }
        let b = a.map { $0 * 1.2 }
        let sep = Estimators.separateRuns(baseline: a, candidate: b, betweenRunLogSd: 0.05)
        XCTAssertEqual(sep.logRatio, log(1.2), accuracy: 1e-12)
        XCTAssertGreaterThan(sep.standardError, 0.05 * 2.0.squareRoot())
        let runs = Estimators.runsAsUnits(baseline: [a, a.map { $0 * 1.02 }], candidate: [b, b.map { $0 * 0.98 }])
        XCTAssertEqual(runs.degreesOfFreedom, 2)
        XCTAssertEqual(runs.logRatio, log(1.2) + (log(0.98) - log(1.02)) / 2, accuracy: 1e-12)
        let rounds = Estimators.interleaved(rounds: [(a, b), (a.map { $0 * 1.5 }, b.map { $0 * 1.5 }), (a, b)])
        XCTAssertEqual(rounds.logRatio, log(1.2), accuracy: 1e-12)
        XCTAssertEqual(rounds.standardError, 0, accuracy: 1e-12, "drift shared by a round cancels")
    }
}
