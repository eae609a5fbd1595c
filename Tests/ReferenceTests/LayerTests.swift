import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

@testable import Workload

/// Whole layers of every kind against the float64 naive layer (seeded weights), and KV-cache decode against prefill.
final class LayerTests: XCTestCase {
    static let tiny = ["tiny-llama", "tiny-gpt2", "tiny-bert", "tiny-mixtral"]

    /// Runs the executor and the naive layer on the same weights, input and cache.
    func compare(_ spec: WorkloadSpec, _ scenario: Scenario, seed: UInt64) throws -> Drift {
        let graph = LayerGraph.lower(spec.config, scenario)
        let store = WeightStore.seeded(for: graph.weights, seed: seed)
        let exec = try LayerExecutor(graph: graph, weights: store)
        exec.fillSeededInputs(seed: seed)
        let c = spec.config, s = scenario
        let row = c.kvDim
        func cached(_ name: String) -> [Double] {
            let t = exec.tensor(name)
            return (0..<s.batch).flatMap { b in (0..<(s.context * row)).map { Double(t[b * s.totalLength * row + $0]) }
            }
        }
        let (k, v) = (cached(LayerGraph.keyCacheName), cached(LayerGraph.valueCacheName))
        let x = exec.input.array.map(Double.init)
        exec.run()
        let want = Naive.layer(x, c: c, s: s, Naive.weights(store), kCache: k, vCache: v)
        return Drift(exec.output.array, want)
    }

    func testEveryLayerKindAndScenarioMatchesFloat64() throws {
        for name in Self.tiny {
            let spec = try Repo.workload(name)
            for scenario in spec.scenarios {
                let d = try compare(spec, scenario, seed: 7)
                XCTAssertLessThan(d.relL2, 1e-6, "\(name)/\(scenario.name) relative L2 \(d.relL2)")
                XCTAssertLessThan(d.maxAbs, 1e-5, "\(name)/\(scenario.name) max abs \(d.maxAbs)")
            }
        }
    }

    func testLargerBatchedScenariosMatchFloat64() throws {
        var spec = try Repo.workload("tiny-llama")
        spec.config.position = .rope(
            theta: 500_000,
            scaling: RopeScaling(factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalMaxPosition: 16))
        for s in [Scenario.prefill("p", batch: 3, seq: 33), Scenario.decode("d", batch: 3, context: 40)] {
            let d = try compare(spec, s, seed: 11)
            XCTAssertLessThan(d.relL2, 1e-6, "\(s.name): \(d.relL2)")
        }
    }

    /// Decode with a KV cache filled by a prefill over the first n−1 tokens equals row n−1 of a prefill over n tokens.
    func testDecodeWithKVCacheEqualsPrefillRow() throws {
        for name in ["tiny-llama", "tiny-gpt2", "tiny-mixtral"] {
            let spec = try Repo.workload(name)
            let (batch, n) = (2, 9)
            let c = spec.config
            let full = LayerGraph.lower(c, .prefill("full", batch: batch, seq: n))
            let store = WeightStore.seeded(for: full.weights, seed: 3)
            let x = randomTensor([batch * n, c.hidden], seed: 21)

            let fullExec = try LayerExecutor(graph: full, weights: store)
            fullExec.input.copy(from: x)
            fullExec.run()

            let head = try LayerExecutor(
                graph: LayerGraph.lower(c, .prefill("head", batch: batch, seq: n - 1)), weights: store)
            let step = try LayerExecutor(
                graph: LayerGraph.lower(c, .decode("step", batch: batch, context: n - 1)), weights: store)
            for b in 0..<batch {
                head.input.data.advanced(by: b * (n - 1) * c.hidden).update(
                    from: x.data + b * n * c.hidden, count: (n - 1) * c.hidden)
                step.input.data.advanced(by: b * c.hidden).update(
                    from: x.data + (b * n + n - 1) * c.hidden, count: c.hidden)
            }
            head.run()
            // The prefill's cache holds exactly n−1 positions; the decode cache has room for n.
            for cache in [LayerGraph.keyCacheName, LayerGraph.valueCacheName] {
                let src = head.tensor(cache), dst = step.tensor(cache)
                for b in 0..<batch {
                    (dst.data + b * n * c.kvDim).update(
                        from: src.data + b * (n - 1) * c.kvDim, count: (n - 1) * c.kvDim)
                }
            }
            step.run()
            for b in 0..<batch {
                let want = (0..<c.hidden).map { Double(fullExec.output[(b * n + n - 1) * c.hidden + $0]) }
                let got = Array(step.output.array[(b * c.hidden)..<((b + 1) * c.hidden)])
                assertClose(got, want, maxAbs: 2e-5, relL2: 1e-6, "\(name) batch \(b) decode vs prefill")
            }
        }
    }

    func testExecutorRejectsMissingAndMisShapedWeights() throws {
        let spec = try Repo.workload("tiny-llama")
        let graph = LayerGraph.lower(spec.config, spec.scenarios[0])
        var tensors = WeightStore.seeded(for: graph.weights, seed: 1).tensors
        tensors["q.weight"] = nil
        XCTAssertThrowsError(try LayerExecutor(graph: graph, weights: WeightStore(tensors: tensors, origin: "t"))) {
            e in
            XCTAssertEqual(e as? WeightError, .missing(name: "q.weight", expected: [32, 32], source: "t"))
        }
        tensors["q.weight"] = Tensor(shape: [32, 31])
        XCTAssertThrowsError(try LayerExecutor(graph: graph, weights: WeightStore(tensors: tensors, origin: "t"))) {
            e in
            XCTAssertEqual(
                e as? WeightError, .shape(name: "q.weight", expected: [32, 32], actual: [32, 31], source: "t"))
        }
    }

    func testSeededWeightsAreDeterministicAndScaled() {
        let infos = [WeightInfo(name: "a.weight", shape: [256, 256], kind: .linear)]
        let a = WeightStore.seeded(for: infos, seed: 5)["a.weight"]!.array
        let b = WeightStore.seeded(for: infos, seed: 5)["a.weight"]!.array
        let c = WeightStore.seeded(for: infos, seed: 6)["a.weight"]!.array
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        let std = (a.reduce(0) { $0 + Double($1 * $1) } / Double(a.count)).squareRoot()
        XCTAssertEqual(std, 0.02, accuracy: 0.0005, "linear weights are N(0, 0.02) like HF initializer_range")
    }
}
