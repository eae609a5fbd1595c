import PortbenchSchema
import TestSupport
import XCTest

@testable import Regression

/// Device-model predictions recorded in runs are compared within 1e-9 and a moved one names its cause.
final class ModelledFigureRuleTests: XCTestCase {
    func doc(seconds: Double, inputs: [String: Double]?, flops: Double = 1e9, seed: UInt64 = 1) -> ResultDocument {
        var d = SyntheticResults.result([("gpt2", SyntheticResults.samples(0.02, seed: seed))], flops: flops)
        d.cases[0].modelled = [
            ModelledFigure(
                device: "h100-sxm", style: ExecutionStyle(rawValue: "cuda"), precision: "bf16", seconds: seconds,
                tokensPerSecond: 128 / seconds, hbmBytes: 1e6, launches: 10)
        ]
        d.modelledDevices = inputs.map {
            [ModelledDevice(name: "h100-sxm", style: ExecutionStyle(rawValue: "cuda"), inputs: $0)]
        }
        return d
    }

    func modelledRow(_ a: ResultDocument, _ b: ResultDocument) throws -> CaseComparison {
        let c = try Comparator.compare(
            baseline: ComparisonInput(label: "a", documents: [a]),
            candidate: ComparisonInput(label: "b", documents: [b]),
            options: ComparisonOptions(), created: "2026-12-03T00:00:00Z", tool: "test")
        XCTAssertEqual(
            c.summary.exitStatus(failOnInconclusive: false), .success, "a moved prediction is not a regression")
        return try XCTUnwrap(c.cases.first { $0.metric == "modelled_s[h100-sxm]" })
    }

    func testIdenticalAndLastBitDifferencesAreUnchangedAndListed() throws {
        let inputs = ["profile.memory_gbps": 3350.0]
        let same = try modelledRow(
            doc(seconds: 1e-4, inputs: inputs), doc(seconds: 1e-4 * (1 + 1e-12), inputs: inputs, seed: 2))
        XCTAssertEqual(same.verdict, .unchanged)
        XCTAssertEqual(same.provenance, .modelled)
        XCTAssertNil(same.direction, "a prediction has no better or worse")
    }

    func testAMovedInputIsNamed() throws {
        let row = try modelledRow(
            doc(seconds: 1e-4, inputs: ["profile.memory_gbps": 3350, "cuda.gemm_efficiency": 0.55]),
            doc(seconds: 1.1e-4, inputs: ["profile.memory_gbps": 3000, "cuda.gemm_efficiency": 0.55], seed: 2))
        XCTAssertEqual(row.verdict, .changed)
        XCTAssertEqual(row.ratio, 1.1, accuracy: 1e-12)
        XCTAssertTrue(row.reason.contains("profile.memory_gbps 3350 → 3000"), row.reason)
        XCTAssertFalse(row.reason.contains("gemm_efficiency"), row.reason)
    }

    func testWithSameInputsTheGraphOrTheAdapterIsNamed() throws {
        let inputs = ["profile.memory_gbps": 3350.0]
        let graph = try modelledRow(
            doc(seconds: 1e-4, inputs: inputs), doc(seconds: 2e-4, inputs: inputs, flops: 2e9, seed: 2))
        XCTAssertTrue(graph.reason.contains("layer graph"), graph.reason)
        let adapter = try modelledRow(doc(seconds: 1e-4, inputs: inputs), doc(seconds: 1.5e-4, inputs: inputs, seed: 2))
        XCTAssertTrue(adapter.reason.contains("cuda-style adapter changed"), adapter.reason)
        let unknown = try modelledRow(doc(seconds: 1e-4, inputs: nil), doc(seconds: 1.5e-4, inputs: inputs, seed: 2))
        XCTAssertTrue(unknown.reason.contains("cannot be named"), unknown.reason)
    }

    func testOtherPrecisionsAndOneSidedFiguresAreNotCompared() throws {
        let a = doc(seconds: 1e-4, inputs: [:])
        var b = doc(seconds: 2e-4, inputs: [:], seed: 2)
        b.cases[0].modelled![0].precision = "fp8"
        let c = try Comparator.compare(
            baseline: ComparisonInput(label: "a", documents: [a]),
            candidate: ComparisonInput(label: "b", documents: [b]),
            options: ComparisonOptions(), created: "2026-12-03T00:00:00Z", tool: "test")
        XCTAssertNil(c.cases.first { $0.provenance == .modelled })
        XCTAssertFalse(c.rule.text.contains("modelled_s"), "the rule mentions modelled figures only when it used them")
        let d = try Comparator.compare(
            baseline: ComparisonInput(label: "a", documents: [a]),
            candidate: ComparisonInput(label: "b", documents: [a]),
            options: ComparisonOptions(), created: "2026-12-03T00:00:00Z", tool: "test")
        XCTAssertTrue(d.rule.text.contains("within a relative 1e-9"), d.rule.text)
    }
}
