import Foundation
import PortbenchSchema
import XCTest

@testable import Regression

/// E-divisive against Apache Otava's `compute_change_points_orig` (Fixtures/changepoints.json, from
/// ci/fixtures/changepoints.py; Fixtures/README.md says why the two may differ and what must agree).
final class ChangePointFixtureTests: XCTestCase {
    struct Point: Decodable {
        var index: Int
        var pValue: Double
    }

    struct Candidate: Decodable {
        var index: Int
        var qhat: Double
    }

    struct Case: Decodable {
        var name: String
        var series: [Double]
        var truth: [Int]
        var otava: [Point]
        var firstCandidate: Candidate
    }

    struct Document: Decodable {
        var version: String
        var seed: UInt64
        var cases: [Case]
    }

    /// Otava allows one-point segments; so does this comparison.
    static let otavaLike = EDivisiveOptions(pValue: 0.01, permutations: 199, seed: 1, minimumSegment: 1)

    /// The statistic itself is deterministic: the largest Q̂ over the whole series and its τ agree with otava's.
    func testFirstCandidateMatchesOtava() throws {
        for c in try Self.document().cases {
            let mine = try XCTUnwrap(EnergySplit.best(c.series, 0..<c.series.count, minimumSegment: 1))
            XCTAssertEqual(mine.index, c.firstCandidate.index, c.name)
            XCTAssertEqual(mine.qhat, c.firstCandidate.qhat, accuracy: 1e-9 * abs(c.firstCandidate.qhat), c.name)
        }
    }

    /// Away from the significance threshold the permutation tests agree whatever their generators: every change
    /// point otava found (each at p = 0 of 100 permutations) is found here at the same index, and nothing else, with
    /// otava's one-point minimum segment and with the default of 3.
    func testClearChangePointsAgree() throws {
        for c in try Self.document().cases where !c.name.hasPrefix("borderline") {
            XCTAssertTrue(c.otava.allSatisfy { $0.pValue == 0 }, c.name)
            XCTAssertEqual(EDivisive.changePoints(c.series, options: Self.otavaLike).map(\.index), c.otava.map(\.index))
            XCTAssertEqual(EDivisive.changePoints(c.series).map(\.index), c.otava.map(\.index), c.name)
        }
    }

    /// Near the threshold the two may disagree, and only there: otava accepts while #{permuted ≥ observed} / 101 ≤
    /// 0.01 (at most 1 of 100), this while (1 + #) / 200 ≤ 0.01 (at most 1 of 199), with different generators. Any
    /// difference is otava's first candidate; on this fixture one case of five differs (rng 103: accepted here at
    /// 1/200, where otava counted 2 of 100).
    func testBorderlineCasesDifferOnlyAtTheFirstCandidate() throws {
        var differing: [String] = []
        for c in try Self.document().cases where c.name.hasPrefix("borderline") {
            let mine = Set(EDivisive.changePoints(c.series, options: Self.otavaLike).map(\.index))
            let difference = mine.symmetricDifference(c.otava.map(\.index))
            XCTAssertTrue(difference.isSubset(of: [c.firstCandidate.index]), c.name)
            if !difference.isEmpty { differing.append(c.name) }
        }
        XCTAssertEqual(differing, ["borderline 0.8% step at 30 of 60 (rng 103)"])
    }

    static func document() throws -> Document {
        let doc = try Fixture.load("changepoints.json", as: Document.self)
        XCTAssertGreaterThanOrEqual(doc.cases.count, 10)
        return doc
    }

}
