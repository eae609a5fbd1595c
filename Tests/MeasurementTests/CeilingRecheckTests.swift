import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import Measurement
@testable import Workload

/// A case that beats its ceiling gets the ceiling re-measured at once and is judged again.
final class CeilingRecheckTests: XCTestCase {
    /// Every GEMM shape at an impossible 0.01 GFLOP/s, so the real case beats the ceiling.
    func slowCalibration(_ shapes: [GemmShape]) -> Calibration {
        Calibration(
            gemm: shapes.map { .init(shape: $0, seconds: $0.flops / 1e7, gflops: 0.01) },
            memoryReadGigabytesPerSecond: 1e4, memoryReadMedianGigabytesPerSecond: 1e4, memoryBufferBytes: 0,
            repetitions: 1)
    }

    func run(recheck: Bool) throws -> ResultDocument {
        let suite = try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: ["tiny-llama"])
            .selecting(scenarios: ["prefill-7"])
        var options = RunOptions(policy: RepetitionPolicy(warmup: 1, repetitions: 3))
        options.remeasureBandwidth = false
        options.recheckCeilings = recheck
        let runner = SuiteRunner(suite: suite, options: options)
        return try runner.run(calibration: slowCalibration(runner.graphs.flatMap(\.graph.gemmShapes))) { _ in }
    }

    func testACaseAboveItsCeilingIsRejudgedAgainstTheRemeasuredRates() throws {
        let doc = try run(recheck: true)
        let c = try XCTUnwrap(doc.cases.first)
        XCTAssertEqual(c.ceiling.rechecked, true)
        let fraction = try XCTUnwrap(c.metric(.ceilingFraction))
        XCTAssertEqual(c.flagged(.aboveCeiling), fraction > 1, "flagged exactly when it still beats the ceiling")
        XCTAssertGreaterThan(fraction, 0)
        let rates = try XCTUnwrap(doc.calibration?.gemm)
        XCTAssertTrue(rates.allSatisfy { $0.gflops > 0.01 }, "the document keeps the faster re-measured rates")
        XCTAssertEqual(
            c.ceiling.computeSeconds, Ceiling(graph: try graph(), calibration: doc.calibration!).computeSeconds,
            accuracy: 1e-12, "the case is judged against the rates the document records")
    }

    func testWithoutTheRecheckTheCaseStaysFlagged() throws {
        let c = try XCTUnwrap(try run(recheck: false).cases.first)
        XCTAssertNil(c.ceiling.rechecked)
        XCTAssertTrue(c.flagged(.aboveCeiling))
        XCTAssertGreaterThan(c.metric(.ceilingFraction) ?? 0, 1)
    }

    /// Only the side the case beat is re-measured, and a slower re-measurement never replaces a faster rate.
    func testRecheckKeepsTheFasterRateAndTouchesOnlyTheBeatenSide() throws {
        let g = try graph()
        let fast = Calibration(
            gemm: g.gemmShapes.map { .init(shape: $0, seconds: $0.flops / 1e15, gflops: 1e6) },
            memoryReadGigabytesPerSecond: 1e-3, memoryReadMedianGigabytesPerSecond: 1e-3, memoryBufferBytes: 0,
            repetitions: 1)
        let again = fast.recheck(g, medianSeconds: 1e-3, probeBytes: 4 << 20, repetitions: 3)
        XCTAssertEqual(again.gemm, fast.gemm, "the compute side was not beaten, and 1 PFLOP/s is never slower")
        XCTAssertGreaterThan(again.memoryReadGigabytesPerSecond, 1e-3, "the memory side was beaten: re-measured")
        XCTAssertEqual(again.memoryBufferBytes, 4 << 20)
    }

    func graph() throws -> LayerGraph {
        let spec = try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: ["tiny-llama"]).entries[0].workload
        return LayerGraph.lower(spec.config, spec.scenario(named: "prefill-7")!)
    }
}
