import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

@testable import DeviceModels
@testable import Workload

extension Repo {
    /// The shipped device profiles in `Devices/`.
    static func catalog() throws -> DeviceCatalog {
        try DeviceCatalog.load(directory: root.appendingPathComponent("Devices"))
    }
}

final class DeviceProfileTests: XCTestCase {
    func testEveryShippedDeviceLoadsWithCitedFigures() throws {
        let c = try Repo.catalog()
        XCTAssertEqual(
            Set(c.devices.map(\.name)),
            [
                "a100-80gb", "h100-sxm", "h200", "b200", "gb200", "mi300x", "tpu-v4", "tpu-v5e", "tpu-v5p",
                "tpu-v6e", "tpu-v7", "groq-lpu",
            ])
        for d in c.devices {
            let ids = Set(d.citations.map(\.id))
            for f in d.figures { XCTAssertTrue(ids.contains(f.value.source), "\(d.name).\(f.field)") }
        }
        let h100 = try c.device("cuda:h100-sxm")
        XCTAssertEqual(h100.peak(.bf16), 989.4e12)
        XCTAssertEqual(h100.memoryGBps?.value, 3350)
        XCTAssertEqual(try c.device("tpu-v6e").matrixUnit.value, 256)
        XCTAssertEqual(try c.device("groq-lpu").sramMB.value, 230.7)
    }

    func testDeviceLookupErrors() throws {
        let c = try Repo.catalog()
        XCTAssertThrowsError(try c.device("h900")) { XCTAssertTrue("\($0)".contains("unknown device 'h900'"), "\($0)") }
        XCTAssertThrowsError(try c.device("xla:h100-sxm")) {
            XCTAssertTrue("\($0)".contains("runs in the cuda style"), "\($0)")
        }
    }

    func testMalformedProfilesNameFileAndField() throws {
        let dir = try makeTemporaryDirectory("pb-dev")
        let good = try String(contentsOf: Repo.root.appendingPathComponent("Devices/h100-sxm.yaml"), encoding: .utf8)
        func check(_ text: String, path: String, contains: String, file: StaticString = #filePath, line: UInt = #line)
            throws
        {
            let url = dir.appendingPathComponent("x.yaml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try DeviceProfile.load(url: url), file: file, line: line) { e in
                let s = e as? SpecError
                XCTAssertEqual(s?.file, url.path, file: file, line: line)
                XCTAssertEqual(s?.path, path, "\(e)", file: file, line: line)
                XCTAssertTrue(s?.message.contains(contains) ?? false, "\(e)", file: file, line: line)
            }
        }
        try check(
            good.replacingOccurrences(
                of: "memory_gbps: {value: 3350, source: spec}", with: "memory_gbps: {value: 3350}"),
            path: "memory_gbps.source", contains: "missing required key 'source'")
        try check(
            good.replacingOccurrences(
                of: "power_w: {value: 700, source: spec}", with: "power_w: {value: 700, source: blog}"),
            path: "power_w.source", contains: "source 'blog' is not listed")
        try check(
            good.replacingOccurrences(of: "style: cuda", with: "style: quantum"), path: "style",
            contains: "expected one of: cuda, xla, lpu")
        try check(
            good.replacingOccurrences(of: "memory_gbps: {value: 3350, source: spec}\n", with: ""), path: "",
            contains: "needs memory_gb and memory_gbps")
        try check(
            good.replacingOccurrences(of: "{value: 66.9,", with: "{value: fast,"), path: "peak_tflops.fp32.value",
            contains: "expected a number")
    }
}

final class AdapterTests: XCTestCase {
    func adapter(_ name: String) throws -> Adapter {
        let c = try Repo.catalog()
        return makeAdapter(for: try c.device(name), catalog: c)
    }

    func testCUDATileAndWaveQuantization() throws {
        let a = try adapter("h100-sxm") as! CUDAAdapter
        // 256×256 output = 4 tiles of 128×128 on 132 SMs: one wave in which every SM pays one tile's time.
        let g = GemmShape(m: 256, n: 256, k: 64, count: 1, transposeB: true)
        XCTAssertEqual(a.quantizedFlops(g), 132 * 2 * 128 * 128 * 64)
        // 133 tiles need two waves.
        let big = GemmShape(m: 128, n: 128 * 133, k: 64, count: 1, transposeB: true)
        XCTAssertEqual(a.quantizedFlops(big), 2 * 132 * 2 * 128 * 128 * 64)
        // A single row uses a 16-row tile.
        XCTAssertEqual(
            a.quantizedFlops(GemmShape(m: 1, n: 128, k: 64, count: 1, transposeB: true)), 132 * 2 * 16 * 128 * 64)
    }

