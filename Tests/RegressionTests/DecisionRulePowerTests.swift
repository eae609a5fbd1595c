import Foundation
import PortbenchSchema
import XCTest

@testable import Regression

/// The rule at its defaults against noise measured on this kind of machine, through a generator fitted to it
/// (`FittedNoise`: round drift, per-run offset, within-run residuals). Timings: `ci/measure-noise.sh` →
/// `aa-rounds-<machine kind>.json`; instruction counts: `callgrind-runs-<machine kind>.json` (see Fixtures/README.md).
final class DecisionRulePowerTests: XCTestCase {
    let rule = VerdictRule()

    func regressionRate(_ noise: FittedNoise, rounds: Int, effect: Double, trials: Int, seed: UInt64) -> Double {
        var g = SplitMix64(seed: seed)
        var hits = 0
        for _ in 0..<trials {
            let r = (0..<rounds).map { _ in noise.round(effect: effect, &g) }
            if rule.decide(Estimators.interleaved(rounds: r), direction: .lowerIsBetter).verdict == .regression {
                hits += 1
            }
        }
        return Double(hits) / Double(trials)
    }

    /// Rounds for 95% detection of 5% at the default rule, from the normal approximation: the estimate must clear
    /// both the 99% critical value and the 3% minimum effect with 95% probability.
    func roundsNeeded(_ noise: FittedNoise) -> Int {
        let target = log(1.05), z95 = Distributions.normalQuantile(0.95), z99 = Distributions.normalQuantile(0.995)
        let se = Swift.min(target / (z99 + z95), (target - log1p(rule.minimumEffect)) / z95)
        let within = pow(1.2533 * FittedNoise.variance(noise.residuals).squareRoot(), 2) / Double(noise.samplesPerRun)
        let pairVariance = 2 * (noise.runSd * noise.runSd + within)
        // 20% more than the approximation: the residuals' tails are heavier than normal.
        return Swift.max(3, Int((1.2 * pairVariance / (se * se)).rounded(.up)))
    }

    /// Interleaved timings: at most 1% false regressions at the default rounds; the rounds a 5% slowdown needs are
    /// stated (printed), and checked by simulation at that count.
    func testInterleavedTimings() throws {
        let experiments = try MeasuredRounds.all("aa-rounds-")
        XCTAssertFalse(experiments.isEmpty, "the measured A/A fixture is committed")
        let rounds = Regression.defaultInterleavedRounds
        for (file, measured) in experiments {
            for (i, noise) in measured.cases.compactMap(FittedNoise.init).enumerated() {
                let fp = regressionRate(noise, rounds: rounds, effect: 0, trials: 4000, seed: UInt64(1000 + i))
                let needed = roundsNeeded(noise)
                let power = regressionRate(noise, rounds: needed, effect: 0.05, trials: 600, seed: UInt64(2000 + i))
                let line = String(
                    format: "%@ %@: run sd %.1f%%, round sd %.1f%%; %d rounds: %.2f%% false regressions; "
                        + "5%% found in %.1f%% at %d rounds",
                    file, noise.name, noise.runSd * 100, noise.roundSd * 100, rounds, fp * 100, power * 100, needed)
                print(line)
                XCTAssertLessThanOrEqual(fp, 0.01, line)
                // 600 trials: 95% detection shows as at least 94% (one binomial standard error below).
                XCTAssertGreaterThanOrEqual(power, 0.94, line)
            }
        }
    }

    /// Callgrind counts: at the default rounds (and at the minimum, 3) both goals hold.
    func testCallgrindCounts() throws {
        let experiments = try MeasuredRounds.all("callgrind-runs-")
        XCTAssertFalse(experiments.isEmpty, "the measured callgrind fixture is committed")
        for (file, measured) in experiments {
            for (i, noise) in measured.cases.compactMap(FittedNoise.init).enumerated() {
                for rounds in [3, Regression.defaultInterleavedRounds] {
                    let fp = regressionRate(noise, rounds: rounds, effect: 0, trials: 2000, seed: UInt64(3000 + i))
                    let power = regressionRate(
                        noise, rounds: rounds, effect: 0.05, trials: 2000, seed: UInt64(4000 + i))
                    let line = String(
                        format: "%@ %@: run sd %.4f%%; %d rounds: %.2f%% false regressions, 5%% found in %.1f%%",
                        file, noise.name, noise.runSd * 100, rounds, fp * 100, power * 100)
                    print(line)
                    XCTAssertLessThanOrEqual(fp, 0.01, line)
                    XCTAssertGreaterThanOrEqual(power, 0.95, line)
                }
            }
        }
    }
}
