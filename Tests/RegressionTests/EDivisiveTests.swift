import Foundation
import PortbenchSchema
import Regression
import XCTest

final class EDivisiveTests: XCTestCase {
    /// Piecewise-constant levels (each running to the next cut) times 1 ± noise Gaussian noise.
    private func series(_ n: Int, cuts: [Int], levels: [Double], noise: Double = 0.01, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { i in
            levels[cuts.filter { $0 <= i }.count] * (1 + noise * rng.normalPair().0)
        }
    }

    func testOneTenPercentStep() {
        let cps = EDivisive.changePoints(series(60, cuts: [30], levels: [100, 110], seed: 1))
        XCTAssertEqual(cps.map(\.index), [30])
        XCTAssertEqual(cps[0].meanBefore, 100, accuracy: 1)
        XCTAssertEqual(cps[0].meanAfter, 110, accuracy: 1)
        XCTAssertEqual(cps[0].shift, cps[0].meanAfter / cps[0].meanBefore - 1)
        XCTAssertEqual(cps[0].pValue, 1.0 / 200)  // no permutation of 199 reached it
    }

    func testTwoSteps() {
        let cps = EDivisive.changePoints(series(90, cuts: [30, 60], levels: [100, 110, 95], seed: 2))
        XCTAssertEqual(cps.map(\.index), [30, 60])
        XCTAssertEqual(cps[0].shift, 0.10, accuracy: 0.01)
        XCTAssertEqual(cps[1].shift, 95.0 / 110 - 1, accuracy: 0.01)
        XCTAssertEqual(cps[0].meanAfter, cps[1].meanBefore)
        XCTAssertTrue(cps.allSatisfy { $0.pValue <= 0.01 })
    }

    /// A step as close to either end as the minimum segment allows (3 by default, 1 as otava allows).
    func testStepsAtTheEdges() {
        XCTAssertEqual(EDivisive.changePoints(series(40, cuts: [3], levels: [100, 110], seed: 3)).map(\.index), [3])
        XCTAssertEqual(EDivisive.changePoints(series(40, cuts: [37], levels: [100, 90], seed: 4)).map(\.index), [37])
        let one = EDivisiveOptions(minimumSegment: 1)
        let early = series(40, cuts: [2], levels: [50, 100], seed: 5)
        XCTAssertEqual(EDivisive.changePoints(early, options: one).map(\.index), [2])
        XCTAssertEqual(EDivisive.changePoints(early).map(\.index), [3], "the nearest split the default minimum allows")
        // One point alone is an outlier, not a segment: a shuffle isolates it just as well wherever it lands.
        let lone = series(40, cuts: [1], levels: [50, 100], seed: 5)
        XCTAssertEqual(EDivisive.changePoints(lone, options: one), [])
    }

    /// A ramp has no single change point: E-divisive cuts it into rising steps; a minimum shift merges the small ones.
    func testRampIsCutIntoRisingSteps() {
        var rng = SplitMix64(seed: 6)
        let ramp = (0..<60).map { 100 + Double($0) / 6 + 0.3 * rng.normalPair().0 }
        let all = EDivisive.changePoints(ramp)
        XCTAssertGreaterThanOrEqual(all.count, 2)
        XCTAssertTrue(all.allSatisfy { $0.shift > 0 })
        let merged = EDivisive.changePoints(ramp, options: EDivisiveOptions(minimumShift: 0.03))
        XCTAssertLessThan(merged.count, all.count)
        XCTAssertTrue(merged.allSatisfy { abs($0.shift) >= 0.03 })
        XCTAssertTrue(Set(merged.map(\.index)).isSubset(of: all.map(\.index)))
    }

    /// 100 seeded series of 60 points of pure noise: at most 3 show any change point at p ≤ 0.01 (1% expected; 1 does).
    func testPureNoiseRarelySplits() {
        var flagged = 0
        for s in 0..<100 as Range<UInt64> {
            let noise = series(60, cuts: [], levels: [100], seed: 1000 + s)
            if !EDivisive.changePoints(noise, options: EDivisiveOptions(seed: s)).isEmpty { flagged += 1 }
        }
        XCTAssertLessThanOrEqual(flagged, 3, "\(flagged) of 100 noise series split")
    }

    func testMinimumShiftDropsSmallSignificantSteps() {
        let small = series(80, cuts: [40], levels: [100, 102], noise: 0.003, seed: 7)
        XCTAssertEqual(EDivisive.changePoints(small).map(\.index), [40])
        XCTAssertEqual(EDivisive.changePoints(small, options: EDivisiveOptions(minimumShift: 0.01)).map(\.index), [40])
        XCTAssertEqual(EDivisive.changePoints(small, options: EDivisiveOptions(minimumShift: 0.03)), [])
        // Of two steps only the large one stays, and its means now span the merged segments.
        let two = series(90, cuts: [30, 60], levels: [100, 101.5, 112], noise: 0.002, seed: 8)
        XCTAssertEqual(EDivisive.changePoints(two).map(\.index), [30, 60])
        let kept = EDivisive.changePoints(two, options: EDivisiveOptions(minimumShift: 0.03))
        XCTAssertEqual(kept.map(\.index), [60])
        XCTAssertEqual(kept[0].meanBefore, 100.75, accuracy: 0.2)
    }

    func testSameSeedSameAnswerAndSorted() {
        let x = series(120, cuts: [30, 60, 90], levels: [100, 105, 115, 103], seed: 9)
        let a = EDivisive.changePoints(x, options: EDivisiveOptions(seed: 77))
        XCTAssertEqual(a, EDivisive.changePoints(x, options: EDivisiveOptions(seed: 77)))
        XCTAssertEqual(a.map(\.index), [30, 60, 90])
        XCTAssertEqual(a.map(\.index), a.map(\.index).sorted())
    }

    func testDegenerateSeries() {
        XCTAssertEqual(EDivisive.changePoints([]), [])
        XCTAssertEqual(EDivisive.changePoints([1]), [])
        XCTAssertEqual(EDivisive.changePoints([1, 2, 3, 4, 5]), [], "shorter than two minimum segments")
        XCTAssertEqual(EDivisive.changePoints([Double](repeating: 4, count: 50)), [])
        var withNaN = series(60, cuts: [30], levels: [100, 110], seed: 10)
        XCTAssertEqual(EDivisive.changePoints(withNaN).count, 1)
        withNaN[5] = .nan
        XCTAssertEqual(EDivisive.changePoints(withNaN), [])
        withNaN[5] = .infinity
        XCTAssertEqual(EDivisive.changePoints(withNaN), [])
        let step = series(60, cuts: [30], levels: [100, 110], seed: 11)
        XCTAssertEqual(EDivisive.changePoints(step, options: EDivisiveOptions(permutations: 0)), [], "p is 1")
        XCTAssertEqual(EDivisive.changePoints(step, options: EDivisiveOptions(minimumSegment: 0)).map(\.index), [30])
    }

    /// A step from 0: the relative shift is infinite, and a zero-mean pair of segments has shift 0.
    func testShiftFromZeroMean() {
        let x = [Double](repeating: 0, count: 20) + [Double](repeating: 1, count: 20)
        let cps = EDivisive.changePoints(x)
        XCTAssertEqual(cps.map(\.index), [20])
        XCTAssertEqual(cps[0].shift, .infinity)
        XCTAssertEqual(EDivisive.changePoints(x, options: EDivisiveOptions(minimumShift: 1e300)).map(\.index), [20])
    }
}
