import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import DeviceModels
@testable import Workload

/// The fit of free parameters (`validate-models --fit`, `--cross-validate`): checked on tables whose "published"
/// values the model itself produced at known parameter values, so the right answer is known.
final class ParameterFitTests: XCTestCase {
    /// The NeMo rows (A100/H100, batch 1 and 8, one and eight GPUs): launch-overhead and link-latency sensitive.
    func syntheticTable(_ catalog: DeviceCatalog, truth: [String: Double], sources: [String]) throws
        -> ValidationTable
    {
        let shipped = try ValidationTable.load(url: Repo.root.appendingPathComponent("Validation/published.yaml"))
        var t = shipped
        t.rows = shipped.rows.filter { $0.id.hasPrefix("nemo-") }
        XCTAssertEqual(t.rows.count, 6)
        let truthCatalog = try catalog.overriding(.cuda, truth)
        for i in t.rows.indices {
            t.rows[i].value = try t.predictRow(i, catalog: truthCatalog) { try Repo.workload($0) }.outcome.predicted
            t.rows[i].source = sources[i % sources.count]
        }
        t.citations = sources.map { Citation(id: $0, url: "test", date: "2026", note: "synthetic") }
        return t
    }

    func testFitRecoversTheValueThatMadeTheTable() throws {
        let catalog = try Repo.catalog()
        let free = catalog.styles[.cuda]!.free.map(\.key)
        XCTAssertTrue(free.contains("graph_launch_overhead_us"), "\(free)")
        let truth = ["graph_launch_overhead_us": 6.0, "link_latency_us": 10.0]
        let t = try syntheticTable(catalog, truth: truth, sources: ["a"])
        let fit = try ParameterFit(table: t, catalog: catalog) { try Repo.workload($0) }
        let rows = try fit.rows(of: .cuda)
        XCTAssertEqual(rows.count, 6)
        XCTAssertGreaterThan(try fit.mape(.cuda, rows: rows, values: [:]), 5, "the committed values miss the truth")
        let (values, mape) = try fit.fit(.cuda, rows: rows)
        XCTAssertLessThan(mape, 0.5)
        XCTAssertEqual(values["graph_launch_overhead_us"]!, 6.0, accuracy: 0.2)
        XCTAssertEqual(values["link_latency_us"]!, 10.0, accuracy: 0.5)
    }

    func testCrossValidationHoldsOutEachSourceOnce() throws {
        let catalog = try Repo.catalog()
        let t = try syntheticTable(catalog, truth: ["graph_launch_overhead_us": 6.0], sources: ["a", "b"])
        let fit = try ParameterFit(table: t, catalog: catalog) { try Repo.workload($0) }
        let report = try fit.crossValidate()
        let cuda = try XCTUnwrap(report.styles.first { $0.style == .cuda })
        XCTAssertEqual(cuda.folds.map(\.source), ["a", "b"])
        XCTAssertEqual(cuda.folds.map(\.rows), [3, 3])
        XCTAssertEqual(cuda.folds.map(\.trainingRows), [3, 3])
        for f in cuda.folds { XCTAssertEqual(f.fitted["graph_launch_overhead_us"]!, 6.0, accuracy: 0.2) }
        XCTAssertLessThan(cuda.mapeLeaveOneSourceOut, 1)
        XCTAssertGreaterThan(cuda.mapeInSample, cuda.mapeLeaveOneSourceOut, "committed 3.2 µs is not the truth")
    }

    func testFreeParametersAreDeclaredCorrectly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Devices"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("styles.yaml")
        let styles = try String(contentsOf: url, encoding: .utf8)
        let line = "graph_launch_overhead_us: {value: 3.2, source: fitted, fit: [0.1, 10.0]}"
        XCTAssertTrue(styles.contains(line))
        let cases: [(String, String)] = [
            ("graph_launch_overhead_us: {value: 3.2, source: fitted}", "has no 'fit: [low, high]' range"),
            ("graph_launch_overhead_us: {value: 3.2, source: unverified, fit: [0.1, 10.0]}", "only a parameter"),
            ("graph_launch_overhead_us: {value: 3.2, source: fitted, fit: [10.0, 0.1]}", "expected low < high"),
            ("graph_launch_overhead_us: {value: 3.2, source: fitted, fit: [4.0, 10.0]}", "outside its fit range"),
            ("graph_launch_overhead_us: {value: 3.2, source: fitted, fit: [0.1]}", "two numbers"),
            ("graph_launch_overhead_us: {value: 3.2, source: fitted, fit: [-1.0, 10.0]}", "got -1"),
        ]
        for (replacement, message) in cases {
            try styles.replacingOccurrences(of: line, with: replacement).write(
                to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try DeviceCatalog.load(directory: dir)) { e in
                let s = e as? SpecError
                XCTAssertEqual(s?.file, url.path)
                XCTAssertTrue(s?.path.hasPrefix("cuda.graph_launch_overhead_us") ?? false, "\(e)")
                XCTAssertNotNil(s?.line)
                XCTAssertTrue(s?.message.contains(message) ?? false, "\(e)")
            }
        }
    }
}
