import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

@testable import Measurement
@testable import Workload

final class RunTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-run") }

    var locator: SpecLocator { SpecLocator(workloadsDirectory: Repo.workloads) }

    /// A tiny calibration so tests do not stream a gigabyte: every shape at 100 GFLOP/s, memory at 10 GB/s, peak 200.
    func fixedCalibration(_ shapes: [GemmShape]) -> Calibration {
        Calibration(
            gemm: shapes.map { .init(shape: $0, seconds: $0.flops / 100e9, gflops: 100) },
            memoryReadGigabytesPerSecond: 10, memoryReadMedianGigabytesPerSecond: 9, memoryBufferBytes: 0,
            repetitions: 1, peakFlops: [.init(isa: .avx2, gflops: 200, threads: 2)])
    }

    func testSmokeSuiteProducesCompleteDocument() throws {
        let suite = try locator.suite(for: ["smoke"])
        var options = RunOptions(
            policy: RepetitionPolicy(warmup: 1, repetitions: 3), perOp: true,
            dumpOutputs: try OutputFolder.check(dir.appendingPathComponent("dump").path, role: "test"))
        options.remeasureBandwidth = false
        options.recheckCeilings = false
        let runner = SuiteRunner(suite: suite, options: options)
        var events = 0
        let doc = try runner.run(calibration: fixedCalibration(runner.graphs.flatMap(\.graph.gemmShapes))) { _ in
            events += 1
        }
        XCTAssertEqual(doc.cases.count, 7)
        XCTAssertGreaterThan(events, 7 * 3)
        for c in doc.cases {
            XCTAssertEqual(c.samplesNs.count, 3)
            XCTAssertEqual(c.provenance, .measured)
            XCTAssertEqual(Set(c.metrics.keys), Set(Metric.allCases.map(\.rawValue)))
            XCTAssertEqual(
                c.ops?.count,
                LayerGraph.lower(
                    try locator.suite(for: [c.workload]).entries[0].workload.config,
                    try XCTUnwrap(
                        suite.entries.first { $0.workload.name == c.workload }?.workload.scenario(named: c.scenario))
                ).ops.count)
            XCTAssertEqual(c.stats.median, SampleStatistics(c.samplesNs.map { Double($0) * 1e-9 }).median)
        }
        let out = try NPY.read(path: dir.appendingPathComponent("dump/tiny-llama/prefill-7/output.npy").path)
        XCTAssertEqual(out.shape, [14, 32])

        let url = dir.appendingPathComponent("r/result.json")
        try doc.write(to: OutputFile.check(url.path, role: "test"))
        XCTAssertEqual(try ResultDocument.read(from: url), doc)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        XCTAssertEqual(leftovers, ["result.json"], "no temporary file is left behind")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        XCTAssertEqual(json["schema_version"] as? Int, 1)
        XCTAssertNotNil((json["machine"] as? [String: Any])?["openblas_environment"])
    }

    func testInputShapeMismatchFailsBeforeAnyWork() throws {
        let suite = try locator.suite(for: ["tiny-llama"])
        let bad = dir.appendingPathComponent("x.npy")
        try NPY.write(Tensor(shape: [3, 32]), to: bad)
        let runner = SuiteRunner(suite: suite, options: RunOptions(policy: RepetitionPolicy(), inputFile: bad.path))
        var events = 0
        XCTAssertThrowsError(try runner.run(calibration: fixedCalibration([])) { _ in events += 1 }) { e in
            XCTAssertTrue("\(e)".contains("shape [3, 32] does not fit tiny-llama/prefill-7; expected [14, 32]"), "\(e)")
        }
        XCTAssertEqual(events, 0)
    }

    func testWrongSchemaIsRejected() throws {
        let url = dir.appendingPathComponent("other.json")
        try Data("{\"schema\": \"x\"}".utf8).write(to: url)
        XCTAssertThrowsError(try ResultDocument.read(from: url))
    }

    func testCeilingIsTheSlowerOfComputeAndMemory() throws {
        let spec = try locator.suite(for: ["llama-3-8b"]).entries[0].workload
        let prefill = LayerGraph.lower(spec.config, spec.scenario(named: "prefill-512")!)
        let decode = LayerGraph.lower(spec.config, spec.scenario(named: "decode-2k")!)
        let cal = fixedCalibration(prefill.gemmShapes + decode.gemmShapes)
        let p = Ceiling(graph: prefill, calibration: cal), d = Ceiling(graph: decode, calibration: cal)
        XCTAssertEqual(p.bound, .compute)
        XCTAssertEqual(p.computeSeconds, prefill.gemmShapes.reduce(0) { $0 + $1.flops } / 100e9, accuracy: 1e-12)
        XCTAssertEqual(d.bound, .memory)
        XCTAssertEqual(d.memorySeconds, decode.totalCost.weightBytes / 10e9, accuracy: 1e-12)
        XCTAssertEqual(d.fraction(measuredSeconds: d.seconds * 2), 0.5, accuracy: 1e-12)
    }

    /// A case faster than its own ceiling is flagged in the document, and only then.
    func testCaseFasterThanItsCeilingIsFlagged() throws {
        let spec = try locator.suite(for: ["tiny-llama"]).entries[0].workload
        let graph = LayerGraph.lower(spec.config, spec.scenarios[0])
        let cal = fixedCalibration(graph.gemmShapes)
        let ceiling = Ceiling(graph: graph, calibration: cal).seconds
        func result(_ seconds: Double) -> CaseResult {
            CaseResult.make(
                graph: graph, workload: spec.name, backend: .cpuReference, samplesNs: [UInt64(seconds * 1e9)],
                weights: "seeded", calibration: cal, ops: nil, details: nil)
        }
        XCTAssertEqual(result(ceiling / 2).flags, [.aboveCeiling])
        XCTAssertNil(result(ceiling * 2).flags)
    }

    func testGoalsAreJudgedOnCeilingFraction() {
        let runner = SuiteRunner(suite: .adHoc([]), options: RunOptions(policy: RepetitionPolicy()))
        func fake(_ fraction: Double) -> CaseResult {
            CaseResult(
                workload: "w", scenario: "s", backend: .cpuReference, provenance: .measured, phase: .prefill, batch: 1,
                seq: 1,
                context: 0, tokens: 1, flops: 1, weightBytes: 1, bytes: 1, weights: "seeded", samplesNs: [1],
                stats: SampleStatistics([1]),
                metrics: [Metric.ceilingFraction.rawValue: fraction],
                ceiling: Ceiling(bound: .compute, computeSeconds: fraction, memorySeconds: fraction / 2, gemmFlops: 1),
                ops: nil)
        }
        let goal = SpeedGoal(workload: "w", scenario: "s", minFraction: 0.7)
        XCTAssertEqual(runner.evaluate(goals: [goal], cases: [fake(0.71)]).map(\.passed), [true])
        XCTAssertEqual(runner.evaluate(goals: [goal], cases: [fake(0.69)]).map(\.passed), [false])
        let bandwidth = SpeedGoal(workload: "w", scenario: "s", bound: .bandwidth, minFraction: 0.4)
        XCTAssertEqual(runner.evaluate(goals: [bandwidth], cases: [fake(0.9)]).map(\.reached), [0.45])
        XCTAssertEqual(runner.evaluate(goals: [bandwidth], cases: [fake(0.7)]).map(\.passed), [false])
    }

    func testFingerprintRecordsOpenBLASSettingsButTheyAreNotIdentity() {
        let before = MachineFingerprint.current()
        XCTAssertTrue(before.openblas.config.hasPrefix("OpenBLAS"), before.openblas.config)
        XCTAssertGreaterThan(before.openblas.threads, 0)
        setenv("OPENBLAS_PB_TEST_MARKER", "1", 1)
        defer { unsetenv("OPENBLAS_PB_TEST_MARKER") }
        let after = MachineFingerprint.current()
        XCTAssertEqual(after.openblasEnvironment["OPENBLAS_PB_TEST_MARKER"], "1")
        XCTAssertEqual(before.comparabilityKey, after.comparabilityKey)
        XCTAssertEqual(
            before.settingsDifferences(after),
            [SettingDifference(name: "OPENBLAS_PB_TEST_MARKER", this: nil, other: "1")])
        if let core = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] {
            XCTAssertEqual(after.openblasEnvironment["OPENBLAS_CORETYPE"], core)
        }
    }

    func testMeasuredGemmRateIsConsistent() {
        let shape = GemmShape(m: 64, n: 48, k: 32, count: 3, transposeB: true)
        let r = Calibration.measureGemm(shape, repetitions: 3)
        XCTAssertGreaterThan(r.seconds, 0)
        XCTAssertEqual(r.gflops, shape.flops / r.seconds / 1e9, accuracy: 1e-9)
    }
}
