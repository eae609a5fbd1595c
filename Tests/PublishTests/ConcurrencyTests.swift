import Foundation
import HTTPTestSupport
import Publish
import XCTest

final class ConcurrencyTests: XCTestCase {
    func testParallelBoundIsRespected() throws {
        let store = FakeResultsStore()
        store.override = { r, _ in
            // Hold each request a while so that overlapping uploads are seen at once.
            Thread.sleep(forTimeInterval: 0.15)
            return nil
        }
        let server = try startServer(store)
        let items = try ResultFiles.items(try resultFiles(12))
        let report = try session(server, spool: nil, parallel: 3).deliver(items, note: NoteLog().note)
        XCTAssertEqual(report.stored, 12)
        XCTAssertLessThanOrEqual(server.maxConcurrent, 3)
        XCTAssertGreaterThanOrEqual(server.maxConcurrent, 2, "uploads do run side by side")
        XCTAssertEqual(report.results.map(\.runId), items.map(\.runId), "results in the items' order")
    }

    /// A seeded mix of every fault between the uploader and the store: every run arrives at least once and every
    /// upload ends delivered; runs whose answer was lost come back as already stored.
    func testFiftyUploadsThroughFaultProxy() throws {
        let store = FakeResultsStore()
        let server = try startServer(store)
        let proxy = try FaultProxy(
            upstreamPort: server.port,
            plan: .seeded(
                seed: 7,
                weights: [
                    (.pass, 0.5), (.dropConnection, 0.12), (.loseResponse, 0.12),
                    (.serviceUnavailable(retryAfter: 1), 0.12), (.stall(seconds: 5), 0.06),
                ]))
        addTeardownBlock { proxy.stop() }
        var o = UploadOptions()
        o.endpoint = proxy.baseURL
        o.timeout = 0.5
        o.parallel = 8
        o.noSpool = true
        let s = try UploadSession.make(o, environment: ["PORTBENCH_TOKEN": Self.token], clock: VirtualClock())
        let items = try ResultFiles.items(try resultFiles(50))
        let report = s.deliver(items, note: NoteLog().note)
        XCTAssertEqual(report.status, .success, report.summary)
        XCTAssertEqual(report.stored + report.alreadyStored, 50)
        for item in items {
            XCTAssertGreaterThanOrEqual(store.arrivals(of: item.runId), 1)
            XCTAssertEqual(store.stored[item.runId], item.document)
        }
        XCTAssertEqual(proxy.faultCounts.values.reduce(0, +), proxy.connections)
        for kind in FaultKind.allCases { XCTAssertGreaterThan(proxy.count(kind), 0, "\(kind) applied") }
        XCTAssertGreaterThanOrEqual(report.alreadyStored, 1, "a lost answer is followed by a 200")
        XCTAssertEqual(report.results.map(\.attempts).reduce(0, +), proxy.connections)
    }

    func testScriptedFaultsOnOneUpload() throws {
        let store = FakeResultsStore()
        let server = try startServer(store)
        let proxy = try FaultProxy(
            upstreamPort: server.port,
            plan: .script([.serviceUnavailable(retryAfter: 0), .loseResponse, .dropConnection]))
        addTeardownBlock { proxy.stop() }
        var o = UploadOptions()
        o.endpoint = proxy.baseURL
        o.noSpool = true
        let clock = VirtualClock()
        let s = try UploadSession.make(o, environment: ["PORTBENCH_TOKEN": Self.token], clock: clock)
        let item = try ResultFiles.item(try resultFiles(1)[0])
        let r = s.deliver([item], note: NoteLog().note).results[0]
        XCTAssertEqual(r.outcome, .alreadyStored)
        XCTAssertEqual(r.attempts, 4)
        XCTAssertEqual(clock.sleeps.first, 0, "Retry-After: 0")
        XCTAssertEqual(store.arrivals(of: item.runId), 2)
        XCTAssertEqual(proxy.faults, [.serviceUnavailable(retryAfter: 0), .loseResponse, .dropConnection, .pass])
        XCTAssertEqual(proxy.forwarded, 2)
    }
}
