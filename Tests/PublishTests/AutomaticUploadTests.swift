import Foundation
import HTTPTestSupport
import Publish
import XCTest

final class AutomaticUploadTests: XCTestCase {
    func testUploadsOnlyWhenTheEndpointIsSet() throws {
        let store = FakeResultsStore()
        let server = try startServer(store)
        let file = try resultFiles(1)[0]
        let log = NoteLog()
        XCTAssertNil(
            UploadSession.automatic(files: [file], environment: ["PORTBENCH_TOKEN": Self.token], note: log.note))
        XCTAssertEqual(server.requestCount, 0)
        XCTAssertEqual(log.lines, [])
        let env = [
            "PORTBENCH_TOKEN": Self.token, "PORTBENCH_ENDPOINT": server.baseURL,
            "PORTBENCH_SPOOL": "/nonexistent-never-used",
        ]
        let report = try XCTUnwrap(UploadSession.automatic(files: [file], environment: env, note: log.note))
        XCTAssertEqual(report.stored, 1)
        XCTAssertTrue(log.lines.contains { $0.contains("PORTBENCH_ENDPOINT is set; --no-upload skips this") }, log.text)
    }

    func testProblemsAreOneLineAndNeverThrow() throws {
        let log = NoteLog()
        let file = try resultFiles(1)[0]
        XCTAssertNil(
            UploadSession.automatic(files: [file], environment: ["PORTBENCH_ENDPOINT": "https://x.org"], note: log.note)
        )
        XCTAssertEqual(log.lines.count, 1)
        XCTAssertTrue(log.lines[0].contains("PORTBENCH_TOKEN") && log.lines[0].contains("exit status is unchanged"))
    }

    func testUndeliveredIsSpooledWithTheShorterDeadline() throws {
        let server = try startServer { _, _ in .error(503, "down") }
        let spool = try makeTemporaryDirectory("publish-spool")
        let clock = VirtualClock()
        let env = ["PORTBENCH_TOKEN": Self.token, "PORTBENCH_ENDPOINT": server.baseURL, "PORTBENCH_SPOOL": spool.path]
        let report = try XCTUnwrap(
            UploadSession.automatic(files: try resultFiles(1), environment: env, note: NoteLog().note, clock: clock))
        XCTAssertEqual(report.undelivered, 1)
        XCTAssertEqual(try Spool(folder: spool.path).pending().count, 1)
        XCTAssertLessThanOrEqual(clock.sleeps.reduce(0, +), UploadOptions.automaticRetryFor + 1e-6)
        XCTAssertGreaterThan(clock.sleeps.reduce(0, +), 60)
    }
}
