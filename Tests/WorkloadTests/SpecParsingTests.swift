import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import Workload

/// A valid tiny spec the error tests mutate one line at a time.
let validSpec = """
    name: t
    layer:
      kind: decoder
      hidden: 64
      heads: 4
      kv_heads: 2
      ffn: 128
      activation: swiglu
      norm: {type: rmsnorm, eps: 1.0e-5}
      norm_position: pre
      bias: false
      position: {type: rope, theta: 10000}
    scenarios:
      - {name: p, phase: prefill, batch: 1, seq: 8}
      - {name: d, phase: decode, batch: 2, context: 16}
    """

final class SpecParsingTests: XCTestCase {
    func parse(_ text: String) throws -> WorkloadSpec { try WorkloadSpec.parse(yaml: text, file: "spec.yaml") }

    /// Replaces the line starting with `prefix` (after indentation) by `replacement` (nil deletes it).
    func mutate(_ prefix: String, _ replacement: String?) -> String {
        validSpec.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(prefix) else { return String(line) }
            guard let replacement else { return nil }
            return String(repeating: " ", count: line.count - trimmed.count) + replacement
        }.joined(separator: "\n")
    }

    func assertError(
        _ text: String, path: String, line: Int?, contains: String, file: StaticString = #filePath, l: UInt = #line
    ) {
        XCTAssertThrowsError(try parse(text), file: file, line: l) { error in
            guard let e = error as? SpecError else { return XCTFail("not a SpecError: \(error)", file: file, line: l) }
            XCTAssertEqual(e.file, "spec.yaml", file: file, line: l)
            XCTAssertEqual(e.path, path, "\(e)", file: file, line: l)
            if let line { XCTAssertEqual(e.line, line, "\(e)", file: file, line: l) }
            XCTAssertTrue(e.message.contains(contains), "\(e)", file: file, line: l)
        }
    }

    func testValidSpecParsesWithDefaults() throws {
        let s = try parse(validSpec)
        XCTAssertEqual(s.config.headDim, 16)
        XCTAssertEqual(s.config.kvHeads, 2)
        XCTAssertEqual(s.config.naming, .llama)
        XCTAssertEqual(s.scenarios[1], Scenario(name: "d", phase: .decode, batch: 2, seq: 1, context: 16))
    }

    /// The anchor layer of the CPU reference's speed goals, as ci/reference-vs-numpy.sh's NumPy layer assumes it.
    func testAnchorLayerIsTheDefinedLayer() throws {
        let w = try XCTUnwrap(
            SpecLocator(workloadsDirectory: Repo.workloads).allWorkloads().first { $0.name == "anchor-layer" })
        let c = w.config
        XCTAssertEqual([c.hidden, c.heads, c.kvHeads, c.headDim, c.ffn], [1024, 16, 16, 64, 4096])
        XCTAssertEqual(c.kind, .decoder)
        XCTAssertEqual(c.activation, .geluTanh)
        XCTAssertEqual(c.norm, .rmsnorm)
        XCTAssertEqual(c.normEps, 1e-6)
        XCTAssertEqual(c.normPosition, .pre)
        XCTAssertFalse(c.bias)
        XCTAssertEqual(c.position, PositionEncoding.none)
        XCTAssertEqual(w.scenarios.map(\.name), ["prefill-128"])
        XCTAssertEqual([w.scenarios[0].batch, w.scenarios[0].seq], [1, 128])
        XCTAssertEqual(w.scenarios[0].phase, .prefill)
    }

    func testEveryShippedWorkloadAndSuiteValidates() throws {
        let locator = SpecLocator(workloadsDirectory: Repo.workloads)
        let all = try locator.allWorkloads()
        let names = Set(all.map(\.name))
        for expected in [
            "gpt2-small", "bert-base", "llama-3-8b", "llama-3.3-70b", "mixtral-8x7b", "tiny-llama", "tiny-gpt2",
            "tiny-bert", "tiny-mixtral",
        ] {
            XCTAssertTrue(names.contains(expected), expected)
        }
        // Synthetic layers (no published model) are defined by the speed checks that use them, not by a source.
        let synthetic: Set = ["xla-bench-decoder", "anchor-layer"]
        for w in all where !w.name.hasPrefix("tiny") && !synthetic.contains(w.name) {
            XCTAssertFalse(w.sources.isEmpty, "\(w.name) must cite its public source")
        }
        for suite in ["default", "nightly", "smoke"] {
            let s = try locator.suite(for: [suite])
            XCTAssertEqual(s.name, suite)
        }
        let d = try locator.suite(for: [])
        XCTAssertEqual(d.goals.map(\.scenario), ["prefill-512", "decode-2k"])
        XCTAssertEqual(d.goals.map(\.bound), [.gemm, .bandwidth])
    }

    func testPublishedConfigurationsAreEncodedExactly() throws {
        let llama = try WorkloadSpec.load(url: Repo.workloads.appendingPathComponent("llama-3-8b.yaml")).config
        XCTAssertEqual(
            [llama.hidden, llama.heads, llama.kvHeads, llama.headDim, llama.ffn], [4096, 32, 8, 128, 14336])
        XCTAssertEqual(llama.parameterCount, 218_112_000, "Llama-3-8B per-layer parameters (HF config arithmetic)")
        let gpt2 = try WorkloadSpec.load(url: Repo.workloads.appendingPathComponent("gpt2-small.yaml")).config
        XCTAssertEqual(gpt2.parameterCount, 7_087_872, "GPT-2 small block: 85M non-embedding parameters / 12")
        let mixtral = try WorkloadSpec.load(url: Repo.workloads.appendingPathComponent("mixtral-8x7b.yaml")).config
        XCTAssertEqual(mixtral.experts, 8)
        XCTAssertEqual(mixtral.topK, 2)
    }

    func testUnknownKey() {
        assertError(mutate("bias:", "biass: false"), path: "layer.biass", line: 11, contains: "unknown key 'biass'")
    }

    func testWrongTypes() {
        assertError(
            mutate("hidden:", "hidden: lots"), path: "layer.hidden", line: 4,
            contains: "expected an integer, got 'lots'")
        assertError(mutate("bias:", "bias: maybe"), path: "layer.bias", line: 11, contains: "expected true or false")
        assertError(
            mutate("activation:", "activation: relu"), path: "layer.activation", line: 8,
            contains: "expected one of: gelu, gelu-tanh, swiglu, silu")
        assertError(
            mutate("norm:", "norm: [rmsnorm]"), path: "layer.norm", line: 9, contains: "expected a mapping, got a list")
        assertError(
            mutate("- {name: p", "- {name: p, phase: prefill, batch: one, seq: 8}"), path: "scenarios[0].batch",
            line: 14, contains: "expected an integer")
    }

    func testMissingFields() {
        assertError(mutate("ffn:", nil), path: "layer.ffn", line: 3, contains: "missing required key 'ffn'")
        assertError(
            mutate("- {name: d", "- {name: d, phase: decode, batch: 2}"), path: "scenarios[1].context", line: nil,
            contains: "missing required key 'context'")
        assertError("name: x\n", path: "layer", line: nil, contains: "missing required key 'layer'")
    }

    func testHeadArithmetic() {
        assertError(
            mutate("kv_heads:", "kv_heads: 3"), path: "layer.kv_heads", line: 6,
            contains: "heads (4) must be divisible by kv_heads (3)")
        assertError(
            mutate("heads: 4", "heads: 6"), path: "layer.heads", line: 5,
            contains: "hidden (64) must be divisible by heads (6)")
        let gpt = mutate("position:", "position: none").replacingOccurrences(of: "kv_heads: 2", with: "head_dim: 8")
            .replacingOccurrences(of: "bias: false", with: "bias: false\n  naming: gpt2")
        assertError(gpt, path: "layer.head_dim", line: 6, contains: "must equal heads × head_dim (4 × 8)")
        let gqaBert = mutate("position:", "position: none").replacingOccurrences(
            of: "bias: false", with: "bias: false\n  naming: bert")
        assertError(gqaBert, path: "layer.kv_heads", line: 6, contains: "one KV head per query head")
    }

    func testNonPositiveSizes() {
        assertError(
            mutate("ffn:", "ffn: 0"), path: "layer.ffn", line: 7, contains: "expected an integer in 1...1048576, got 0")
        assertError(
            mutate("hidden:", "hidden: -64"), path: "layer.hidden", line: 4,
            contains: "expected an integer in 1...65536, got -64")
        assertError(
            mutate("norm:", "norm: {type: rmsnorm, eps: 0}"), path: "layer.norm.eps", line: 9,
            contains: "expected a number in (0.0, 1.0], got 0.0")
        assertError(
            mutate("- {name: p", "- {name: p, phase: prefill, batch: 1, seq: 0}"), path: "scenarios[0].seq", line: 14,
            contains: "expected an integer in 1...4194304, got 0")
    }

    func testPhaseAndKindRules() {
        assertError(
            mutate("- {name: p", "- {name: p, phase: prefill, batch: 1, seq: 8, context: 3}"),
            path: "scenarios[0].context", line: 14, contains: "belongs to decode")
        assertError(
            mutate("kind:", "kind: encoder").replacingOccurrences(of: "kv_heads: 2", with: "kv_heads: 4"),
            path: "scenarios[1].phase", line: 15, contains: "encoder layer has no decode phase")
        assertError(
            mutate("kind:", "kind: moe-decoder"), path: "layer.experts", line: nil,
            contains: "missing required key 'experts'")
        assertError(
            mutate("ffn:", "ffn: 128\n  experts: 4"), path: "layer.experts", line: 8,
            contains: "only valid for kind moe-decoder")
        assertError(
            mutate("position:", "position: alibi"), path: "layer.position", line: 12,
            contains: "expected 'none' or a mapping")
        assertError(
            validSpec.replacingOccurrences(of: "name: d,", with: "name: p,"), path: "scenarios[1]", line: 15,
            contains: "duplicate scenario name 'p'")
    }

    func testLengthDistribution() throws {
        let ok = mutate(
            "- {name: p",
            "- {name: p, phase: prefill, batch: 1, seq: 8, lengths: [{length: 4, weight: 1}, {length: 8, weight: 3}]}")
        XCTAssertEqual(
            try parse(ok).scenarios[0].lengths,
            [WeightedLength(length: 4, weight: 1), WeightedLength(length: 8, weight: 3)])
        let bad = mutate(
            "- {name: p", "- {name: p, phase: prefill, batch: 1, seq: 8, lengths: [{length: 4, weight: -1}]}")
        assertError(bad, path: "scenarios[0].lengths[0].weight", line: 14, contains: "expected a number in (0.0")
    }

    func testMalformedYAMLAndUnreadableFile() {
        assertError("name: [unclosed\n", path: "", line: 2, contains: "not valid YAML")
        assertError("", path: "", line: nil, contains: "empty")
        XCTAssertThrowsError(try WorkloadSpec.load(url: URL(fileURLWithPath: "/nonexistent/x.yaml"))) { e in
            XCTAssertEqual((e as? SpecError)?.file, "/nonexistent/x.yaml")
            XCTAssertTrue("\(e)".contains("cannot read the file"), "\(e)")
        }
    }

    func testSuiteErrorsNameTheSuiteFile() throws {
        let dir = try makeTemporaryDirectory("pb-suite")
        try validSpec.write(to: dir.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let suite = dir.appendingPathComponent("s.yaml")
        try "name: s\nentries:\n  - workload: t.yaml\n    scenarios: [p, nope]\n".write(
            to: suite, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Suite.load(url: suite)) { e in
            let s = e as? SpecError
            XCTAssertEqual(s?.file, suite.path)
            XCTAssertEqual(s?.path, "entries[0].scenarios[1]")
            XCTAssertTrue(s?.message.contains("has no scenario 'nope'; it has: p, d") ?? false, "\(e)")
        }
        try
            "name: s\nentries:\n  - workload: t.yaml\n    scenarios: [p]\n    goals: [{scenario: d, min_gemm_fraction: 0.5}]\n"
            .write(to: suite, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Suite.load(url: suite)) { XCTAssertTrue("\($0)".contains("does not run"), "\($0)") }
        try
            "name: s\nentries:\n  - workload: t.yaml\n    goals: [{scenario: p, min_gemm_fraction: 0.5, min_bandwidth_fraction: 0.5}]\n"
            .write(to: suite, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Suite.load(url: suite)) {
            XCTAssertTrue("\($0)".contains("expected exactly one of"), "\($0)")
        }
        try "name: s\nentries:\n  - workload: missing.yaml\n".write(to: suite, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Suite.load(url: suite)) { XCTAssertTrue("\($0)".contains("missing.yaml"), "\($0)") }
    }
}
