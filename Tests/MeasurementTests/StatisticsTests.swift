@testable import Measurement
import XCTest

/// Summary statistics against NumPy (np.percentile default, np.std ddof=1) and the binomial median interval.
final class StatisticsTests: XCTestCase {
    func testAgainstNumPyValues() {
        let s = SampleStatistics([3, 1, 4, 1, 5, 9, 2, 6, 5])
        XCTAssertEqual(s.median, 4)
        XCTAssertEqual(s.mean, 4)
        XCTAssertEqual(s.stdev, 2.598076211353316, accuracy: 1e-12)
        XCTAssertEqual([s.p10, s.q1, s.q3], [1, 2, 5])
        XCTAssertEqual(s.p90, 6.6, accuracy: 1e-12)
        XCTAssertEqual(s.iqr, 3)
        XCTAssertEqual(s.mad, 2)
        XCTAssertEqual(s.cv, 2.598076211353316 / 4, accuracy: 1e-12)
        XCTAssertEqual([s.min, s.max], [1, 9])
        // n = 9: P(X(2) ≤ median ≤ X(8)) = 1 − 20/512 = 0.961 ≥ 0.95, the next narrower band only 0.820.
        XCTAssertEqual([s.medianLower95, s.medianUpper95], [1, 6])
    }

    func testMedianIntervalIndices() {
        XCTAssertEqual(SampleStatistics.medianInterval(count: 9).0, 1)
        XCTAssertEqual(SampleStatistics.medianInterval(count: 9).1, 7)
        // n = 5 cannot reach 95% with a proper sub-band: the full range is reported.
        XCTAssertTrue(SampleStatistics.medianInterval(count: 5) == (0, 4))
        // n = 20: (X(6), X(15)) covers 95.9% (1-based), 0-based (5, 14).
        XCTAssertTrue(SampleStatistics.medianInterval(count: 20) == (5, 14))
        XCTAssertTrue(SampleStatistics.medianInterval(count: 1) == (0, 0))
    }

    func testSingleSampleHasZeroSpread() {
        let s = SampleStatistics([2.5])
        XCTAssertEqual([s.median, s.stdev, s.iqr, s.cv], [2.5, 0, 0, 0])
    }

    func testMetricTableIsComplete() {
        let keys = Metric.allCases.map(\.descriptor.key)
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssertTrue(Metric.allCases.allSatisfy { $0.descriptor.provenance == .measured }, "the CPU reference reports measured numbers only")
        XCTAssertEqual(Metric.medianSeconds.descriptor.direction, .lowerIsBetter)
        XCTAssertEqual(Metric.tokensPerSecond.descriptor.direction, .higherIsBetter)
    }
}