    func testCUDAFusedAttentionKeepsScoresOffHBM() throws {
        let a = try adapter("h100-sxm")
        let w = try Repo.workload("llama-3-8b")
        let g = LayerGraph.lower(w.config, w.scenario(named: "prefill-512")!)
        let fused = a.lower(g, options: AdapterOptions(fusedAttention: true))
        let eager = a.lower(g, options: AdapterOptions(fusedAttention: false, graphCapture: false))
        XCTAssertEqual(fused.kernels.count, g.ops.count - 2)
        let scoreBytes = 2.0 * 2 * Double(32 * 512 * 512) * 2  // scores and probs, written and read, bf16
        XCTAssertGreaterThan(eager.bytes - fused.bytes, scoreBytes * 0.9)
        XCTAssertGreaterThan(eager.seconds, fused.seconds)
        XCTAssertEqual(eager.launches - fused.launches, 32 + 32 + 1 - 1)
    }

    func testDecodeIsMemoryBoundAtTheBandwidthRoofline() throws {
        let a = try adapter("h100-sxm")
        let w = try Repo.workload("llama-3-8b")
        let g = LayerGraph.lower(w.config, w.scenario(named: "decode-2k")!)
        let plan = a.lower(g, options: AdapterOptions(precision: .bf16))
        let weightSeconds = g.weightBytes / 2 / (3350e9 * 0.92)
        XCTAssertGreaterThan(plan.seconds, weightSeconds)
        // Weights are at least two thirds of the step; the rest is the fitted per-kernel launch cost of a captured
        // graph (graph_launch_overhead_us, about 3 µs over ~15 kernels per layer).
        XCTAssertLessThan(plan.seconds, weightSeconds * 1.5, "weights dominate a batch-1 decode step")
    }

    func testXLAPadsToTheMatrixUnitAndFusesElementwiseOps() throws {
        let v6 = try adapter("tpu-v6e") as! XLAAdapter, v5 = try adapter("tpu-v5e") as! XLAAdapter
        let w = try Repo.workload("llama-3-8b")
        let g = LayerGraph.lower(w.config, w.scenario(named: "prefill-128")!)
        // head_dim 128 pads to 256 on v6e's 256-wide MXU, not on v5e's 128-wide one.
        let scores = g.ops.first { $0.name == "attn_scores" }!
        XCTAssertEqual(v6.paddedGemmFlops(scores), 2 * 2 * Double(32 * 128 * 128 * 256))
        XCTAssertEqual(v5.paddedGemmFlops(scores), scores.cost.flops)
        let groups = v6.fuse(g).map { $0.map { g.ops[$0].name } }
        XCTAssertEqual(groups.first, ["attn_norm"])
        XCTAssertTrue(groups.contains(["q_proj", "q_rope"]))
        XCTAssertTrue(groups.contains(["o_proj", "attn_residual", "ffn_norm"]))
        XCTAssertTrue(groups.contains(["down_proj", "ffn_residual"]))
        let plan = v6.lower(g, options: AdapterOptions())
        XCTAssertGreaterThan(plan.bytesSavedByFusion, 0)
        XCTAssertEqual(plan.kernels.count, groups.count)
    }

    func testXLAPrecisionHazards() throws {
        let v6 = try adapter("tpu-v6e")
        let (p, hazard) = v6.effectivePrecision(.fp32)
        XCTAssertEqual(p, .bf16)
        XCTAssertTrue(hazard?.contains("Precision.DEFAULT") ?? false)
        XCTAssertEqual(try adapter("tpu-v5e").effectivePrecision(.fp16).0, .bf16)
    }

    func testLPUChipCountFollowsSRAM() throws {
        let lpu = try adapter("groq-lpu") as! LPUAdapter
        let w = try Repo.workload("llama-2-70b")
        let s = ServeScenario(name: "s", batch: 1, inputLen: 512, outputLen: 16)
        let p = try ServePredictor(adapter: lpu, options: AdapterOptions(precision: .fp16)).predict(w, s)
        let need = p.memoryNeededGB * 1e9
        XCTAssertEqual(p.chips, Int((need / (230.7e6 * 0.9)).rounded(.up)))
        XCTAssertGreaterThan(p.chips, 600, "70B parameters at 2 bytes need over 600 chips of 230 MB")
        XCTAssertTrue(p.fits)
    }

    func testServeChipsAreTheSmallestPowerOfTwoThatFits() throws {
        let h100 = try adapter("h100-sxm")
        let w = try Repo.workload("llama-2-70b")
        let p = try ServePredictor(adapter: h100, options: AdapterOptions(precision: .bf16)).predict(
            w, ServeScenario(name: "s", batch: 1, inputLen: 128, outputLen: 8))
        XCTAssertEqual(p.chips, 2, "~138 GB of bf16 weights: two 80 GB GPUs")
        XCTAssertEqual(p.provenance, .modelled)
        XCTAssertLessThan(p.ttftSeconds, p.totalSeconds)
    }

