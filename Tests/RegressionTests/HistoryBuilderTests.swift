import PortbenchSchema
import TestSupport
import XCTest

@testable import Regression

final class HistoryBuilderTests: XCTestCase {
    /// 30 nights, a 10% slowdown landing at night 18 (commit n18), 1% noise: one change point between n17 and n18.
    func testAStepIsPlacedBetweenTheCommitsAroundIt() {
        var g = SplitMix64(seed: 7)
        let docs = (0..<30).map { night -> ResultDocument in
            let center = 0.020 * (night >= 18 ? 1.10 : 1.0) * exp(0.01 * g.normalPair().0)
            return SyntheticResults.result(
                [("gpt2", SyntheticResults.samples(center, n: 9, spread: 0.002, seed: UInt64(night)))],
                created: String(format: "2026-11-%02dT02:00:00Z", night + 1), commit: "n\(night)")
        }
        let h = HistoryBuilder.build(docs.reversed(), created: "", tool: "")
        XCTAssertEqual(h.series.count, 1)
        let s = h.series[0]
        XCTAssertEqual(s.points.map(\.commit).first, "n0", "ordered by created, not by argument order")
        XCTAssertEqual(s.changePoints.count, 1)
        XCTAssertEqual(s.changePoints.first?.commitBefore, "n17")
        XCTAssertEqual(s.changePoints.first?.commitAfter, "n18")
        XCTAssertEqual(s.changePoints.first?.shift ?? 0, 0.10, accuracy: 0.02)
        XCTAssertLessThanOrEqual(s.changePoints.first?.pValue ?? 1, 0.01)
    }

    func testPureNoiseHasNoChangePointsAndSeriesSplitByMachine() {
        var g = SplitMix64(seed: 11)
        let amd = SyntheticResults.machine(cpu: "AMD EPYC"), intel = SyntheticResults.machine(cpu: "Intel Xeon")
        var docs: [ResultDocument] = []
        for night in 0..<40 {
            let center: Double = 0.02 * exp(0.01 * g.normalPair().0)
            let samples = SyntheticResults.samples(center, n: 9, seed: UInt64(night))
            let created = String(format: "2026-11-%02dT%02d:00:00Z", night / 2 + 1, night % 2)
            docs.append(
                SyntheticResults.result(
                    [("gpt2", samples)], machine: night % 2 == 0 ? amd : intel, created: created, commit: "c\(night)"))
        }
        let h = HistoryBuilder.build(docs, created: "", tool: "")
        XCTAssertEqual(h.series.map(\.cpuModel).sorted(), ["AMD EPYC", "Intel Xeon"])
        XCTAssertEqual(h.series.flatMap(\.changePoints), [])
    }
}
