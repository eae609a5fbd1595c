import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

@testable import Workload
@testable import XLABackend

/// Crashes stay in the worker; repeated executions do not leak.
final class IsolationTests: XCTestCase {
    /// A fake plugin whose GetPjrtApi aborts.
    func abortingPlugin() throws -> String {
        try Plugin.fake("abort", source: "#include <stdlib.h>\nvoid *GetPjrtApi(void) { abort(); }\n")
    }

    func request(plugin: String) -> XLAWorkerRequest {
        XLAWorkerRequest(
            workloadFile: Repo.workloads.appendingPathComponent("tiny-llama.yaml").path, scenario: "prefill-7",
            precision: "fp32", seed: 1, warmup: 1, repetitions: 3, pluginPath: plugin, weightsFile: nil, layerIndex: 0,
            weightPrefix: "", inputFile: nil)
    }

    func testAnAbortingPluginFailsOnlyTheWorker() throws {
        let healthy = try Plugin.required()
        let plugin = try abortingPlugin()
        XCTAssertThrowsError(try XLAWorkerProcess.run(request(plugin: plugin), executable: Binary.url)) { e in
            XCTAssertTrue("\(e)".contains("the PJRT plugin crashed: the XLA worker was killed by signal 6"), "\(e)")
        }
        // The same parent then runs a healthy case.
        let ok = try XLAWorkerProcess.run(request(plugin: healthy), executable: Binary.url)
        XCTAssertEqual(ok.samplesNs.count, 3)
        XCTAssertLessThan(ok.relativeL2, 1e-5)
        XCTAssertGreaterThan(ok.compileSeconds, 0)
    }

    /// NaN in the input is bad data: the worker says so, and does not blame the plugin or crash on encoding.
    func testNonFiniteInputIsRejectedAsBadData() throws {
        let healthy = try Plugin.required()
        let dir = try makeTemporaryDirectory("pb-nan")
        let x = Tensor(shape: [14, 32])
        x.data[33] = .nan
        let file = dir.appendingPathComponent("x.npy")
        try NPY.write(x, to: file)
        var r = request(plugin: healthy)
        r.inputFile = file.path
        XCTAssertThrowsError(try XLAWorkerProcess.run(r, executable: Binary.url)) { e in
            XCTAssertTrue("\(e)".contains("rejected the request (bad data, not the plugin)"), "\(e)")
            XCTAssertTrue("\(e)".contains("tensor 'input' holds nan at index [1, 1]"), "\(e)")
        }
    }

    func testThousandsOfExecutionsDoNotLeak() throws {
        let client = try PJRTClient(pluginPath: try Plugin.required())
        let w = try Repo.workload("tiny-llama")
        let graph = LayerGraph.lower(w.config, w.scenarios[0])
        let weights = WeightStore.seeded(for: graph.weights, seed: 1)
        let exec = try LayerExecutor(graph: graph, weights: weights)
        let runner = try XLALayerRunner(client: client, graph: graph, precision: .fp32, weights: weights) {
            exec.tensor($0)
        }
        func rss() -> Int {
            let fields = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ") ?? []
            return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * 4096
        }
        for _ in 0..<300 { _ = try runner.output() }
        let before = rss()
        for _ in 0..<3000 { _ = try runner.output() }
        let grown = rss() - before
        // 3,000 executions each allocate an output buffer and events: a leak of even 1 KB each would show as 3 MB.
        XCTAssertLessThan(grown, 2 << 20, "RSS grew by \(grown) bytes over 3,000 executions")
    }
}
