import PortbenchSchema
import Workload
import XCTest

@testable import Measurement

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

    /// The interval is the same as the direct binomial sum wherever that sum does not underflow (n ≤ 1074), and
    /// stays a proper band beyond it (adaptive runs may take up to 10,000 samples).
    func testMedianIntervalMatchesTheBinomialSumAndHoldsForLargeCounts() {
        func direct(_ n: Int) -> (Int, Int) {
            var pmf = [Double](repeating: 0, count: n + 1)
            pmf[0] = pow(0.5, Double(n))
            for i in 1...n { pmf[i] = pmf[i - 1] * Double(n - i + 1) / Double(i) }
            for j in stride(from: n / 2, through: 0, by: -1) {
                let k = n - 1 - j
                guard j < k else { continue }
                if pmf[(j + 1)...k].reduce(0, +) >= 0.95 { return (j, k) }
            }
            return (0, n - 1)
        }
        for n in 2...1000 { XCTAssertTrue(SampleStatistics.medianInterval(count: n) == direct(n), "n = \(n)") }
        for n in [1075, 2000, 10_000] {
            let (j, k) = SampleStatistics.medianInterval(count: n)
            // Normal approximation: n/2 ± 1.96 √n / 2.
            XCTAssertEqual(Double(k - j), 1.96 * Double(n).squareRoot(), accuracy: 3, "n = \(n)")
        }
    }

    func testSingleSampleHasZeroSpread() {
        let s = SampleStatistics([2.5])
        XCTAssertEqual([s.median, s.stdev, s.iqr, s.cv], [2.5, 0, 0, 0])
    }

    func testMetricTableIsComplete() {
        let keys = Metric.allCases.map(\.descriptor.key)
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssertTrue(
            Metric.allCases.allSatisfy { $0.descriptor.provenance == .measured },
            "the CPU reference reports measured numbers only")
        XCTAssertEqual(Metric.medianSeconds.descriptor.direction, .lowerIsBetter)
        XCTAssertEqual(Metric.tokensPerSecond.descriptor.direction, .higherIsBetter)
    }
}

final class MeasuredMigrationTests: XCTestCase {
    func testRecompilationCostUsesMeasuredCompileTimes() {
        let lengths = [
            WeightedLength(length: 96, weight: 1), WeightedLength(length: 300, weight: 2),
            WeightedLength(length: 512, weight: 1),
        ]
        XCTAssertEqual(MeasuredMigration.shapesToMeasure(lengths), [96, 128, 300, 512])
        let shapes: [Int: MeasuredShape] = [
            96: MeasuredShape(length: 96, xlaCompileSeconds: 1, xlaMedianSeconds: 0.1, referenceMedianSeconds: 0),
            128: MeasuredShape(length: 128, xlaCompileSeconds: 2, xlaMedianSeconds: 0.2, referenceMedianSeconds: 0),
            300: MeasuredShape(length: 300, xlaCompileSeconds: 3, xlaMedianSeconds: 0.3, referenceMedianSeconds: 0),
            512: MeasuredShape(length: 512, xlaCompileSeconds: 5, xlaMedianSeconds: 0.5, referenceMedianSeconds: 0),
        ]
        let exact = MeasuredMigration.recompilation(lengths: lengths, bucketing: false, shapes: shapes)
        XCTAssertEqual(exact.shapes, [96, 300, 512])
        XCTAssertEqual(exact.recompilationsPer1000, 3, accuracy: 1e-9)
        XCTAssertEqual(exact.compileSecondsPer1000, 9, accuracy: 1e-9)
        XCTAssertEqual(exact.meanRunSeconds, 0.25 * 0.1 + 0.5 * 0.3 + 0.25 * 0.5, accuracy: 1e-12)
        let bucketed = MeasuredMigration.recompilation(lengths: lengths, bucketing: true, shapes: shapes)
        XCTAssertEqual(bucketed.shapes, [128, 512])
        XCTAssertEqual(bucketed.compileSecondsPer1000, 7, accuracy: 1e-9)
        XCTAssertEqual(bucketed.meanRunSeconds, 0.25 * 0.2 + 0.75 * 0.5, accuracy: 1e-12)
        // With 2 requests a rare shape is not always met: expected first sightings, not a count of shapes.
        let few = MeasuredMigration.recompilation(lengths: lengths, bucketing: false, shapes: shapes, requests: 2)
        XCTAssertEqual(
            few.recompilationsPer1000, 1000.0 / 2 * ((1 - 0.75 * 0.75) * 2 + (1 - 0.5 * 0.5)), accuracy: 1e-6)
    }
}
