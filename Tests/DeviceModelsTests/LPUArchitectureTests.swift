import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import DeviceModels
@testable import Workload

/// The LPU model from its architecture: deployment, collectives and the per-token time, each checked against the
/// same arithmetic done by hand from the profile's cited figures.
final class LPUArchitectureTests: XCTestCase {
    func lpu() throws -> LPUAdapter {
        let c = try Repo.catalog()
        return try XCTUnwrap(makeAdapter(for: try c.device("groq-lpu"), catalog: c) as? LPUAdapter)
    }

    func testOneStagePerLayerAtMostAndEveryChipUsed() throws {
        let a = try lpu()
        let capacity = a.capacityPerChip
        // Llama 2 70B at 8 bits: a layer needs 4.2 chips of SRAM, so 576 chips give 80 stages of 7 chips.
        let big = a.parallelism(chips: 576, layerBytes: 4.2 * capacity, layers: 80)
        XCTAssertEqual(big.pipelineStages, 80)
        XCTAssertEqual(big.tensorParallel, 7)
        // A layer that fits one chip, as many chips as layers: one layer per chip.
        let small = a.parallelism(chips: 32, layerBytes: 0.9 * capacity, layers: 32)
        XCTAssertEqual(small.pipelineStages, 32)
        XCTAssertEqual(small.tensorParallel, 1)
        // Room for one stage only: it takes every chip.
        let tight = a.parallelism(chips: 16, layerBytes: 8.5 * capacity, layers: 32)
        XCTAssertEqual(tight.tensorParallel, 16)
        XCTAssertEqual(tight.pipelineStages, 1)
        // Too few chips to hold one layer: still as many as a layer needs.
        XCTAssertEqual(a.parallelism(chips: 4, layerBytes: 8.5 * capacity, layers: 32).tensorParallel, 9)
    }

    func testAllReduceIsLatencyBoundPerTokenAndBandwidthBoundForPrompts() throws {
        let a = try lpu()
        let latency = a.parameters.chipToChipLatencyMicroseconds.value * 1e-6
        // 480 GB/s over 16 links, each way: 15 GB/s per link.
        let link = 480e9 / 16 / 2
        XCTAssertEqual(a.linkBytesPerSecond, link, accuracy: 1)
        let token = 8192.0 * 2
        // Inside a node of 8 fully connected chips: two hops, each chip's 7/8 of the message twice over 7 links.
        let expected = 2 * latency + 2 * 7.0 / 8 * token / (link * 7)
        XCTAssertEqual(a.allReduceSeconds(bytes: token, chips: 8), expected, accuracy: 1e-12)
        let ring = ringAllReduceSeconds(bytes: token, chips: 8, linkGBps: 480, latencySeconds: latency)
        XCTAssertLessThan(a.allReduceSeconds(bytes: token, chips: 8), ring / 6, "2 hops, not a ring's 14")
        // Beyond a node: two more hops over the global links, the bytes over all 16 links at most.
        let wide = 4 * latency + 2 * 15.0 / 16 * token / (link * 15)
        XCTAssertEqual(a.allReduceSeconds(bytes: token, chips: 16), wide, accuracy: 1e-12)
        let prompt = 550 * token
        XCTAssertGreaterThan(2 * 7.0 / 8 * prompt / (link * 7), 10 * 2 * latency, "a prompt is bandwidth-bound")
        XCTAssertEqual(a.allReduceSeconds(bytes: prompt, chips: 1), 0)
    }

    func testDecodeTokenTimeIsTheSumOverLayersOfWeightsLinksAndScheduleOverhead() throws {
        let a = try lpu()
        let w = try Repo.workload("llama-2-7b")
        let model = try XCTUnwrap(w.model)
        let predictor = ServePredictor(adapter: a, options: AdapterOptions(precision: .fp8e4m3, chips: 32))
        let s = ServeScenario(name: "t", batch: 1, inputLen: 128, outputLen: 2)
        let p = try predictor.predict(w, s)
        // A layer with its share of embeddings and KV cache needs a little more than one chip's usable SRAM.
        XCTAssertEqual(p.tensorParallel, 2)
        XCTAssertEqual(p.pipelineStages, 16)
        // By hand: per layer, half the 8-bit weights streamed from SRAM at 80 TB/s on each chip, two all-reduces of
        // one hidden vector (fp16) between the pair (two hops each), the fixed schedule overhead; per token, 15 hops
        // of that vector between stages.
        let sram = a.device.sramGBps!.value * 1e9
        let weights = Double(w.config.parameterCount) / 2 / sram
        let overhead = a.parameters.layerOverheadMicroseconds.value * 1e-6
        let vector = Double(w.config.hidden) * 2
        let hop = vector / a.linkBytesPerSecond + a.linkLatencySeconds
        let allReduce = 2 * a.linkLatencySeconds + vector / 2 / a.linkBytesPerSecond
        let byHand = Double(model.layers) * (weights + 2 * allReduce + overhead) + 15 * hop
        XCTAssertEqual(p.decodeStepSeconds!, byHand, accuracy: byHand * 0.05)
        XCTAssertGreaterThan(p.decodeStepSeconds!, byHand)
    }
}
