import Foundation
import HTTPTestSupport
import PortbenchSchema
import Publish
import XCTest

final class UploadBenchTests: XCTestCase {
    func testCopiesAreUploadedAndReadBack() throws {
        let store = FakeResultsStore()
        let server = try startServer(store)
        let doc = try ResultDocument.read(from: URL(fileURLWithPath: try resultFiles(1)[0]))
        let bench = try UploadBenchmark(session: try session(server, spool: nil), runs: 20, clients: 4)
        let log = NoteLog()
        let report = try bench.run(doc, note: log.note)
        XCTAssertTrue(report.passed, report.text)
        XCTAssertEqual(report.stored, 20)
        XCTAssertEqual(report.verified, 20)
        XCTAssertEqual(report.attempts, 20)
        XCTAssertEqual(Set(store.stored.keys).count, 20)
        XCTAssertFalse(store.stored.keys.contains(doc.runId), "fresh run ids")
        XCTAssertGreaterThan(report.runsPerSecond, 0)
        XCTAssertLessThanOrEqual(report.latencyP50Ms, report.latencyP99Ms)
        XCTAssertLessThanOrEqual(report.latencyP99Ms, report.latencyMaxMs)
        XCTAssertLessThanOrEqual(server.maxConcurrent, 4)
        let json = try JSONSerialization.jsonObject(with: JSONCoding.encoder().encode(report)) as! [String: Any]
        XCTAssertEqual(json["verified"] as? Int, 20)
        XCTAssertNotNil(json["latency_p99_ms"])
    }

    func testAMissingOrAlteredRunFailsTheBenchmark() throws {
        let store = FakeResultsStore()
        store.override = { r, _ in
            guard r.method == "GET" else { return nil }
            // One run reads back altered, one not at all.
            if r.path.hasSuffix("0") { return .json(200, #"{"schema": "portbench.result"}"#) }
            if r.path.hasSuffix("1") { return .error(404, "gone") }
            return nil
        }
        let server = try startServer(store)
        let doc = try ResultDocument.read(from: URL(fileURLWithPath: try resultFiles(1)[0]))
        let report = try UploadBenchmark(session: try session(server, spool: nil), runs: 40, clients: 4).run(
            doc, note: NoteLog().note)
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.stored, 40)
        XCTAssertGreaterThan(report.missing + report.unreadable, 0)
        XCTAssertTrue(report.text.contains("FAILED"))
    }
}
