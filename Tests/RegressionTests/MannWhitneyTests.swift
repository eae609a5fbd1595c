import Foundation
import PortbenchSchema
import Regression
import XCTest

/// Mann–Whitney U against SciPy's `mannwhitneyu` (Fixtures/mannwhitney.json, from ci/fixtures/mannwhitney.py).
final class MannWhitneyTests: XCTestCase {
    struct Case: Decodable {
        var name: String
        var x, y: [Double]
        var u, p: Double
        var method: String
    }

    struct Document: Decodable {
        var scipy: String
        var cases: [Case]
    }

    func testMatchesSciPyFixture() throws {
        let doc = try Fixture.load("mannwhitney.json", as: Document.self)
        XCTAssertGreaterThanOrEqual(doc.cases.count, 35)
        for c in doc.cases {
            let r = MannWhitney.test(c.x, c.y)
            XCTAssertEqual(r.u, c.u, "U of \(c.name)")
            XCTAssertEqual(r.method.rawValue, c.method, "method of \(c.name)")
            let tolerance = max(1e-9 * c.p, 1e-12)
            XCTAssertEqual(r.pValue, c.p, accuracy: tolerance, "p of \(c.name) (SciPy \(doc.scipy))")
        }
        XCTAssertTrue(doc.cases.contains { $0.method == "exact" } && doc.cases.contains { $0.method == "asymptotic" })
    }

    func testEmptySideGivesPOne() {
        XCTAssertEqual(MannWhitney.test([], [1, 2]), MannWhitneyResult(u: 0, pValue: 1, method: .exact))
        XCTAssertEqual(MannWhitney.test([1], []), MannWhitneyResult(u: 0, pValue: 1, method: .exact))
        XCTAssertEqual(MannWhitney.test([], []).pValue, 1)
    }

    func testNaNPropagates() {
        let r = MannWhitney.test([1, .nan, 3], [2, 4])
        XCTAssertTrue(r.u.isNaN && r.pValue.isNaN)
        XCTAssertEqual(r.method, .asymptotic)
    }

    func testInfinitiesRankAtTheEnds() {
        let r = MannWhitney.test([-.infinity, 1, 2], [3, 4, .infinity])
        XCTAssertEqual(r.u, 0)
        XCTAssertEqual(r.pValue, 0.1, accuracy: 1e-15)  // exact 3×3: 2 / C(6, 3)
    }

    /// SciPy's `auto` is exact whenever one side has at most 8 values: here 8 against 100 000, in one pass.
    func testExactWithOneSmallSideAndLargeOther() {
        var rng = SplitMix64(seed: 7)
        let y = (0..<100_000).map { Double($0) + 0.5 * rng.unit() }
        let x = [-3.0, -2, -1, 10.75, 20.75, 30.75, 99_999.75, 100_000.75]
        let r = MannWhitney.test(x, y)
        XCTAssertEqual(r.method, .exact)
        XCTAssertEqual(r.u, 0 + 0 + 0 + 11 + 21 + 31 + 100_000 + 100_000)
        XCTAssertTrue(r.pValue > 0 && r.pValue <= 1)
    }

    /// Two 100 000-value sides (asymptotic) finish well inside a test's time: the ranking is one sort.
    func testLargeSamplesAreFast() {
        var rng = SplitMix64(seed: 11)
        let x = (0..<100_000).map { _ in rng.normalPair().0 }
        let y = (0..<100_000).map { _ in rng.normalPair().0 + 0.01 }
        let start = Date()
        let r = MannWhitney.test(x, y)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertEqual(r.method, .asymptotic)
        XCTAssertTrue(r.pValue > 0 && r.pValue < 1)
    }

    func testSymmetry() {
        let x = [1.0, 4, 4, 7, 9, 12], y = [2.0, 3, 4, 8, 8, 15, 16]
        let a = MannWhitney.test(x, y), b = MannWhitney.test(y, x)
        XCTAssertEqual(a.u + b.u, Double(x.count * y.count))
        XCTAssertEqual(a.pValue, b.pValue, accuracy: 1e-15)
    }
}
