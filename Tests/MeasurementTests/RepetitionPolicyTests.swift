import Foundation
import PortbenchSchema
import TestSupport
import Workload
import XCTest

@testable import Measurement

/// The repetition rule on a fake clock: each call of the body takes the next duration of a scripted sequence.
final class RepetitionPolicyTests: XCTestCase {
    /// A clock that only the body advances, by `durations` in turn (the last one repeats).
    final class FakeTimer {
        var now: UInt64 = 0
        var calls = 0
        let durations: (Int) -> UInt64
        init(_ durations: @escaping (Int) -> UInt64) { self.durations = durations }
        func body() {
            now += durations(calls)
            calls += 1
        }
        func run(_ policy: RepetitionPolicy) -> SamplingOutcome {
            policy.sample(clock: { self.now }, body)
        }
    }

    func testFixedPolicyIsTodaysCount() {
        let timer = FakeTimer { UInt64(1000 + $0) }
        let policy = RepetitionPolicy(warmup: 2, repetitions: 4)
        XCTAssertFalse(policy.isAdaptive)
        var seen: [Int] = []
        let out = policy.sample(clock: { timer.now }, timer.body) { rep, _ in seen.append(rep) }
        XCTAssertEqual(out, SamplingOutcome(samplesNs: [1002, 1003, 1004, 1005], warmupCount: 2, stopReason: .fixed))
        XCTAssertEqual(timer.calls, 6)
        XCTAssertEqual(seen, [1, 2, 3, 4])
        XCTAssertEqual(policy.repetitionCap, 4)
    }

    func testSteadyTimesConvergeAtTheFirstIntervalOfTheMedian() {
        let timer = FakeTimer { _ in 1_000_000 }
        let out = timer.run(RepetitionPolicy(warmup: 1, repetitions: 3, targetRelativeWidth: 0.02))
        XCTAssertEqual(out.stopReason, .converged)
        XCTAssertEqual(out.samplesNs.count, RepetitionPolicy.convergenceFloor)
        XCTAssertEqual(out.warmupCount, RepetitionPolicy.settleWindow)
        XCTAssertFalse(out.isNoisy)
    }

    func testConvergesOnceTheIntervalIsNarrowEnough() {
        // ±1% jitter: the order-statistic interval spans about 2% of the median and is under a 3% target.
        let timer = FakeTimer { UInt64(1_000_000 + ($0 % 3 - 1) * 10_000) }
        let out = timer.run(RepetitionPolicy(warmup: 3, repetitions: 5, targetRelativeWidth: 0.03))
        XCTAssertEqual(out.stopReason, .converged)
        XCTAssertLessThanOrEqual(RepetitionPolicy.relativeWidth(out.samplesNs), 0.03)
        // With a tighter target than the jitter allows, it runs to the cap and is flagged.
        let tight = FakeTimer { UInt64(1_000_000 + ($0 % 3 - 1) * 10_000) }
        let capped = tight.run(
            RepetitionPolicy(warmup: 3, repetitions: 5, targetRelativeWidth: 0.005, maxRepetitions: 40))
        XCTAssertEqual(capped.stopReason, .maxRepetitions)
        XCTAssertEqual(capped.samplesNs.count, 40)
        XCTAssertTrue(capped.isNoisy)
    }

    func testBudgetStopsANoisyCase() {
        // 1 ms and 2 ms alternate: never within 1%; a 20 ms budget holds about 13 timed runs.
        let timer = FakeTimer { $0 % 2 == 0 ? 1_000_000 : 2_000_000 }
        let out = timer.run(
            RepetitionPolicy(warmup: 0, repetitions: 5, targetRelativeWidth: 0.01, budgetSeconds: 0.02))
        XCTAssertEqual(out.stopReason, .budget)
        XCTAssertEqual(out.warmupCount, 0)
        XCTAssertTrue(out.isNoisy)
        XCTAssertEqual(out.samplesNs.reduce(0, +), 21_000_000)
    }

    func testMinimumRepetitionsAreNeverCutByConvergenceOrBudget() {
        let timer = FakeTimer { _ in 1_000_000 }
        let out = timer.run(
            RepetitionPolicy(
                warmup: 0, repetitions: 5, targetRelativeWidth: 0.5, budgetSeconds: 0.001, minRepetitions: 12))
        XCTAssertEqual(out.samplesNs.count, 12)
        XCTAssertEqual(out.stopReason, .converged)
    }

