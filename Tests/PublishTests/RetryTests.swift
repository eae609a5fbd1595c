import Foundation
import HTTPTestSupport
import Publish
import XCTest

final class RetryTests: XCTestCase {
    /// The store answers once `failures` earlier requests got `failure`.
    func storeAfter(_ failures: Int, _ failure: ScriptedResponse) -> FakeResultsStore {
        let store = FakeResultsStore()
        store.override = { _, i in i < failures ? failure : nil }
        return store
    }

    func upload(
        through server: ScriptedHTTPServer, clock: UploadClock = VirtualClock(), timeout: Double = 5,
        retryFor: Double = 600
    ) throws -> (UploadResult, NoteLog) {
        let log = NoteLog()
        let item = try ResultFiles.item(try resultFiles(1)[0])
        let s = try session(server, spool: nil, retryFor: retryFor, timeout: timeout, clock: clock)
        return (s.deliver([item], note: log.note).results[0], log)
    }

    func testServiceUnavailableWithRetryAfterIsHonoured() throws {
        let clock = VirtualClock()
        let server = try startServer(storeAfter(1, .error(503, "maintenance", headers: [("Retry-After", "2")])))
        let (r, log) = try upload(through: server, clock: clock)
        XCTAssertEqual(r.outcome, .stored)
        XCTAssertEqual(r.attempts, 2)
        XCTAssertEqual(clock.sleeps, [2])
        XCTAssertTrue(log.lines.contains { $0.contains("status 503: maintenance") }, log.text)
        XCTAssertTrue(log.lines.last!.hasSuffix("stored (201) after 2 attempts"), log.text)
    }

    func testRetryAfterMeasuredOnTheRealClock() throws {
        let server = try startServer(storeAfter(1, .error(503, "busy", headers: [("Retry-After", "1")])))
        let (r, _) = try upload(through: server, clock: SystemClock())
        XCTAssertEqual(r.outcome, .stored)
        XCTAssertGreaterThanOrEqual(r.seconds, 1.0)
        XCTAssertLessThan(r.seconds, 3.0)
    }

    func testTooManyRequestsAndServerErrorsAreRetried() throws {
        let store = FakeResultsStore()
        store.override = { _, i in
            switch i {
            case 0: return .error(429, "slow down")
            case 1: return .error(500, "oops")
            case 2: return .json(502, "{}")
            default: return nil
            }
        }
        let clock = VirtualClock()
        let (r, _) = try upload(through: try startServer(store), clock: clock)
        XCTAssertEqual(r.outcome, .stored)
        XCTAssertEqual(r.attempts, 4)
        XCTAssertEqual(clock.sleeps.count, 3)
        for (n, s) in clock.sleeps.enumerated() { XCTAssertLessThanOrEqual(s, 0.5 * pow(2, Double(n))) }
    }

    func testDroppedConnectionsAreRetried() throws {
        let store = storeAfter(2, .dropConnection())
        let (r, log) = try upload(through: try startServer(store))
        XCTAssertEqual(r.outcome, .stored)
        XCTAssertEqual(r.attempts, 3)
        XCTAssertTrue(log.lines.contains { $0.contains("empty reply") || $0.contains("connection lost") }, log.text)
    }

    func testTimeoutsAreRetried() throws {
        let store = FakeResultsStore()
        store.override = { r, i in i == 0 ? ScriptedResponse.json(201, "{}", delay: 1.0) : nil }
        let (r, log) = try upload(through: try startServer(store), timeout: 0.3)
        XCTAssertEqual(r.outcome, .stored)
        XCTAssertEqual(r.attempts, 2)
        XCTAssertTrue(log.lines.contains { $0.contains("timed out") }, log.text)
    }

    func testConnectionRefusedUntilTheDeadline() throws {
        let server = try ScriptedHTTPServer { _, _ in .json(201, "{}") }
        server.stop()
        let clock = VirtualClock()
        let (r, _) = try upload(through: server, clock: clock, retryFor: 3)
        guard case .undelivered(let why) = r.outcome else { return XCTFail("\(r.outcome)") }
        XCTAssertTrue(why.contains("connection failed"), why)
        XCTAssertGreaterThan(r.attempts, 2)
        XCTAssertLessThanOrEqual(clock.sleeps.reduce(0, +), 3.0 + 1e-6)
    }

    func testClientErrorsAreNotRetriedAndTheServersMessageIsShown() throws {
        for status in [400, 401, 413, 422, 404, 409] {
            let server = try startServer { _, _ in
                .error(status, "refused with \(status) for a reason", field: "cases[0].backend")
            }
            let (r, log) = try upload(through: server)
            XCTAssertEqual(server.requestCount, 1, "\(status) is final")
            XCTAssertEqual(
                r.outcome,
                .refused(status: status, message: "refused with \(status) for a reason", field: "cases[0].backend"))
            XCTAssertTrue(
                log.lines.contains(
                    "upload: \(r.runId) refused (\(status)): refused with \(status) for a reason "
                        + "[field cases[0].backend]"), log.text)
            server.stop()
        }
    }

    func testARefusedRunIsNotSpooledAndFailsTheUpload() throws {
        let spool = try makeTemporaryDirectory("publish-spool")
        let server = try startServer { _, _ in .error(422, "schema_version 99 is not supported") }
        let log = NoteLog()
        let report = try session(server, spool: spool).deliver(
            try ResultFiles.items(try resultFiles(1)), note: log.note)
        XCTAssertEqual(report.status, .failure)
        XCTAssertEqual(report.refused, 1)
        XCTAssertEqual(try Spool(folder: spool.path).pending(), [])
        XCTAssertTrue(log.lines.contains { $0.contains("not spooled: the server refused it") }, log.text)
    }
}
