import Foundation
import PortbenchSchema
import Regression
import XCTest

final class BootstrapTests: XCTestCase {
    /// n lognormal samples with median `median` and log-spread sigma.
    private func lognormal(_ n: Int, median: Double, sigma: Double, _ rng: inout SplitMix64) -> [Double] {
        (0..<n).map { _ in median * exp(sigma * rng.normalPair().0) }
    }

    /// 500 seeded trials of 101 lognormal timings per side: the 95% interval covers the true ratio 93–97% of the time.
    /// (Percentile intervals of a ratio of medians over-cover with few samples: about 97% at 21–41 per side.)
    func testRatioOfMediansCoverage() {
        var rng = SplitMix64(seed: 2024)
        var covered = 0
        for trial in 0..<500 {
            let a = lognormal(101, median: 100, sigma: 0.1, &rng)
            let b = lognormal(101, median: 107, sigma: 0.1, &rng)
            let ci = Bootstrap.ratioOfMedians(a, b, confidence: 0.95, resamples: 400, seed: UInt64(trial))
            XCTAssertLessThanOrEqual(ci.lower, ci.estimate)
            XCTAssertLessThanOrEqual(ci.estimate, ci.upper)
            if ci.lower <= 1.07 && 1.07 <= ci.upper { covered += 1 }
        }
        XCTAssert((465...485).contains(covered), "covered \(covered) of 500")
    }

    /// Interleaved rounds: d = log(b/a) per round; over 101 rounds the interval of exp(median d) covers the true ratio
    /// 93–97% of the time. (With 21–41 rounds a one-sample median bootstrap under-covers: about 92–93%.)
    func testPairedLogRatioCoverage() {
        var rng = SplitMix64(seed: 99)
        var covered = 0
        for trial in 0..<500 {
            let d = (0..<101).map { _ in log(0.97) + 0.05 * rng.normalPair().0 }
            let ci = Bootstrap.median(ofPairedLogRatios: d, confidence: 0.95, resamples: 400, seed: UInt64(trial))
            if ci.lower <= 0.97 && 0.97 <= ci.upper { covered += 1 }
        }
        XCTAssert((465...485).contains(covered), "covered \(covered) of 500")
    }

    func testSameSeedSameInterval() {
        var rng = SplitMix64(seed: 5)
        let a = lognormal(30, median: 10, sigma: 0.2, &rng), b = lognormal(25, median: 11, sigma: 0.2, &rng)
        let first = Bootstrap.ratioOfMedians(a, b, confidence: 0.9, resamples: 500, seed: 42)
        XCTAssertEqual(first, Bootstrap.ratioOfMedians(a, b, confidence: 0.9, resamples: 500, seed: 42))
        XCTAssertNotEqual(first, Bootstrap.ratioOfMedians(a, b, confidence: 0.9, resamples: 500, seed: 43))
        XCTAssertEqual(first.estimate, SampleStatistics(b).median / SampleStatistics(a).median)
        XCTAssertEqual(first.confidence, 0.9)
        XCTAssertEqual(first.resamples, 500)
        let d = zip(a, b).map { log($1 / $0) }
        XCTAssertEqual(
            Bootstrap.median(ofPairedLogRatios: d, confidence: 0.9, resamples: 300, seed: 1),
            Bootstrap.median(ofPairedLogRatios: d, confidence: 0.9, resamples: 300, seed: 1))
    }

    func testSingleSamplesAndEqualValuesGiveAPointInterval() {
        let one = Bootstrap.ratioOfMedians([2], [3], confidence: 0.95, resamples: 100, seed: 1)
        XCTAssertEqual(one, BootstrapInterval(estimate: 1.5, lower: 1.5, upper: 1.5, confidence: 0.95, resamples: 100))
        let flat = Bootstrap.ratioOfMedians([4, 4, 4], [5, 5], confidence: 0.95, resamples: 100, seed: 1)
        XCTAssertEqual(flat.lower, 1.25)
        XCTAssertEqual(flat.upper, 1.25)
        let paired = Bootstrap.median(ofPairedLogRatios: [log(1.1)], confidence: 0.95, resamples: 50, seed: 3)
        XCTAssertEqual(paired.estimate, 1.1, accuracy: 1e-15)
        XCTAssertEqual(paired.lower, paired.upper)
    }

    func testEmptyOrNaNInputsGiveNaN() {
        for ci in [
            Bootstrap.ratioOfMedians([], [1], confidence: 0.95, resamples: 10, seed: 1),
            Bootstrap.ratioOfMedians([1], [], confidence: 0.95, resamples: 10, seed: 1),
            Bootstrap.ratioOfMedians([1, .nan], [1], confidence: 0.95, resamples: 10, seed: 1),
            Bootstrap.median(ofPairedLogRatios: [], confidence: 0.95, resamples: 10, seed: 1),
        ] {
            XCTAssertTrue(ci.estimate.isNaN && ci.lower.isNaN && ci.upper.isNaN)
            XCTAssertEqual(ci.resamples, 10)
        }
    }

    func testNoResamplesOrOutOfRangeConfidence() {
        let none = Bootstrap.ratioOfMedians([1, 2, 3], [2, 4, 6], confidence: 0.95, resamples: 0, seed: 1)
        XCTAssertEqual(none, BootstrapInterval(estimate: 2, lower: 2, upper: 2, confidence: 0.95, resamples: 0))
        let wide = Bootstrap.ratioOfMedians([1, 2, 3], [2, 4, 6], confidence: 7, resamples: 200, seed: 1)
        XCTAssertEqual(wide.confidence, 1)
        XCTAssertEqual(wide.lower, 2.0 / 3.0, accuracy: 1e-15)  // the extreme resamples: min(b)/max(a) and max/min
        XCTAssertEqual(wide.upper, 6.0, accuracy: 1e-15)
    }
}
