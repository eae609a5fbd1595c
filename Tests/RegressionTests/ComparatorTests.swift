import PortbenchSchema
import TestSupport
import XCTest

@testable import Regression

final class ComparatorTests: XCTestCase {
    func compare(
        _ a: [ResultDocument], _ b: [ResultDocument], noise: NoiseProfile? = nil, interleaved: Bool = false,
        allowDifferent: Bool = false
    ) throws -> ComparisonDocument {
        try Comparator.compare(
            baseline: ComparisonInput(label: "base", documents: a),
            candidate: ComparisonInput(label: "new", documents: b),
            options: ComparisonOptions(noise: noise, interleaved: interleaved, allowDifferentMachine: allowDifferent),
            created: "2026-12-02T00:00:00Z", tool: "test")
    }

    func testSeparateRunsUseTheNoiseProfile() throws {
        let a = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.020, seed: 1))])
        let b = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.0212, seed: 2))])  // +6%
        let within = try compare([a], [b])
        XCTAssertEqual(within.rule.mode, .separateRuns)
        XCTAssertEqual(within.rule.noise, NoiseSource.none)
        XCTAssertEqual(within.cases.first { $0.metric == "median_s" }?.verdict, .regression)
        // The same 6% with 10% between-run noise cannot be told apart.
        let profile = NoiseProfile(
            created: "", tool: "", machineKind: MachineKind(a.machine), openblasCore: "Haswell", threads: 2,
            suite: "nightly", runIds: [],
            cases: [
                CaseNoise(
                    workload: "gpt2", scenario: "prefill-128", backend: .cpuReference, metric: "median_s", runs: 10,
                    medians: [], betweenRunLogSd: 0.10, withinRunLogSe: 0.003)
            ])
        let noisy = try compare([a], [b], noise: profile)
        XCTAssertEqual(noisy.rule.noise, .profile)
        XCTAssertEqual(noisy.cases.first { $0.metric == "median_s" }?.verdict, .inconclusive)
        XCTAssertEqual(noisy.summary.exitStatus(failOnInconclusive: false), .success)
        XCTAssertEqual(noisy.summary.exitStatus(failOnInconclusive: true), .inconclusive)
    }

    func testDifferentMachinesAreRefusedUnlessAllowed() throws {
        let a = SyntheticResults.result(
            [("gpt2", SyntheticResults.samples(0.02))], machine: SyntheticResults.machine(cpu: "AMD EPYC"))
        let b = SyntheticResults.result(
            [("gpt2", SyntheticResults.samples(0.02))], machine: SyntheticResults.machine(cpu: "Intel Xeon"))
        XCTAssertThrowsError(try compare([a], [b])) { e in
            XCTAssertTrue("\(e)".contains("cpu_model (AMD EPYC vs Intel Xeon)"), "\(e)")
            XCTAssertTrue("\(e)".contains("--allow-different-machine"), "\(e)")
        }
        let doc = try compare([a], [b], allowDifferent: true)
        XCTAssertTrue(doc.differentMachine)
        XCTAssertEqual(doc.machineDifferences.map(\.field), ["cpu_model"])
    }

    func testSettingsDifferencesAreListedNotRefused() throws {
        let a = SyntheticResults.result(
            [("gpt2", SyntheticResults.samples(0.02))], machine: SyntheticResults.machine(threads: 2))
        let b = SyntheticResults.result(
            [("gpt2", SyntheticResults.samples(0.07))],
            machine: SyntheticResults.machine(threads: 1, env: ["OPENBLAS_CORETYPE": "Prescott"]))
        let doc = try compare([a], [b])
        XCTAssertEqual(doc.settingsDifferences.map(\.field), ["openblas.threads", "OPENBLAS_CORETYPE"])
        XCTAssertEqual(doc.settingsDifferences.last?.baseline, "unset")
        XCTAssertEqual(doc.summary.regressions, 1)
        XCTAssertEqual(doc.summary.exitStatus(failOnInconclusive: false), .performanceCheckFailed)
    }

    func testRunsAsUnitsAndInterleavedModes() throws {
        let a = (1...3).map {
            SyntheticResults.result([
                ("gpt2", SyntheticResults.samples(0.020 * (1 + 0.01 * Double($0)), seed: UInt64($0)))
            ])
        }
        let b = (1...3).map {
            SyntheticResults.result([
                ("gpt2", SyntheticResults.samples(0.024 * (1 + 0.01 * Double($0)), seed: UInt64(9 + $0)))
            ])
        }
        let units = try compare(a, b)
        XCTAssertEqual(units.rule.mode, .runsAsUnits)
        XCTAssertEqual(units.cases.first { $0.metric == "median_s" }?.baselineUnits, 3)
        let rounds = try compare(a, b, interleaved: true)
        XCTAssertEqual(rounds.rule.mode, .interleaved)
        XCTAssertEqual(rounds.cases.first { $0.metric == "median_s" }?.verdict, .regression)
        XCTAssertThrowsError(try compare(Array(a.prefix(2)), Array(b.prefix(2)), interleaved: true))
    }

    func testDeterministicFiguresNameWhatMovedThem() throws {
        let a = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.02))], flops: 1e9)
        let b = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.02, seed: 5))], flops: 2e9)
        let doc = try compare([a], [b])
        let flops = try XCTUnwrap(doc.cases.first { $0.metric == "flops" })
        XCTAssertEqual(flops.verdict, .changed)
        XCTAssertEqual(flops.provenance, .counted)
        XCTAssertTrue(flops.reason.contains("layer graph"), flops.reason)
        XCTAssertNil(doc.cases.first { $0.metric == "bytes" }, "identical counts are not listed")
    }

    func testUnmatchedCasesAreListed() throws {
        let a = SyntheticResults.result([
            ("gpt2", SyntheticResults.samples(0.02)), ("bert", SyntheticResults.samples(0.01)),
        ])
        let b = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.02, seed: 3))])
        let doc = try compare([a], [b])
        XCTAssertEqual(
            doc.unmatched,
            [UnmatchedCase(workload: "bert", scenario: "prefill-128", backend: .cpuReference, side: "baseline")])
    }

    func testNoiseProfileFromRuns() throws {
        let docs = (1...5).map { i in
            SyntheticResults.result([
                ("gpt2", SyntheticResults.samples(0.02 * exp(0.05 * Double(i - 3)), seed: UInt64(i)))
            ])
        }
        let p = try NoiseEstimator.profile(docs, labels: docs.map(\.runId), created: "", tool: "")
        XCTAssertEqual(p.cases.count, 1)
        // log medians step by 0.05: sample sd of {-0.1,-0.05,0,0.05,0.1} is 0.079, less a little within-run error.
        XCTAssertEqual(p.cases[0].betweenRunLogSd, 0.079, accuracy: 0.005)
        XCTAssertThrowsError(
            try NoiseEstimator.profile(Array(docs.prefix(2)), labels: ["a", "b"], created: "", tool: ""))
    }
}
