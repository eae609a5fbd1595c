import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

@testable import Workload

/// The fixtures made by Fixtures/make_fixtures.py (an independent NumPy implementation of the Hugging Face layers),
/// loaded through the safetensors loader with HF names at layer 3 (a decoy layer 2 sits beside it).
final class FixtureTests: XCTestCase {
    struct Fixture {
        let name, workload: String
        let batch, seq, context: Int
        let prefix: String
    }

    static let fixtures = [
        Fixture(name: "llama-prefill", workload: "tiny-llama", batch: 2, seq: 7, context: 0, prefix: ""),
        Fixture(name: "llama-prefill-bf16", workload: "tiny-llama", batch: 2, seq: 7, context: 0, prefix: ""),
        Fixture(name: "llama-decode", workload: "tiny-llama", batch: 2, seq: 1, context: 9, prefix: ""),
        Fixture(name: "mixtral-prefill", workload: "tiny-mixtral", batch: 1, seq: 5, context: 0, prefix: ""),
        Fixture(name: "mixtral-decode-f16", workload: "tiny-mixtral", batch: 1, seq: 1, context: 6, prefix: ""),
        Fixture(name: "gpt2-prefill", workload: "tiny-gpt2", batch: 1, seq: 6, context: 0, prefix: "transformer."),
        Fixture(name: "bert-prefill", workload: "tiny-bert", batch: 2, seq: 6, context: 0, prefix: "bert."),
    ]

    func path(_ file: String) -> String { Repo.fixtures.appendingPathComponent(file).path }

    func testEveryFixtureMatchesNumPy() throws {
        for f in Self.fixtures {
            let spec = try Repo.workload(f.workload)
            let scenario =
                f.context > 0
                ? Scenario.decode("d", batch: f.batch, context: f.context)
                : Scenario.prefill("p", batch: f.batch, seq: f.seq)
            let graph = LayerGraph.lower(spec.config, scenario)
            let store = try WeightStore.load(
                safetensors: path("\(f.name).safetensors"), config: spec.config,
                weights: graph.weights, layerIndex: 3, prefix: f.prefix)
            let exec = try LayerExecutor(graph: graph, weights: store)
            exec.input.copy(from: try NPY.read(path: path("\(f.name).input.npy")))
            if f.context > 0 {
                for cache in [LayerGraph.keyCacheName, LayerGraph.valueCacheName] {
                    let src = try NPY.read(path: path("\(f.name).\(cache).npy")), dst = exec.tensor(cache)
                    let row = spec.config.kvDim
                    for b in 0..<f.batch {
                        (dst.data + b * (f.context + 1) * row).update(
                            from: src.data + b * f.context * row, count: f.context * row)
                    }
                }
            }
            exec.run()
            let want = try NPY.read(path: path("\(f.name).expected.npy")).array.map(Double.init)
            // Expected values were computed in float64 and stored as fp32; outputs are O(10).
            assertClose(exec.output.array, want, maxAbs: 1e-4, relL2: 2e-6, f.name)
        }
    }

    func testMissingTensorNamesTheCheckpointNameAndShape() throws {
        let spec = try Repo.workload("tiny-llama")
        let graph = LayerGraph.lower(spec.config, spec.scenarios[0])
        XCTAssertThrowsError(
            try WeightStore.load(
                safetensors: path("llama-prefill.safetensors"), config: spec.config,
                weights: graph.weights, layerIndex: 7)
        ) { e in
            XCTAssertEqual(
                e as? WeightError,
                .missing(
                    name: "model.layers.7.input_layernorm.weight", expected: [32],
                    source: path("llama-prefill.safetensors")))
        }
        XCTAssertThrowsError(
            try WeightStore.load(
                safetensors: path("llama-prefill.safetensors"), config: spec.config,
                weights: graph.weights, layerIndex: 3, prefix: "model.")
        ) { e in
            XCTAssertTrue("\(e)".contains("'model.model.layers.3."), "\(e)")
        }
    }

    func testMisShapedTensorNamesExpectedShape() throws {
        var spec = try Repo.workload("tiny-llama")
        spec.config.ffn = 65
        let graph = LayerGraph.lower(spec.config, spec.scenarios[0])
        XCTAssertThrowsError(
            try WeightStore.load(
                safetensors: path("llama-prefill.safetensors"), config: spec.config,
                weights: graph.weights, layerIndex: 3)
        ) { e in
            XCTAssertEqual(
                e as? WeightError,
                .shape(
                    name: "model.layers.3.mlp.gate_proj.weight", expected: [65, 32],
                    actual: [64, 32], source: path("llama-prefill.safetensors")))
        }
        // GPT-2's Conv1D weights are checked in their own [in, out] layout.
        var gpt = try Repo.workload("tiny-gpt2")
        gpt.config.ffn = 100
        let g2 = LayerGraph.lower(gpt.config, gpt.scenarios[0])
        XCTAssertThrowsError(
            try WeightStore.load(
                safetensors: path("gpt2-prefill.safetensors"), config: gpt.config,
                weights: g2.weights, layerIndex: 3, prefix: "transformer.")
        ) { e in
            XCTAssertEqual(
                e as? WeightError,
                .shape(
                    name: "transformer.h.3.mlp.c_fc.weight", expected: [32, 100],
                    actual: [32, 128], source: path("gpt2-prefill.safetensors")))
        }
    }

    func testCorruptAndUnsupportedSafetensors() throws {
        let dir = try makeTemporaryDirectory("pb-st")
        let short = dir.appendingPathComponent("short.safetensors")
        try Data([1, 2, 3]).write(to: short)
        XCTAssertThrowsError(try SafeTensorsFile(path: short.path)) {
            XCTAssertTrue("\($0)".contains("too short"), "\($0)")
        }
        let huge = dir.appendingPathComponent("huge.safetensors")
        try Data([0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0x7B, 0x7D]).write(to: huge)
        XCTAssertThrowsError(try SafeTensorsFile(path: huge.path)) {
            XCTAssertTrue("\($0)".contains("header length 65535 does not fit the file size 10"), "\($0)")
        }
        let i8 = dir.appendingPathComponent("i8.safetensors")
        try FileBytes.safetensors(#"{"w":{"dtype":"I8","shape":[2],"data_offsets":[0,2]}}"#, data: Data([1, 2])).write(
            to: i8)
        XCTAssertThrowsError(try SafeTensorsFile(path: i8.path).tensor("w")) {
            XCTAssertTrue("\($0)".contains("dtype I8 is not supported"), "\($0)")
        }
        XCTAssertThrowsError(try SafeTensorsFile(path: dir.appendingPathComponent("none").path)) {
            XCTAssertTrue("\($0)".contains("cannot read"), "\($0)")
        }
    }

    func testSafetensorsRoundTripAndHalfPrecisionDecoding() throws {
        let dir = try makeTemporaryDirectory("pb-rt")
        let t = Tensor(shape: [2, 3], values: [1, -2.5, 3e-3, 0, 65504, -1e-7])
        let url = dir.appendingPathComponent("a.safetensors")
        try SafeTensorsFile.write([("x", t)], to: url)
        XCTAssertEqual(try SafeTensorsFile(path: url.path).tensor("x").array, t.array)
        // The bf16 fixture holds exact bf16 values: 1 + 0.1·N weights decode to multiples of 2⁻⁷ near 1.
        let bf = try SafeTensorsFile(path: path("llama-prefill-bf16.safetensors")).tensor(
            "model.layers.3.input_layernorm.weight")
        for v in bf.array { XCTAssertEqual(v.bitPattern & 0xFFFF, 0, "bf16 leaves the low 16 bits zero") }
    }
}
