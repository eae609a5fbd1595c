import DeviceModels
import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

@testable import Workload
@testable import XLABackend

/// Every emitted program compiled by the real plugin and compared with the fp32 CPU reference.
final class EmitterTests: XCTestCase {
    /// Runs `graph` on the reference and through XLA; returns (relative L2, max abs) of the difference.
    func compare(_ graph: LayerGraph, precision: ProgramPrecision = .fp32) throws -> (Double, Double, XLALayerRunner) {
        let weights = WeightStore.seeded(for: graph.weights, seed: 5)
        let reference = try LayerExecutor(graph: graph, weights: weights)
        reference.fillSeededInputs(seed: 5)
        let runner = try XLALayerRunner(
            client: try Plugin.client(), graph: graph, precision: precision, weights: weights
        ) { reference.tensor($0) }
        let got = try runner.output().array
        reference.run()
        let drift = Drift(got, reference.output.array.map(Double.init))
        return (drift.relL2, drift.maxAbs, runner)
    }

    func testEveryLayerKindPrefillAndDecodeMatchesTheReference() throws {
        for name in ["tiny-llama", "tiny-gpt2", "tiny-bert", "tiny-mixtral"] {
            let w = try Repo.workload(name)
            for s in w.scenarios {
                let (rel, maxAbs, _) = try compare(LayerGraph.lower(w.config, s))
                XCTAssertLessThan(rel, 1e-5, "\(name)/\(s.name): relative L2 \(rel)")
                XCTAssertLessThan(maxAbs, 1e-4, "\(name)/\(s.name): max abs \(maxAbs)")
            }
        }
    }

    /// Each run donates the caches and gets them back updated: later runs read the caches the earlier ones wrote
    /// (the same keys at the same position) and must still match the reference.
    func testRepeatedDecodeRunsReuseTheDonatedCaches() throws {
        let w = try Repo.workload("tiny-llama")
        let decode = try XCTUnwrap(w.scenarios.first { $0.phase == .decode })
        let (rel, _, runner) = try compare(LayerGraph.lower(w.config, decode))
        XCTAssertLessThan(rel, 1e-5)
        let first = try runner.output().array
        for _ in 0..<3 { _ = try runner.run() }
        XCTAssertEqual(try runner.output().array, first)
    }

    /// Sparse dispatch: an expert no token routes to is never read. Its weights are set to NaN after the
    /// reference chose the experts; dense dispatch would multiply them by a zero combine weight and return NaN.
    func testUnroutedExpertsAreNeverRead() throws {
        let w = try Repo.workload("tiny-mixtral")
        let graph = LayerGraph.lower(w.config, try XCTUnwrap(w.scenarios.first { $0.phase == .decode }))
        let weights = WeightStore.seeded(for: graph.weights, seed: 5)
        let reference = try LayerExecutor(graph: graph, weights: weights)
        reference.fillSeededInputs(seed: 5)
        reference.run()
        let expected = reference.output.array.map(Double.init)
        let K = w.config.topK
        let routing = reference.tensor("routing").array
        let routed = Set((0..<(routing.count / (2 * K))).flatMap { t in (0..<K).map { Int(routing[t * 2 * K + $0]) } })
        let unrouted = (0..<w.config.experts).filter { !routed.contains($0) }
        XCTAssertFalse(unrouted.isEmpty, "the test needs an expert no token routes to")
        for e in unrouted {
            for part in ["gate", "up", "down"] { try XCTUnwrap(weights["experts.\(e).\(part).weight"]).fill(.nan) }
        }
        let runner = try XLALayerRunner(client: try Plugin.client(), graph: graph, precision: .fp32, weights: weights) {
            reference.tensor($0)
        }
        let got = try runner.output().array
        XCTAssertTrue(got.allSatisfy(\.isFinite), "an unrouted expert's weights were read")
        XCTAssertLessThan(Drift(got, expected).relL2, 1e-5)
    }

    /// The device layout of the caches: keys [B·KVH, D, T], values [B·KVH, T, D], from the graph's [B, T, KVH, D].
    func testCachesAreLaidOutHeadsMajorOnTheDevice() {
        let (B, T, H, D) = (2, 3, 2, 4)
        let t = Tensor(shape: [B, T, H, D], values: (0..<(B * T * H * D)).map(Float.init))
        let k = StableHLOEmitter.deviceCache(LayerGraph.keyCacheName, t)
        let v = StableHLOEmitter.deviceCache(LayerGraph.valueCacheName, t)
        XCTAssertEqual(k.shape, [B * H, D, T])
        XCTAssertEqual(v.shape, [B * H, T, D])
        for b in 0..<B {
            for ti in 0..<T {
                for h in 0..<H {
                    for d in 0..<D {
                        let x = t.data[((b * T + ti) * H + h) * D + d]
                        XCTAssertEqual(k.data[((b * H + h) * D + d) * T + ti], x)
                        XCTAssertEqual(v.data[((b * H + h) * T + ti) * D + d], x)
                    }
                }
            }
        }
    }

