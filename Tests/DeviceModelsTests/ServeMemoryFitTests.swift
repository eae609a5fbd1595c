import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import DeviceModels
@testable import Workload

/// Serving runs what fits: the scenario's batch is the offered concurrency, the model runs as many sequences as
/// the memory the engine uses holds beside the weights (paged KV: whole blocks), and reports the batch it ran.
final class ServeMemoryFitTests: XCTestCase {
    func spec(_ name: String) throws -> WorkloadSpec {
        try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: [name]).entries[0].workload
    }

    func predictor(_ device: String, _ p: Precision, chips: Int) throws -> ServePredictor {
        let catalog = try Repo.catalog()
        return ServePredictor(
            adapter: makeAdapter(for: try catalog.device(device), catalog: catalog),
            options: AdapterOptions(precision: p, chips: chips), batching: .continuous)
    }

    /// The fit computed here by hand from the published shapes: Llama 2 70B (80 layers, hidden 8192, FFN 28672,
    /// 8 KV heads of 128, vocabulary 32000) in fp8 on one 80 GB H100, served by TensorRT-LLM (the CUDA style's
    /// default engine: 0.9 of the memory the weights and activations leave, 64-token blocks) and by vLLM (0.9 of all
    /// the memory, 16-token blocks).
    func testTheBatchIsWhatFitsBesideTheWeights() throws {
        let w = try spec("llama-2-70b")
        let c = w.config, model = try XCTUnwrap(w.model)
        let layerParams = Double(c.parameterCount)
        let weights = (layerParams * 80 + Double(model.vocab * c.hidden) * (model.tiedEmbeddings ? 1 : 2)) * 1
        let activations = Double(2040 * (4 * 8192 + 2 * 28672)) * Precision.fp8e4m3.storage.bytes
        let tokens = 4096.0  // 2040 + 2040 = 4080, rounded up to 64 blocks of 64 or 256 blocks of 16
        let perSequence = tokens * 80 * 2 * 1024 * Precision.fp8e4m3.kvCache.bytes
        let expected = Int((0.9 * (80e9 - weights - activations) / perSequence).rounded(.down))
        XCTAssertGreaterThan(expected, 0)
        var vllm = try predictor("h100-sxm", .fp8e4m3, chips: 1).adapter
        vllm.engine = try XCTUnwrap(try Repo.catalog().engines[.vllm])
        XCTAssertEqual(
            ServePredictor(adapter: vllm, options: AdapterOptions(precision: .fp8e4m3, chips: 1))
                .sequencesThatFit(
                    w, model: model, chips: 1, ServeScenario(name: "s", batch: 64, inputLen: 2040, outputLen: 2040),
                    precision: .fp8e4m3),
            Int(((0.9 * 80e9 - weights - activations) / perSequence).rounded(.down)))
        let serve = try predictor("h100-sxm", .fp8e4m3, chips: 1)
        let offered = ServeScenario(name: "s", batch: 64, inputLen: 2040, outputLen: 2040)
        XCTAssertEqual(serve.sequencesThatFit(w, model: model, chips: 1, offered, precision: .fp8e4m3), expected)
        let p = try serve.predict(w, offered)
        XCTAssertEqual(p.batchOffered, 64)
        XCTAssertEqual(p.batchUsed, expected)
        XCTAssertTrue(p.fits)
        XCTAssertTrue(p.hazards.contains { $0.contains("only \(expected) of the 64 offered") }, "\(p.hazards)")
        let asIfRun = try serve.predict(w, ServeScenario(name: "s", batch: expected, inputLen: 2040, outputLen: 2040))
        XCTAssertEqual(p.tpotSeconds, asIfRun.tpotSeconds, "the prediction is the one of the batch that ran")
        let two = try predictor("h100-sxm", .fp8e4m3, chips: 2).predict(w, offered)
        XCTAssertEqual(two.batchUsed, 64, "two GPUs hold all 64")
    }

    func testWeightsThatLeaveNoRoomAreFlaggedAndStillPredicted() throws {
        let w = try spec("llama-3.3-70b")
        let p = try predictor("h100-sxm", .bf16, chips: 1).predict(
            w, ServeScenario(name: "s", batch: 8, inputLen: 128, outputLen: 128))
        XCTAssertFalse(p.fits)
        XCTAssertEqual(p.batchUsed, 1)
        XCTAssertTrue(p.tpotSeconds > 0 && p.tpotSeconds.isFinite)
        XCTAssertTrue(p.hazards.contains { $0.contains("no room") }, "\(p.hazards)")
    }

    /// Styles without a paged cache hold exactly their tokens and use their whole capacity.
    func testUnpagedStylesHoldExactTokens() throws {
        let w = try spec("llama-3-8b")
        let model = try XCTUnwrap(w.model)
        let serve = try predictor("tpu-v5e", .bf16, chips: 8)
        let s = ServeScenario(name: "s", batch: 4096, inputLen: 17, outputLen: 0 + 1)
        let c = w.config
        let weights = serve.memoryNeeded(w, model: model, batch: 0, tokens: 0, precision: .bf16)
        let activations = Double(17 * (4 * c.hidden + 2 * c.ffn)) * 2
        let perSequence = 18.0 * Double(model.layers * 2 * c.kvDim) * 2
        XCTAssertEqual(
            serve.sequencesThatFit(w, model: model, chips: 8, s, precision: .bf16),
            Int(min((8 * 16e9 - weights - activations) / perSequence, 65_536)))
    }
}
