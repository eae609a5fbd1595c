import Foundation
import PortbenchSchema
import XCTest

@testable import Regression

/// The rule at its defaults against noise measured on this kind of machine (`ci/measure-noise.sh`, fixtures
/// `aa-rounds-<machine kind>.json`): interleaved rounds must give at most 1% false regressions on A/A and find a 5%
/// slowdown at least 95% of the time, at the number of rounds `ab` runs by default.
final class DecisionRulePowerTests: XCTestCase {
    static let trials = 2000
    let rule = VerdictRule()

    func rates(_ noise: FittedNoise, rounds: Int, effect: Double, seed: UInt64) -> Double {
        var g = SplitMix64(seed: seed)
        var hits = 0
        for _ in 0..<Self.trials {
            let r = (0..<rounds).map { _ in noise.round(effect: effect, &g) }
            let e = Estimators.interleaved(rounds: r)
            if rule.decide(e, direction: .lowerIsBetter).verdict == .regression { hits += 1 }
        }
        return Double(hits) / Double(Self.trials)
    }

    func testInterleavedRoundsAtTheDefaultCount() throws {
        let experiments = try MeasuredRounds.all()
        guard !experiments.isEmpty else { throw XCTSkip("no measured A/A fixture committed") }
        let rounds = Regression.defaultInterleavedRounds
        for (file, measured) in experiments {
            let fitted = measured.cases.compactMap(FittedNoise.init)
            XCTAssertFalse(fitted.isEmpty, file)
            for (i, noise) in fitted.enumerated() {
                let fp = rates(noise, rounds: rounds, effect: 0, seed: UInt64(1000 + i))
                let power = rates(noise, rounds: rounds, effect: 0.05, seed: UInt64(2000 + i))
                let line = String(
                    format:
                        "%@ %@: round sd %.2f%%, run sd %.2f%%; %d rounds: false positives %.2f%%, detects 5%% in %.1f%%",
                    file, noise.name, noise.roundSd * 100, noise.runSd * 100, rounds, fp * 100, power * 100)
                print(line)
                XCTAssertLessThanOrEqual(fp, 0.01, line)
                XCTAssertGreaterThanOrEqual(power, 0.95, line)
            }
        }
    }

    /// How many rounds each measured case needs for 95% detection of 5% (printed: the figure the docs state).
    func testRoundsNeeded() throws {
        let experiments = try MeasuredRounds.all()
        guard !experiments.isEmpty else { throw XCTSkip("no measured A/A fixture committed") }
        for (file, measured) in experiments {
            for (i, noise) in measured.cases.compactMap(FittedNoise.init).enumerated() {
                let needed = (3...40).first { rates(noise, rounds: $0, effect: 0.05, seed: UInt64(3000 + i)) >= 0.95 }
                print("\(file) \(noise.name): \(needed.map(String.init) ?? "more than 40") rounds for 95% detection")
                XCTAssertLessThanOrEqual(needed ?? 41, Regression.defaultInterleavedRounds, noise.name)
            }
        }
    }
}