    func testShardingSplitsHeadsAndFFN() throws {
        let c = try Repo.workload("llama-2-70b").config.shard(4)
        XCTAssertEqual([c.heads, c.kvHeads, c.ffn], [16, 2, 7168])
        let many = try Repo.workload("llama-2-70b").config.shard(16)
        XCTAssertEqual([many.heads, many.kvHeads], [4, 1], "KV heads replicate when chips outnumber them")
    }
}

final class VarianceAndNumericsTests: XCTestCase {
    func testBucketingReducesCompiledShapes() throws {
        let c = try Repo.catalog()
        let xla = makeAdapter(for: try c.device("tpu-v6e"), catalog: c)
        let w = try Repo.workload("llama-3-8b")
        let s = w.scenario(named: "prefill-512")!  // lengths 96, 300, 512
        let bucketed = LengthVariance.predict(w.config, s, adapter: xla, options: AdapterOptions(bucketing: true))
        let exact = LengthVariance.predict(w.config, s, adapter: xla, options: AdapterOptions(bucketing: false))
        XCTAssertEqual(bucketed.distinctShapes, 2)
        XCTAssertEqual(exact.distinctShapes, 3)
        XCTAssertEqual(exact.recompilationsPer1000, 3, accuracy: 1e-6, "every shape is seen within 1,000 requests")
        XCTAssertGreaterThanOrEqual(bucketed.p50, exact.p50, "padding 300 to 512 costs latency")
        XCTAssertEqual(bucketed.p99WithCompiles, bucketed.p99, "2 compiles in 1,000 requests stay below the 1% tail")
        let short = LengthVariance.predict(
            w.config, s, adapter: xla, options: AdapterOptions(bucketing: true), requests: 50)
        XCTAssertGreaterThan(
            short.p99WithCompiles, short.p99 + 1, "in 50 requests 4% of them compile, which reaches p99")
    }

    func testLPUAndFixedLengthsHaveNoSpread() throws {
        let c = try Repo.catalog()
        let w = try Repo.workload("llama-3-8b")
        let lpu = makeAdapter(for: try c.device("groq-lpu"), catalog: c)
        let d = LengthVariance.predict(
            w.config, w.scenario(named: "decode-2k")!, adapter: lpu, options: AdapterOptions(precision: .fp16))
        XCTAssertEqual(d.cv, 0)
        XCTAssertEqual(d.p50, d.p99)
        XCTAssertEqual(d.recompilationsPer1000, 0)
    }

    func testDriftGrowsAsPrecisionShrinks() throws {
        let w = try Repo.workload("tiny-llama")
        let g = LayerGraph.lower(w.config, w.scenarios[0])
        let weights = WeightStore.seeded(for: g.weights, seed: 3)
        let d = try [Precision.fp32, .tf32, .fp16, .bf16, .fp8e4m3].map {
            try NumericsEmulation.drift(graph: g, weights: weights, seed: 3, precision: $0).relativeL2
        }
        XCTAssertEqual(d[0], 0, "fp32 emulation is the reference itself")
        XCTAssertTrue(d[1] > 0 && d[1] < d[2] && d[2] < d[3] && d[3] < d[4], "\(d)")
        XCTAssertLessThan(d[3], 0.02, "bf16 stays within a couple of percent on a normalised layer")
        let fp8 = try NumericsEmulation.drift(graph: g, weights: weights, seed: 3, precision: .fp8e4m3)
        XCTAssertGreaterThan(fp8.cosineSimilarity, 0.99)
        XCTAssertLessThan(fp8.cosineSimilarity, 1)
    }

    func testPublishedTableValidates() throws {
        let t = try ValidationTable.load(url: Repo.root.appendingPathComponent("Validation/published.yaml"))
        let c = try Repo.catalog()
        let outcomes = try t.validate(catalog: c) { try Repo.workload($0) }
        XCTAssertEqual(outcomes.count, t.rows.count)
        let mape = ValidationTable.mape(outcomes)
        XCTAssertEqual(Set(mape.keys), [.cuda, .xla, .lpu])
        // A ratchet, not the goal: issue 13 asks for <= 15% per style (and <= 20% leaving each source out), which
        // the models do not reach yet. Each style's MAPE must not get worse than the figure the last model change
        // reached on this table (validate-models); lower these figures whenever a change improves them.
        let reached: [ExecutionStyle: Double] = [.cuda: 19.8, .xla: 81.5, .lpu: 24.8]
        for (style, m) in mape { XCTAssertLessThanOrEqual(m, reached[style]! + 0.05, "\(style) MAPE \(m)%") }
        // Issue 13's goal: wherever the table lets two devices be compared per chip, the model orders them as published.
        let ranking = ValidationTable.ranking(outcomes)
        XCTAssertGreaterThanOrEqual(ranking.count, 7)
        XCTAssertEqual(ranking.filter { !$0.agrees }.map { "\($0.faster) > \($0.slower)" }, [])
    }

