import Foundation
import HTTPTestSupport
import PortbenchSchema
import Publish
import XCTest

final class SpoolTests: XCTestCase {
    func testDeadlineGivesUpAndSpoolsTheExactBytes() throws {
        let spoolDir = try makeTemporaryDirectory("publish-spool")
        let server = try startServer { _, _ in .error(503, "down") }
        let clock = VirtualClock()
        let file = try resultFiles(1)[0]
        let log = NoteLog()
        let report = try session(server, spool: spoolDir, retryFor: 5, clock: clock).deliver(
            try ResultFiles.items([file]), note: log.note)
        XCTAssertEqual(report.status, .failure)
        XCTAssertEqual(report.undelivered, 1)
        let r = report.results[0]
        guard case .undelivered(let why) = r.outcome else { return XCTFail("\(r.outcome)") }
        XCTAssertTrue(why.contains("status 503: down"), why)
        XCTAssertLessThanOrEqual(clock.sleeps.reduce(0, +), 5 + 1e-6)
        XCTAssertEqual(server.requestCount, r.attempts)
        let pending = try Spool(folder: spoolDir.path).pending()
        XCTAssertEqual(pending.count, 1)
        XCTAssertEqual(pending[0].runId, r.runId)
        XCTAssertNotNil(
            pending[0].name.range(of: #"^\d{8}T\d{6}\.\d{3}Z-"# + r.runId + #"\.json$"#, options: .regularExpression),
            pending[0].name)
        XCTAssertEqual(try Data(contentsOf: pending[0].url), try Data(contentsOf: URL(fileURLWithPath: file)))
        XCTAssertEqual(report.spooled[r.runId], pending[0].url.path)
        XCTAssertTrue(report.summary.contains("1 undelivered (1 spooled in"), report.summary)
        // Spooling the same run again does not add a second file.
        try Spool(folder: spoolDir.path).add(runId: r.runId, document: Data("{}".utf8))
        XCTAssertEqual(try Spool(folder: spoolDir.path).pending().count, 1)
    }

    func testNoSpoolLeavesNothingBehind() throws {
        let server = try startServer { _, _ in .error(503, "down") }
        let log = NoteLog()
        let report = try session(server, spool: nil, retryFor: 1).deliver(
            try ResultFiles.items(try resultFiles(1)), note: log.note)
        XCTAssertEqual(report.status, .failure)
        XCTAssertTrue(report.spooled.isEmpty)
        XCTAssertTrue(log.lines.contains { $0.hasSuffix("not spooled (--no-spool)") }, log.text)
    }

    func testFlushDeliversOldestFirstAndRemovesOnlyAfterSuccess() throws {
        let spoolDir = try makeTemporaryDirectory("publish-spool")
        let spool = Spool(folder: spoolDir.path)
        let items = try ResultFiles.items(try resultFiles(3))
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        // Added newest first: the order must come from the names, not from the order of writing.
        for (i, item) in items.enumerated().reversed() {
            try spool.add(runId: item.runId, document: item.document, at: t0.addingTimeInterval(Double(i) * 0.001))
        }
        let stuck = items[1].runId
        let store = FakeResultsStore()
        let missingDuringUpload = NoteLog()
        let sent = NoteLog()
        store.override = { r, _ in
            let key = r.header("Idempotency-Key") ?? ""
            sent.note(key)
            if (try? spool.pending().contains { $0.runId == key }) != true {
                missingDuringUpload.note(key)
            }
            return key == stuck ? .error(503, "not now") : nil
        }
        let server = try startServer(store)
        let log = NoteLog()
        let report = try session(server, spool: spoolDir, retryFor: 2, parallel: 1).flushSpool(note: log.note)
        XCTAssertEqual(report.status, .failure)
        XCTAssertEqual(report.stored, 2)
        XCTAssertEqual(report.undelivered, 1)
        let order = sent.lines.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        XCTAssertEqual(order, items.map(\.runId), "oldest first")
        XCTAssertEqual(missingDuringUpload.lines, [], "a file is removed only after its 200/201")
        XCTAssertEqual(try spool.pending().map(\.runId), [stuck])
        XCTAssertTrue(report.summary.contains("1 undelivered (still waiting in"), report.summary)

        store.override = nil
        let second = try session(server, spool: spoolDir).flushSpool(note: log.note)
        XCTAssertEqual(second.status, .success)
        XCTAssertEqual(second.results.map(\.outcome), [.stored])
        XCTAssertEqual(try spool.pending(), [])
        let empty = try session(server, spool: spoolDir).flushSpool(note: log.note)
        XCTAssertEqual(empty.status, .success)
        XCTAssertTrue(empty.summary.contains("is empty"), empty.summary)
    }

    func testRefusedAndUnreadableSpoolFilesMoveToRejectedWithWhy() throws {
        let spoolDir = try makeTemporaryDirectory("publish-spool")
        let spool = Spool(folder: spoolDir.path)
        let item = try ResultFiles.item(try resultFiles(1)[0])
        let spooled = try spool.add(runId: item.runId, document: item.document)
        let junk = spoolDir.appendingPathComponent("20260101T000000.000Z-junk.json")
        try Data("garbage".utf8).write(to: junk)
        let server = try startServer { _, _ in
            .error(422, "cases[0].backend: unknown backend", field: "cases[0].backend")
        }
        let log = NoteLog()
        let report = try session(server, spool: spoolDir).flushSpool(note: log.note)
        XCTAssertEqual(report.status, .failure)
        XCTAssertEqual(report.refused, 1)
        XCTAssertEqual(report.unreadable.count, 1)
        XCTAssertEqual(try spool.pending(), [])
        let rejected = spool.rejectedFolder
        let moved = rejected.appendingPathComponent(spooled.lastPathComponent)
        XCTAssertEqual(try Data(contentsOf: moved), item.document)
        let why = try String(
            contentsOf: moved.deletingPathExtension().appendingPathExtension("why.txt"), encoding: .utf8)
        XCTAssertTrue(why.contains("422") && why.contains("unknown backend") && why.contains("cases[0].backend"), why)
        let junkWhy = try String(
            contentsOf: rejected.appendingPathComponent("20260101T000000.000Z-junk.why.txt"), encoding: .utf8)
        XCTAssertTrue(junkWhy.contains("not a result document"), junkWhy)
        XCTAssertEqual(server.requestCount, 1, "the unreadable file is never sent")
    }

    func testDefaultFolder() {
        XCTAssertEqual(Spool.defaultFolder(environment: ["PORTBENCH_SPOOL": "/s", "HOME": "/h"]), "/s")
        XCTAssertEqual(
            Spool.defaultFolder(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]), "/x/portbench/spool")
        XCTAssertEqual(Spool.defaultFolder(environment: ["HOME": "/h"]), "/h/.cache/portbench/spool")
        XCTAssertEqual(
            Spool.defaultFolder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]),
            "/h/.cache/portbench/spool")
    }
}
