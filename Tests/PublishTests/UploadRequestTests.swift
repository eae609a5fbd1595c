import Foundation
import Gzip
import HTTPTestSupport
import PortbenchSchema
import Publish
import XCTest

final class UploadRequestTests: XCTestCase {
    func testBodyIsGzipWithContentLengthAndIdempotencyKeyNeverChunked() throws {
        let store = FakeResultsStore()
        let server = try startServer(store)
        let file = try resultFiles(1)[0]
        let item = try ResultFiles.item(file)
        let log = NoteLog()
        let s = try session(server, spool: nil)
        let first = s.deliver([item], note: log.note)
        XCTAssertEqual(first.results.map(\.outcome), [.stored])
        XCTAssertEqual(first.status, .success)
        XCTAssertTrue(log.lines.contains("upload: \(item.runId) stored (201) after 1 attempt"), log.text)

        let r = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(r.method, "POST")
        XCTAssertEqual(r.path, "/api/v1/runs")
        XCTAssertEqual(r.header("Authorization"), "Bearer \(Self.token)")
        XCTAssertEqual(r.header("Content-Type"), "application/json")
        XCTAssertEqual(r.header("Content-Encoding"), "gzip")
        XCTAssertEqual(r.header("Idempotency-Key"), item.runId)
        XCTAssertEqual(r.header("User-Agent"), "portbench/0.1.0")
        XCTAssertEqual(r.header("Content-Length"), "\(r.body.count)")
        XCTAssertNil(r.header("Transfer-Encoding"))
        XCTAssertNil(r.header("Expect"))
        XCTAssertEqual(try Gzip.decompress(r.body, limit: 1 << 26), try Data(contentsOf: URL(fileURLWithPath: file)))

        let again = s.deliver([item], note: log.note)
        XCTAssertEqual(again.results.map(\.outcome), [.alreadyStored], "200 counts as delivered")
        XCTAssertEqual(again.status, .success)
        XCTAssertTrue(log.lines.contains("upload: \(item.runId) already stored (200) after 1 attempt"), log.text)
    }

    func testBadFilesAreRefusedBeforeAnythingIsSent() throws {
        let dir = try makeTemporaryDirectory("publish-bad")
        let good = try resultFiles(2, in: dir)
        let garbage = dir.appendingPathComponent("garbage.json")
        try Data("{not json".utf8).write(to: garbage)
        XCTAssertThrowsError(try ResultFiles.items([good[0], garbage.path])) { error in
            XCTAssertTrue(error is InputError)
            XCTAssertTrue("\(error)".contains(garbage.path), "\(error)")
        }
        XCTAssertThrowsError(try ResultFiles.items([good[0], dir.appendingPathComponent("missing.json").path])) {
            XCTAssertTrue("\($0)".contains("missing.json"))
        }
        XCTAssertThrowsError(try ResultFiles.items([good[0], good[1], good[0]])) {
            XCTAssertTrue("\($0)".contains("also the run id of"), "\($0)")
        }
        var doc = try ResultDocument.read(from: URL(fileURLWithPath: good[0]))
        doc.runId = "../../etc/passwd"
        let hostile = dir.appendingPathComponent("hostile.json")
        try doc.save(hostile)
        XCTAssertThrowsError(try ResultFiles.item(hostile.path)) { XCTAssertTrue("\($0)".contains("run_id")) }
    }

    func testOptionRangesAndMissingEndpoint() throws {
        var o = UploadOptions()
        o.noSpool = true
        let env = ["PORTBENCH_TOKEN": Self.token]
        XCTAssertThrowsError(try UploadSession.make(o, environment: env)) {
            XCTAssertTrue("\($0)".contains("--endpoint") && "\($0)".contains("PORTBENCH_ENDPOINT"), "\($0)")
        }
        o.endpoint = "https://x.org"
        for change in [{ (o: inout UploadOptions) in o.timeout = 0 }, { $0.retryFor = -1 }, { $0.parallel = 0 }] {
            var bad = o
            change(&bad)
            XCTAssertThrowsError(try UploadSession.make(bad, environment: env)) { XCTAssertTrue($0 is InputError) }
        }
        XCTAssertNoThrow(try UploadSession.make(o, environment: env))
    }
}
