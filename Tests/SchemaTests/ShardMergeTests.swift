import Foundation
import PortbenchSchema
import XCTest

/// `portbench merge`: shard documents join into one with every sample, and shards of different runs are refused.
final class ShardMergeTests: XCTestCase {
    /// The v1 run fixture cut in two shards by scenario (prefill in 1/2, decode in 2/2).
    static func shards() throws -> [(file: String, document: ResultDocument)] {
        let whole = try ResultDocument.read(from: SchemaTests.fixtures.appendingPathComponent("v1-run.json"))
        return (1...2).map { i in
            var d = whole
            d.runId = "run-\(i)"
            d.shard = Shard(index: i, count: 2)
            d.cases = whole.cases.filter { $0.scenario.hasPrefix(i == 1 ? "prefill" : "decode") }
            d.goals = whole.goals.filter { $0.scenario.hasPrefix(i == 1 ? "prefill" : "decode") }
            return (file: "s\(i).json", document: d)
        }
    }

    func merge(_ shards: [(file: String, document: ResultDocument)]) throws -> ResultDocument {
        try ResultDocument.merging(shards, runId: "merged", created: "2026-01-01T00:00:00Z")
    }

    func testMergeKeepsEveryCaseAndSampleAndRecordsItsShards() throws {
        let shards = try Self.shards()
        let whole = try ResultDocument.read(from: SchemaTests.fixtures.appendingPathComponent("v1-run.json"))
        let merged = try merge(shards.reversed())
        XCTAssertEqual(merged.runId, "merged")
        XCTAssertEqual(merged.mergedFrom, ["run-1", "run-2"])
        XCTAssertNil(merged.shard)
        XCTAssertEqual(Set(merged.cases.map(\.samplesNs)), Set(whole.cases.map(\.samplesNs)))
        XCTAssertEqual(merged.cases.count, whole.cases.count)
        XCTAssertEqual(merged.machine, whole.machine)
        XCTAssertEqual(merged.calibration, whole.calibration)
        let again = try JSONCoding.decoder().decode(
            ResultDocument.self, from: JSONCoding.encoder().encode(merged))
        XCTAssertEqual(again, merged)
        let json = String(decoding: try JSONCoding.encoder().encode(shards[0].document), as: UTF8.self)
        XCTAssertTrue(json.contains("\"shard\" : {"), json)
    }

    /// The suite's minimum effect and the device models' inputs survive a merge, each device once.
    func testMergeKeepsMinimumEffectAndModelInputs() throws {
        var shards = try Self.shards()
        let h100 = ModelledDevice(name: "h100-sxm", style: ExecutionStyle(rawValue: "cuda"), inputs: ["x": 1])
        let v5e = ModelledDevice(name: "tpu-v5e", style: ExecutionStyle(rawValue: "xla"), inputs: ["y": 2])
        for i in shards.indices {
            shards[i].document.minimumEffect = 0.05
            shards[i].document.modelledDevices = [h100, v5e]
        }
        let merged = try merge(shards)
        XCTAssertEqual(merged.minimumEffect, 0.05)
        XCTAssertEqual(merged.modelledDevices, [h100, v5e])
    }

    func testRefusals() throws {
        func refused(
            _ why: String, _ edit: (inout [(file: String, document: ResultDocument)]) -> Void, file: String,
            field: String
        ) throws {
            var shards = try Self.shards()
            edit(&shards)
            XCTAssertThrowsError(try merge(shards), why) { error in
                guard let e = error as? ShardMergeError else { return XCTFail("\(why): \(error)") }
                XCTAssertEqual(e.file, file, why)
                XCTAssertEqual(e.field, field, why)
                XCTAssertTrue(e.description.hasPrefix("\(file): \(field): "), e.description)
            }
        }
        try refused(
            "other commit", { $0[1].document.machine.gitCommit = "0000" }, file: "s2.json",
            field: "machine.git_commit")
        try refused("other suite", { $0[1].document.suite = "nightly" }, file: "s2.json", field: "suite")
        try refused(
            "other machine", { $0[1].document.machine.cpuModel = "Other" }, file: "s2.json",
            field: "machine.cpu_model")
        try refused(
            "other threads", { $0[1].document.machine.openblas.threads = 64 }, file: "s2.json",
            field: "machine.openblas.threads")
        try refused("other policy", { $0[1].document.policy.repetitions = 9 }, file: "s2.json", field: "policy")
        try refused("other seed", { $0[1].document.seed = 7 }, file: "s2.json", field: "seed")
        try refused(
            "index twice", { $0[1].document.shard = Shard(index: 1, count: 2) }, file: "s2.json",
            field: "shard.index")
        try refused(
            "other count", { $0[1].document.shard = Shard(index: 2, count: 3) }, file: "s2.json",
            field: "shard.count")
        try refused(
            "case twice", { $0[1].document.cases.append($0[0].document.cases[0]) }, file: "s2.json",
            field: "cases")
        try refused("missing shard", { $0.removeLast() }, file: "s1.json", field: "shard.count")
        try refused("not a shard", { $0[0].document.shard = nil }, file: "s1.json", field: "shard")
    }
}
