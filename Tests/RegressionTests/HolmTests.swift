import PortbenchSchema
import TestSupport
import XCTest

@testable import Regression

final class HolmTests: XCTestCase {
    /// Worked by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 is 0.02, 0.03, 0.06, 0.04; the running
    /// maximum makes the last 0.06; each goes back to its own place.
    func testAdjustmentMatchesTheHandWorkedExample() {
        let adjusted = Holm.adjust([0.01, 0.04, 0.03, 0.005])
        for (got, want) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
        XCTAssertEqual(Holm.adjust([]), [])
        XCTAssertEqual(Holm.adjust([0.2]), [0.2])
        XCTAssertEqual(Holm.adjust([0.5, 0.6, 0.001]), [1, 1, 0.003])
        XCTAssertEqual(Holm.adjust([0.01, 0.01]), [0.02, 0.02])
    }

    /// Twenty cases, one of them 4% slower with noisy samples: significant alone at 0.01, not after correcting for
    /// twenty decisions; a 40% slowdown with the same noise is a regression either way.
    func testOneReportsManyDecisionsAreCorrectedTogether() throws {
        func docs(_ slowdown: Double) -> (ResultDocument, ResultDocument) {
            let names = (0..<20).map { "w\($0)" }
            let a = names.enumerated().map { i, n in
                (n, SyntheticResults.samples(0.02, n: 9, spread: 0.02, seed: 1 + UInt64(i)))
            }
            let b = names.enumerated().map { i, n in
                (n, SyntheticResults.samples(0.02 * (i == 0 ? slowdown : 1), n: 9, spread: 0.02, seed: 101 + UInt64(i)))
            }
            return (SyntheticResults.result(a), SyntheticResults.result(b))
        }
        func compare(_ d: (ResultDocument, ResultDocument), _ correction: MultipleComparisons) throws -> CaseComparison
        {
            let doc = try Comparator.compare(
                baseline: ComparisonInput(label: "a", documents: [d.0]),
                candidate: ComparisonInput(label: "b", documents: [d.1]),
                options: ComparisonOptions(rule: VerdictRule(correction: correction)), created: "", tool: "test")
            XCTAssertEqual(doc.rule.family, 20)
            XCTAssertEqual(doc.rule.correction, correction)
            return try XCTUnwrap(doc.cases.first { $0.workload == "w0" && $0.metric == "median_s" })
        }
        let small = docs(1.04)
        let alone = try compare(small, .none)
        let p = max(try XCTUnwrap(alone.pValue), try XCTUnwrap(alone.mannWhitneyP))
        XCTAssertLessThan(p, 0.01, "the test's premise: significant on its own")
        XCTAssertGreaterThanOrEqual(20 * p, 0.01, "the test's premise: not after twenty")
        XCTAssertEqual(alone.verdict, .regression)
        XCTAssertNil(alone.adjustedP)
        let corrected = try compare(small, .holm)
        XCTAssertEqual(corrected.verdict, .inconclusive)
        XCTAssertEqual(try XCTUnwrap(corrected.adjustedP), min(1, 20 * p), accuracy: 1e-12)
        XCTAssertTrue(corrected.reason.contains("Holm p"), corrected.reason)
        XCTAssertEqual(try compare(docs(1.4), .holm).verdict, .regression)
    }
}
