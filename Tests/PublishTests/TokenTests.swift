import Foundation
import HTTPTestSupport
import Publish
import TestSupport
import XCTest

final class TokenTests: XCTestCase {
    func testMissingTokenSaysWhatToSet() throws {
        XCTAssertThrowsError(try UploadToken.fromEnvironment([:])) { error in
            XCTAssertTrue(error is PublishInputError)
            XCTAssertTrue("\(error)".contains("set PORTBENCH_TOKEN"), "\(error)")
        }
        var o = UploadOptions()
        o.endpoint = "https://x.org"
        o.noSpool = true
        XCTAssertThrowsError(try UploadSession.make(o, environment: [:])) {
            XCTAssertTrue("\($0)".contains("PORTBENCH_TOKEN"))
        }
    }

    func testTokenIsNeverInItsOwnDescriptionsOrRefusals() throws {
        let t = try UploadToken(Self.token)
        for text in ["\(t)", String(reflecting: t), String(describing: Mirror(reflecting: t).children.map(\.value))] {
            XCTAssertFalse(text.contains(Self.token), text)
        }
        var dumped = ""
        dump(t, to: &dumped)
        XCTAssertFalse(dumped.contains(Self.token), dumped)
        for bad in [Self.token + "\n", "two words", "tab\there", "é-token"] {
            XCTAssertThrowsError(try UploadToken(bad)) { error in
                XCTAssertFalse("\(error)".contains(bad), "\(error)")
                XCTAssertFalse("\(error)".contains(Self.token), "\(error)")
            }
        }
    }

    /// Every path a token could leak by: progress lines, summaries, refusals (even a server echoing the token),
    /// spool files, rejected files and their reasons.
    func testTokenAppearsInNoOutputErrorOrFile() throws {
        let spool = try makeTemporaryDirectory("publish-spool")
        let server = try startServer { r, _ in
            let auth = r.header("Authorization") ?? ""
            if r.header("Idempotency-Key")?.hasPrefix("a") == true {
                return .error(422, "invalid document; you sent \(auth)", field: "cases[0].\(auth)")
            }
            return .error(503, "busy, \(auth)")
        }
        let log = NoteLog()
        let files = try resultFiles(6)
        let s = try session(server, spool: spool, retryFor: 2)
        let report = s.deliver(try ResultFiles.items(files), note: log.note)
        XCTAssertEqual(report.results.count, 6)
        XCTAssertTrue(server.requests.allSatisfy { $0.header("Authorization") == "Bearer \(Self.token)" })
        // Make one spooled run refused on flush, so rejected/ and a .why.txt exist too.
        let flushing = try startServer { r, _ in .error(401, "bad token \(r.header("Authorization") ?? "")") }
        let flushReport = try session(flushing, spool: spool).flushSpool(note: log.note)
        let texts =
            log.lines + [report.summary, flushReport.summary] + report.results.map(\.line)
            + flushReport.results.map(\.line) + contentsOfFiles(under: spool)
        XCTAssertTrue(texts.contains { $0.contains("<PORTBENCH_TOKEN>") }, "the echoed token is shown redacted")
        XCTAssertTrue(FileManager.default.fileExists(atPath: spool.appendingPathComponent("rejected").path))
        for text in texts { XCTAssertFalse(text.contains(Self.token), text) }
    }
}
