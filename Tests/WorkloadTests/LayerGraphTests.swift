import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import Workload

final class LayerGraphTests: XCTestCase {
    func testLlamaPrefillFLOPsMatchHandCount() throws {
        let spec = try Repo.workload("llama-3-8b")
        let g = LayerGraph.lower(spec.config, spec.scenario(named: "prefill-512")!)
        let (t, h, kv, f, s) = (512.0, 4096.0, 1024.0, 14336.0, 512.0)
        let projections = 2 * t * (h * h + 2 * h * kv + h * h + 3 * h * f)
        let attention = 2 * 2 * 32 * s * s * 128
        let gemm = g.gemmShapes.reduce(0) { $0 + $1.flops }
        XCTAssertEqual(gemm, projections + attention, accuracy: 1)
        XCTAssertEqual(g.weightBytes, 4 * 218_103_808 + 4 * 8192, accuracy: 1)
        XCTAssertEqual(
            g.ops.map(\.name),
            [
                "attn_norm", "q_proj", "k_proj", "v_proj", "q_rope", "k_rope", "k_append", "v_append",
                "attn_scores", "attn_softmax", "attn_context", "o_proj", "attn_residual", "ffn_norm",
                "gate_proj", "up_proj", "ffn_act", "down_proj", "ffn_residual",
            ])
    }

    func testDecodeGroupsQueryHeadsPerKVHead() throws {
        let spec = try Repo.workload("llama-3-8b")
        let g = LayerGraph.lower(spec.config, spec.scenario(named: "decode-2k")!)
        let scores = g.gemmShapes.first { $0.n == 2049 }!
        XCTAssertEqual([scores.m, scores.n, scores.k, scores.count], [4, 2049, 128, 8])
        // Decode reads every weight once; activations are tiny next to them.
        XCTAssertEqual(g.totalCost.weightBytes, g.weightBytes, accuracy: 1)
    }

    func testMoEDecodeTouchesOnlyRoutedExperts() throws {
        let spec = try Repo.workload("mixtral-8x7b")
        let decode = LayerGraph.lower(spec.config, spec.scenario(named: "decode-2k")!)
        let prefill = LayerGraph.lower(spec.config, spec.scenario(named: "prefill-128")!)
        let expert = 3.0 * 4096 * 14336 * 4
        XCTAssertEqual(prefill.totalCost.weightBytes - decode.totalCost.weightBytes, 6 * expert, accuracy: 1)
        let experts = prefill.ops.first { $0.name == "experts" }!
        let (h, f): (Double, Double) = (4096, 14336)
        let perSlot: Double = 3 * 2 * h * f + 5 * f + 2 * h
        XCTAssertEqual(experts.cost.flops, 128 * 2 * perSlot, accuracy: 1)
    }

    func testPostNormEncoderStructure() throws {
        let spec = try Repo.workload("bert-base")
        let g = LayerGraph.lower(spec.config, spec.scenarios[0])
        XCTAssertEqual(Array(g.ops.map(\.name).suffix(4)), ["ffn_act", "down_proj", "ffn_residual", "ffn_norm"])
        XCTAssertEqual(g.ops.first?.name, "q_proj", "post-norm layers start with attention, not a norm")
        guard case .softmax(let sm) = g.ops.first(where: { $0.name == "attn_softmax" })!.kind else { return XCTFail() }
        XCTAssertFalse(sm.causal)
        XCTAssertEqual(g.values.first { $0.role == .output }?.name, LayerGraph.outputName)
    }

    func testEveryOpHasACostAndShapesAreConsistent() throws {
        for name in ["gpt2-small", "bert-base", "llama-3-8b", "mixtral-8x7b", "llama-3.3-70b"] {
            let spec = try Repo.workload(name)
            for s in spec.scenarios {
                let g = LayerGraph.lower(spec.config, s)
                let names = Set(g.values.map(\.name))
                XCTAssertEqual(names.count, g.values.count, "\(name)/\(s.name): value names are unique")
                for op in g.ops {
                    XCTAssertGreaterThan(op.cost.bytes, 0, "\(name)/\(s.name)/\(op.name)")
                }
                XCTAssertEqual(g.value(LayerGraph.inputName)?.shape, [s.tokens, spec.config.hidden])
            }
        }
    }
}