    func testWithoutATargetTheCapIsNotNoise() {
        let timer = FakeTimer { $0 % 2 == 0 ? 1_000_000 : 3_000_000 }
        let out = timer.run(RepetitionPolicy(warmup: 0, repetitions: 5, maxRepetitions: 9))
        XCTAssertEqual(out.stopReason, .maxRepetitions)
        XCTAssertEqual(out.samplesNs.count, 9)
        XCTAssertFalse(out.isNoisy)
        let budget = FakeTimer { _ in 1_000_000 }.run(
            RepetitionPolicy(warmup: 0, repetitions: 2, budgetSeconds: 0.0105))
        XCTAssertEqual(budget.stopReason, .budget)
        XCTAssertEqual(budget.samplesNs.count, 11)
        XCTAssertFalse(budget.isNoisy)
    }

    func testWarmUpContinuesUntilTheLastThreeSettle() {
        // A cold start that falls to a steady 1 ms: 5, 3, 2, 1.2, then 1.0 (the last three within 5% after run 7).
        let cold: [UInt64] = [5_000_000, 3_000_000, 2_000_000, 1_200_000, 1_000_000, 1_010_000, 1_000_000]
        let timer = FakeTimer { $0 < cold.count ? cold[$0] : 1_000_000 }
        let out = timer.run(RepetitionPolicy(warmup: 2, repetitions: 5, targetRelativeWidth: 0.02))
        XCTAssertEqual(out.warmupCount, 7)
        XCTAssertEqual(out.samplesNs.first, 1_000_000)
    }

    func testWarmUpIsCappedInRunsAndInBudget() {
        let never = FakeTimer { UInt64(1_000_000 * ($0 % 2 + 1)) }
        let byCount = never.run(RepetitionPolicy(warmup: 2, repetitions: 5, targetRelativeWidth: 0.5))
        XCTAssertEqual(byCount.warmupCount, 2 + RepetitionPolicy.maxSettleRuns)
        // A 40 ms budget leaves 10 ms to settling: warm-up stops once that much has gone by.
        let byBudget = FakeTimer { UInt64(1_000_000 * ($0 % 2 + 1)) }.run(
            RepetitionPolicy(warmup: 2, repetitions: 5, targetRelativeWidth: 0.5, budgetSeconds: 0.04))
        XCTAssertEqual(byBudget.warmupCount, 7)
    }

    func testCapAndFloorDefaults() {
        XCTAssertEqual(RepetitionPolicy(repetitions: 5, targetRelativeWidth: 0.02).repetitionFloor, 5)
        XCTAssertEqual(RepetitionPolicy(repetitions: 5, targetRelativeWidth: 0.02).repetitionCap, 100)
        XCTAssertEqual(RepetitionPolicy(repetitions: 5, maxRepetitions: 3).repetitionFloor, 3)
        XCTAssertEqual(RepetitionPolicy(repetitions: 5, minRepetitions: 300).repetitionCap, 300)
    }

    func testNoisyCasesAreFlaggedAndKeepTheirStopReason() throws {
        let sampling = SamplingOutcome(samplesNs: [1, 2, 3], warmupCount: 4, stopReason: .budget, isNoisy: true)
        let spec = try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: ["tiny-llama"]).entries[0].workload
        let graph = LayerGraph.lower(spec.config, spec.scenarios[0])
        let calibration = Calibration(
            gemm: graph.gemmShapes.map { .init(shape: $0, seconds: $0.flops / 100e9, gflops: 100) },
            memoryReadGigabytesPerSecond: 10, memoryReadMedianGigabytesPerSecond: 9, memoryBufferBytes: 0,
            repetitions: 1)
        let result = CaseResult.make(
            graph: graph, workload: spec.name, backend: .cpuReference, samplesNs: sampling.samplesNs,
            weights: "seeded", calibration: calibration, ops: nil, details: nil, sampling: sampling)
        XCTAssertTrue(result.flagged(.noisy))
        XCTAssertEqual(result.stopReason, .budget)
        XCTAssertEqual(result.warmupCount, 4)
        let json = String(decoding: try JSONCoding.encoder().encode(result), as: UTF8.self)
        XCTAssertTrue(json.contains("\"stop_reason\" : \"budget\""), json)
        XCTAssertTrue(json.contains("\"noisy\""), json)
    }
}
