import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import Measurement
@testable import Workload

/// `run --shard i/n`: the shards of a suite partition its cases, carry similar cost, and do not depend on the machine
/// or on the order the suite lists its entries.
final class ShardTests: XCTestCase {
    static func keys(_ s: Suite) -> [String] {
        s.entries.flatMap { e in e.scenarios.map { "\(e.workload.name)/\($0.name)" } }
    }
    static func cost(_ s: Suite) -> Double {
        s.entries.flatMap { e in e.scenarios.map { Suite.shardCost(LayerGraph.lower(e.workload.config, $0)) } }
            .reduce(0, +)
    }

    func testShardsPartitionEverySuiteAndAreBalanced() throws {
        let locator = SpecLocator(workloadsDirectory: Repo.workloads)
        for name in ["default", "nightly", "smoke"] {
            let suite = try locator.suite(for: [name])
            let all = Self.keys(suite)
            let largest = suite.entries.flatMap { e in
                e.scenarios.map { Suite.shardCost(LayerGraph.lower(e.workload.config, $0)) }
            }.max()!
            for n in 1...min(all.count, 8) {
                let parts = (1...n).map { suite.sharded(Shard(index: $0, count: n)) }
                let union = parts.flatMap(Self.keys)
                XCTAssertEqual(union.count, all.count, "\(name) \(n): a case in two shards")
                XCTAssertEqual(Set(union), Set(all), "\(name) \(n): not a partition")
                XCTAssertTrue(parts.allSatisfy { !Self.keys($0).isEmpty }, "\(name) \(n): an empty shard")
                // Greedy LPT: no shard exceeds the mean by more than the largest single case.
                let costs = parts.map(Self.cost)
                XCTAssertLessThanOrEqual(costs.max()!, Self.cost(suite) / Double(n) + largest + 1, "\(name) \(n)")
                XCTAssertEqual(Set(parts.flatMap(\.goals).map(\.scenario)), Set(suite.goals.map(\.scenario)))
            }
        }
    }

    func testAssignmentIsIndependentOfEntryOrder() throws {
        let suite = try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: ["default"])
        var reversed = suite
        reversed.entries = suite.entries.reversed().map {
            SuiteEntry(workload: $0.workload, scenarios: $0.scenarios.reversed())
        }
        for n in [2, 3] { XCTAssertEqual(suite.shardAssignment(count: n), reversed.shardAssignment(count: n)) }
    }

    /// Two adaptive shard runs of tiny-llama (fixed calibration, no bandwidth pass) merge into the whole suite.
    func testShardRunsRecordTheirShardAndMergeIntoTheWhole() throws {
        let suite = try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: ["tiny-llama"])
        let policy = RepetitionPolicy(warmup: 1, repetitions: 3, targetRelativeWidth: 0.5, maxRepetitions: 8)
        let docs = try (1...2).map { i -> (file: String, document: ResultDocument) in
            var options = RunOptions(policy: policy)
            options.remeasureBandwidth = false
            options.recheckCeilings = false
            options.shard = Shard(index: i, count: 2)
            let part = suite.sharded(options.shard!)
            let runner = SuiteRunner(suite: part, options: options)
            let calibration = Calibration(
                gemm: runner.graphs.flatMap(\.graph.gemmShapes).map { .init(shape: $0, seconds: 1e-6, gflops: 100) },
                memoryReadGigabytesPerSecond: 10, memoryReadMedianGigabytesPerSecond: 9, memoryBufferBytes: 0,
                repetitions: 1)
            let doc = try runner.run(calibration: calibration) { _ in }
            XCTAssertEqual(doc.shard, Shard(index: i, count: 2))
            for c in doc.cases {
                XCTAssertNotNil(c.stopReason)
                XCTAssertGreaterThanOrEqual(c.warmupCount ?? 0, 1)
                XCTAssertLessThanOrEqual(c.samplesNs.count, 8)
                XCTAssertNotNil(c.loadAverage)
            }
            return (file: "s\(i).json", document: doc)
        }
        let merged = try ResultDocument.merging(docs, runId: "m", created: "now")
        XCTAssertEqual(Set(merged.cases.map { "\($0.workload)/\($0.scenario)" }), Set(Self.keys(suite)))
        XCTAssertEqual(merged.mergedFrom, docs.map(\.document.runId))
        XCTAssertEqual(merged.cases.map(\.samplesNs), docs.flatMap(\.document.cases).map(\.samplesNs))
    }

    func testShardText() {
        XCTAssertEqual(Shard("2/4"), Shard(index: 2, count: 4))
        XCTAssertEqual(Shard("1/1"), Shard(index: 1, count: 1))
        for bad in ["0/4", "5/4", "1/0", "a/b", "2", "1/2/3", "-1/2", "1/1001", "/2", ""] {
            XCTAssertNil(Shard(bad), bad)
        }
    }
}
