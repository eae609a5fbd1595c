import PortbenchSchema
import TestSupport
import XCTest

@testable import Regression

/// Cases counted by callgrind: decided on their counts by the same rule, never on their times under valgrind.
final class InstrumentComparisonTests: XCTestCase {
    func compare(
        _ a: [ResultDocument], _ b: [ResultDocument], noise: NoiseProfile? = nil
    ) throws -> ComparisonDocument {
        try Comparator.compare(
            baseline: ComparisonInput(label: "base", documents: a),
            candidate: ComparisonInput(label: "new", documents: b), options: ComparisonOptions(noise: noise),
            created: "2026-12-02T00:00:00Z", tool: "test")
    }

    /// Nine repetitions a side; counts move by a few parts per million between repetitions.
    func counts(_ center: Double, seed: UInt64 = 1) -> [Double] {
        SyntheticResults.samples(center, n: 9, spread: 2e-6, seed: seed).map { $0.rounded() }
    }

    func testCountsAreDecidedAndTimesUnderValgrindAreNot() throws {
        // Candidate's times are twice as fast (valgrind noise), its instructions 5% more: a regression on counts.
        let a = SyntheticResults.counted(
            SyntheticResults.result([("gpt2", SyntheticResults.samples(0.40, n: 9))]), instructions: [counts(3.45e9)])
        let b = SyntheticResults.counted(
            SyntheticResults.result([("gpt2", SyntheticResults.samples(0.20, n: 9, seed: 2))]),
            instructions: [counts(3.45e9 * 1.05, seed: 2)])
        let doc = try compare([a], [b])
        XCTAssertNil(doc.cases.first { $0.metric == "median_s" }, "times under valgrind are not compared")
        let c = try XCTUnwrap(doc.cases.first { $0.metric == "instructions" })
        XCTAssertEqual(c.verdict, .regression, c.reason)
        XCTAssertEqual(c.provenance, .measured)
        XCTAssertEqual(c.direction, .lowerIsBetter)
        XCTAssertEqual(c.ratio, 1.05, accuracy: 1e-4)
        XCTAssertEqual(c.baselineUnits, 9)
        XCTAssertNil(doc.cases.first { $0.metric == "estimated_cycles" }, "neither side simulated caches")
        XCTAssertTrue(doc.rule.text.contains("median_s is not compared"), doc.rule.text)
    }

    func testACountInsideTheMinimumEffectIsUnchanged() throws {
        let a = SyntheticResults.counted(
            SyntheticResults.result([("gpt2", SyntheticResults.samples(0.40, n: 9))]), instructions: [counts(1e9)],
            cycles: [counts(2e9)])
        let b = SyntheticResults.counted(
            SyntheticResults.result([("gpt2", SyntheticResults.samples(0.40, n: 9, seed: 3))]),
            instructions: [counts(1.01e9, seed: 3)], cycles: [counts(1.9e9, seed: 3)])
        let doc = try compare([a], [b])
        let instructions = try XCTUnwrap(doc.cases.first { $0.metric == "instructions" })
        XCTAssertEqual(instructions.verdict, .unchanged, instructions.reason)
        let cycles = try XCTUnwrap(doc.cases.first { $0.metric == "estimated_cycles" })
        XCTAssertEqual(cycles.verdict, .improvement, cycles.reason)
    }

    func testEstimatedCyclesNeedBothSidesAndOneSidedCountsDecideNothing() throws {
        let base = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.40, n: 9))])
        let a = SyntheticResults.counted(base, instructions: [counts(1e9)], cycles: [counts(2e9)])
        let b = SyntheticResults.counted(base, instructions: [counts(1e9, seed: 4)])
        XCTAssertEqual(try compare([a], [b]).cases.map(\.metric), ["instructions"])
        // Counted on one side only: neither counts nor times are comparable.
        let native = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.02, n: 9, seed: 5))])
        XCTAssertEqual(try compare([a], [native]).cases.map(\.metric), [])
    }

    func testRunsAsUnitsOnCounts() throws {
        let base = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.40, n: 3))])
        let a = (1...3).map {
            SyntheticResults.counted(base, instructions: [counts(1e9, seed: UInt64($0)).prefix(3).map { $0 }])
        }
        let b = (1...3).map {
            SyntheticResults.counted(base, instructions: [counts(1.2e9, seed: UInt64(9 + $0)).prefix(3).map { $0 }])
        }
        let doc = try compare(a, b)
        XCTAssertEqual(doc.rule.mode, .runsAsUnits)
        let c = try XCTUnwrap(doc.cases.first { $0.metric == "instructions" })
        XCTAssertEqual(c.baselineUnits, 3)
        XCTAssertEqual(c.verdict, .regression, c.reason)
    }

    /// Runs counted by callgrind give a profile of their counts' noise, pooled apart from any times' noise.
    func testNoiseProfileOfCounts() throws {
        let docs = (1...4).map { i in
            SyntheticResults.counted(
                SyntheticResults.result([("gpt2", SyntheticResults.samples(0.4 * Double(i), n: 5, seed: UInt64(i)))]),
                instructions: [Array(repeating: 1e9 * (1 + 1e-4 * Double(i)), count: 5)],
                cycles: [Array(repeating: 2e9, count: 5)])
        }
        let p = try NoiseEstimator.profile(docs, labels: docs.map(\.runId), created: "", tool: "")
        XCTAssertEqual(p.cases.map(\.metric), ["instructions", "estimated_cycles"])
        XCTAssertEqual(p.cases[0].medians.count, 4)
        XCTAssertEqual(p.cases[0].withinRunLogSe, 0, "identical counts within a run")
        XCTAssertEqual(p.cases[0].betweenRunLogSd, 1.29e-4, accuracy: 1e-5)
        XCTAssertEqual(p.cases[1].betweenRunLogSd, 0)
        // A profile holding times too: each metric is held to its own pooled floor.
        let mixed = NoiseProfile(
            created: "", tool: "", machineKind: p.machineKind, openblasCore: "Haswell", threads: 2, suite: "s",
            runIds: [],
            cases: p.cases + [
                CaseNoise(
                    workload: "bert", scenario: "prefill-128", backend: .cpuReference, metric: "median_s", runs: 4,
                    medians: [], betweenRunLogSd: 0.1, withinRunLogSe: 0)
            ])
        let other = (workload: "other", scenario: "decode", backend: Backend.cpuReference)
        XCTAssertEqual(
            mixed.betweenRunLogSd(
                workload: other.workload, scenario: other.scenario, backend: other.backend, metric: "instructions"),
            p.cases[0].betweenRunLogSd, accuracy: 1e-12)
        XCTAssertEqual(
            mixed.betweenRunLogSd(
                workload: other.workload, scenario: other.scenario, backend: other.backend, metric: "median_s"), 0.1)
    }
}