    func testBF16ProgramsDriftLikeBF16() throws {
        let w = try Repo.workload("tiny-llama")
        let (rel, _, _) = try compare(LayerGraph.lower(w.config, w.scenarios[0]), precision: .bf16)
        XCTAssertGreaterThan(rel, 1e-4, "bf16 must actually round")
        XCTAssertLessThan(rel, 3e-2)
    }

    func testGoldenTextForALinearLayer() throws {
        let c = TransformerConfig(
            kind: .decoder, hidden: 4, heads: 1, kvHeads: 1, headDim: 4, ffn: 8, activation: .silu, norm: .rmsnorm,
            normEps: 1e-5, normPosition: .pre, bias: false, position: .none)
        let head = LayerGraph.lmHead(rows: 2, hidden: 4, vocab: 3)
        var g = head
        g.values.append(ValueInfo(name: LayerGraph.keyCacheName, shape: [1, 1, 1, 4], role: .state))
        g.values.append(ValueInfo(name: LayerGraph.valueCacheName, shape: [1, 1, 1, 4], role: .state))
        _ = c
        let text = StableHLOEmitter(graph: g).emit()
        XCTAssertEqual(
            text,
            """
            module @portbench {
              func.func public @main(%arg0: tensor<2x4xf32>, %arg1: tensor<1x4x1xf32> {tf.aliasing_output = 1 : i32}, %arg2: tensor<1x1x4xf32> {tf.aliasing_output = 2 : i32}, %arg3: tensor<3x4xf32>) -> (tensor<2x3xf32>, tensor<1x4x1xf32>, tensor<1x1x4xf32>) {
                %v1 = stablehlo.dot_general %arg0, %arg3, contracting_dims = [1] x [1] : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
                return %v1, %arg1, %arg2 : tensor<2x3xf32>, tensor<1x4x1xf32>, tensor<1x1x4xf32>
              }
            }

            """)
    }

    func testCompiledSummaryCountsFusions() throws {
        let w = try Repo.workload("tiny-llama")
        let (_, _, runner) = try compare(LayerGraph.lower(w.config, w.scenarios[0]))
        let summary = try runner.compiledSummary()
        XCTAssertGreaterThan(summary.bytes, 0)
        XCTAssertGreaterThan(summary.fusions, 0, "format \(summary.format)")
    }
}

/// Whole-layer golden text: any change to the emitted StableHLO shows up as a diff of a committed file.
/// Re-record with PORTBENCH_RECORD_GOLDEN=1 after checking the change compiles and still matches the reference;
/// the recording run fails, naming each file it wrote, and the next run without the variable checks them.
final class GoldenTests: XCTestCase {
    static let folder = Repo.root.appendingPathComponent("Tests/XLABackendTests/Golden")

    func check(
        _ workload: String, _ scenario: String, _ precision: ProgramPrecision, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let w = try Repo.workload(workload)
        let text = StableHLOEmitter(
            graph: LayerGraph.lower(w.config, try XCTUnwrap(w.scenario(named: scenario))), precision: precision
        ).emit()
        assertGolden(
            text, named: "\(workload)-\(scenario)-\(precision.rawValue).mlir", in: Self.folder, file: file, line: line)
    }

    func testGoldenPrograms() throws {
        try check("tiny-llama", "decode-9", .fp32)
        try check("tiny-bert", "prefill-6", .fp32)
        try check("tiny-mixtral", "prefill-5", .bf16)
    }

    func testEveryTinyLayerCompilesInBF16() throws {
        let client = try Plugin.client()
        for name in ["tiny-llama", "tiny-gpt2", "tiny-bert", "tiny-mixtral"] {
            let w = try Repo.workload(name)
            for s in w.scenarios {
                XCTAssertNoThrow(
                    try client.compile(
                        mlir: StableHLOEmitter(graph: LayerGraph.lower(w.config, s), precision: .bf16).emit()),
                    "\(name)/\(s.name)")
            }
        }
    }
}

/// The bf16 emulation the device models use and a real bf16 XLA program round the same values the same way.
final class EmulationAgreementTests: XCTestCase {
    func testXLABF16DriftMatchesTheCPUEmulation() throws {
        let w = try Repo.workload("tiny-llama")
        let graph = LayerGraph.lower(w.config, w.scenarios[0])
        let weights = WeightStore.seeded(for: graph.weights, seed: 9)
        let emulated = try NumericsEmulation.drift(graph: graph, weights: weights, seed: 9, precision: .bf16)
        let reference = try LayerExecutor(graph: graph, weights: weights)
        reference.fillSeededInputs(seed: 9)
        let xla = try XLALayerRunner(client: try Plugin.client(), graph: graph, precision: .bf16, weights: weights) {
            reference.tensor($0)
        }
        let got = try xla.output().array
        reference.run()
        let real = NumericDrift(precision: .bf16, reference: reference.output.array, emulated: got)
        XCTAssertEqual(
            real.relativeL2, emulated.relativeL2, accuracy: emulated.relativeL2 * 0.05,
            "XLA bf16 \(real.relativeL2) vs emulated \(emulated.relativeL2)")
    }
}