    func testMigrationReportsHazardsAndRatios() throws {
        let c = try Repo.catalog()
        let w = try Repo.workload("tiny-llama")
        let r = try MigrationReport.make(
            workload: w, from: try c.device("h100-sxm"), to: try c.device("tpu-v6e"), catalog: c,
            options: AdapterOptions(precision: .fp32), numerics: true, seed: 1)
        XCTAssertEqual(r.rows.count, w.scenarios.count)
        let row = r.rows[0]
        XCTAssertEqual(row.from.precision, .fp32)
        XCTAssertEqual(row.to.precision, .bf16)
        XCTAssertEqual(row.from.numerics?.relativeL2, 0)
        XCTAssertGreaterThan(row.to.numerics?.relativeL2 ?? 0, 0)
        XCTAssertTrue(row.hazards.contains { $0.contains("precision changes: fp32") })
        XCTAssertEqual(
            row.throughputRatio, row.to.layer.tokensPerSecond / row.from.layer.tokensPerSecond, accuracy: 1e-12)
    }
}

final class ServeBatchingTests: XCTestCase {
    /// Continuous batching: a request's TTFT pays its own prefill (not the batch's), and TPOT carries the prefills
    /// admitted per step; one request alone is the same in both modes.
    func testContinuousBatchingChargesOwnPrefillAndAdmittedShare() throws {
        let c = try Repo.catalog()
        let w = try Repo.workload("llama-3-8b")
        let h100 = makeAdapter(for: try c.device("h100-sxm"), catalog: c)
        let options = AdapterOptions(precision: .bf16, chips: 1)
        let busy = ServeScenario(name: "b", batch: 64, inputLen: 512, outputLen: 128)
        let stat = try ServePredictor(adapter: h100, options: options, batching: .static).predict(w, busy)
        let cont = try ServePredictor(adapter: h100, options: options, batching: .continuous).predict(w, busy)
        XCTAssertLessThan(cont.ttftSeconds, stat.ttftSeconds / 4, "one prompt's prefill, not 64")
        XCTAssertGreaterThan(cont.tpotSeconds, stat.tpotSeconds, "decode steps also run admitted prefills")
        XCTAssertEqual(
            cont.outputTokensPerSecond, stat.outputTokensPerSecond, accuracy: 0.2 * stat.outputTokensPerSecond)
        let alone = ServeScenario(name: "a", batch: 1, inputLen: 512, outputLen: 128)
        let s1 = try ServePredictor(adapter: h100, options: options, batching: .static).predict(w, alone)
        let c1 = try ServePredictor(adapter: h100, options: options, batching: .continuous).predict(w, alone)
        XCTAssertEqual(s1.ttftSeconds, c1.ttftSeconds, accuracy: 1e-12)
        XCTAssertEqual(s1.tpotSeconds, c1.tpotSeconds, accuracy: 1e-12)
    }
}

final class ServeVarianceTests: XCTestCase {
    func testTTFTSpreadFollowsInputLengthsAndBuckets() throws {
        let c = try Repo.catalog()
        let w = try Repo.workload("llama-3-8b")
        let s = w.serve.first { $0.name == "chat-b32" }!  // input lengths 256, 1024, 3000
        let tpu = makeAdapter(for: try c.device("tpu-v6e"), catalog: c)
        let bucketed = try ServePredictor(adapter: tpu, options: AdapterOptions(bucketing: true)).predict(w, s)
        let exact = try ServePredictor(adapter: tpu, options: AdapterOptions(bucketing: false)).predict(w, s)
        XCTAssertLessThan(bucketed.ttftP50Seconds!, bucketed.ttftP99Seconds!)
        XCTAssertGreaterThan(bucketed.ttftP99Seconds!, exact.ttftP99Seconds!, "3000 tokens padded to 4096 cost more")
        XCTAssertEqual(
            bucketed.ttftP50Seconds!, exact.ttftP50Seconds!, accuracy: 1e-12, "1024 is already a power of two")
        let fixed = try ServePredictor(adapter: tpu, options: AdapterOptions()).predict(w, w.serve[0])
        XCTAssertNil(fixed.ttftP50Seconds)
    }
}
