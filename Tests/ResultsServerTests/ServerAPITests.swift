import Foundation
import PortbenchSchema
import Publish
import TestSupport
import XCTest

/// Verdicts, series with change points, pages, token revocation and private reads, through the real server.
final class ServerAPITests: XCTestCase {
    func fixture() throws -> ServerFixture {
        try ServerFixture(dir: try makeTemporaryDirectory("server-api"), store: .sqlite)
    }

    /// Twelve nights on one machine; from commit n6 on every case is 15% slower.
    func uploadHistory(_ up: Uploader) throws -> (ids: [String], machine: String) {
        var ids: [String] = []
        var machine = ""
        for night in 0..<12 {
            let factor = night >= 6 ? 1.15 : 1.0
            let cases = [("w0", 0.010), ("w1", 0.020)].map { name, center in
                (name, SyntheticResults.samples(center * factor, n: 9, spread: 0.005, seed: UInt64(night + 1)))
            }
            let doc = SyntheticResults.result(
                cases, run: "night-\(night)", created: String(format: "2026-11-%02dT03:00:00Z", night + 1),
                commit: "n\(night)")
            machine = doc.machine.computeKey()
            let item = UploadItem(runId: doc.runId, source: "test", document: try JSONCoding.encoder().encode(doc))
            XCTAssertEqual(up.upload(item, note: { _ in }).outcome, .stored)
            ids.append(doc.runId)
        }
        return (ids, machine)
    }

    func get(_ url: String, token: String? = nil) throws -> HTTPResponse {
        var headers: [(name: String, value: String)] = []
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let r = CurlTransport().send(HTTPRequest(method: "GET", url: url, headers: headers, timeout: 10))
        guard case .success(let response) = r else { throw ServerStartError(message: "GET \(url): \(r)") }
        return response
    }

    func json(_ r: HTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: r.body) as? [String: Any] ?? [:]
    }

    func testCommitVerdictsSeriesChangePointsAndPages() throws {
        let f = try fixture()
        let server = try f.start()
        let up = try f.uploader(server.baseURL)
        let (ids, machine) = try uploadHistory(up)

        let verdicts = try json(try get(server.baseURL + "/api/v1/commits/n6"))
        let entry = try XCTUnwrap((verdicts["machines"] as? [[String: Any]])?.first)
        XCTAssertEqual(entry["machine"] as? String, machine)
        XCTAssertEqual(entry["previous_commit"] as? String, "n5", "the previous commit measured on this machine")
        let summary = try XCTUnwrap((entry["comparison"] as? [String: Any])?["summary"] as? [String: Any])
        XCTAssertEqual(summary["regressions"] as? Int, 2, "both cases 15% slower: \(summary)")
        let steady = try json(try get(server.baseURL + "/api/v1/commits/n3"))
        let steadySummary = ((steady["machines"] as? [[String: Any]])?.first?["comparison"] as? [String: Any])?[
            "summary"]
        XCTAssertEqual((steadySummary as? [String: Any])?["regressions"] as? Int, 0)
        let first = try json(try get(server.baseURL + "/api/v1/commits/n0"))
        XCTAssertNotNil((first["machines"] as? [[String: Any]])?.first?["note"] as? String, "nothing before n0")
        XCTAssertEqual(try get(server.baseURL + "/api/v1/commits/nope").status, 404)

        let series = try json(
            try get(
                server.baseURL
                    + "/api/v1/series?workload=w1&scenario=prefill-128&backend=cpu-reference&machine=\(machine)"))
        let one = try XCTUnwrap((series["series"] as? [[String: Any]])?.first)
        XCTAssertEqual((one["points"] as? [[String: Any]])?.count, 12)
        let change = try XCTUnwrap((one["change_points"] as? [[String: Any]])?.first, "the 15% step is found")
        XCTAssertEqual(change["commit_before"] as? String, "n5")
        XCTAssertEqual(change["commit_after"] as? String, "n6")
        XCTAssertEqual(try XCTUnwrap(change["shift"] as? Double), 0.15, accuracy: 0.02)
        XCTAssertEqual(try get(server.baseURL + "/api/v1/series?workload=w1").status, 400)

        let index = try get(server.baseURL + "/")
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.headers["content-type"]?.hasPrefix("text/html") ?? false)
        let page = String(decoding: index.body, as: UTF8.self)
        XCTAssertTrue(page.contains("12 runs stored on 1 machine"), page.prefix(400).description)
        XCTAssertTrue(page.contains("href=\"/runs/night-11\""))
        XCTAssertTrue(page.contains("<svg"), "trend charts")
        XCTAssertFalse(page.contains("<script"), "pages run no scripts")
        let report = String(decoding: try get(server.baseURL + "/commits/n6").body, as: UTF8.self)
        XCTAssertTrue(report.contains("2 regressions"), report.prefix(600).description)
        XCTAssertEqual(try get(server.baseURL + "/runs/\(ids[0])").status, 200)
        XCTAssertEqual(try get(server.baseURL + "/runs/unknown").status, 404)
        XCTAssertEqual(server.stop(), 0)
    }

    func testSighupRevokesARemovedTokenAndKeepsTheOthers() throws {
        let f = try fixture()
        let server = try f.start()
        let second = try f.uploader(server.baseURL, token: f.otherToken)
        XCTAssertEqual(second.upload(try ServerFixture.item(), note: { _ in }).outcome, .stored)
        try "runner-1 \(f.token)\n".write(to: f.tokensFile, atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        let deadline = Date().addingTimeInterval(10)
        while !server.log.contains("tokens re-read"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard case .refused(let status, _, _) = second.upload(try ServerFixture.item(), note: { _ in }).outcome else {
            return XCTFail("a revoked token must be refused: \(server.log)")
        }
        XCTAssertEqual(status, 401)
        let first = try f.uploader(server.baseURL)
        XCTAssertEqual(first.upload(try ServerFixture.item(), note: { _ in }).outcome, .stored)
        try "this line is not a token line at all\n".write(to: f.tokensFile, atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        while !server.log.contains("the previous ones stay in force"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertEqual(
            first.upload(try ServerFixture.item(), note: { _ in }).outcome, .stored, "a bad file changes nothing")
        XCTAssertFalse(server.log.contains(f.token) || server.log.contains(f.otherToken), "no token in the log")
        XCTAssertEqual(server.stop(), 0)
    }

    func testPrivateServerAnswersReadsOnlyWithAToken() throws {
        let f = try fixture()
        let server = try f.start(["--private"])
        XCTAssertEqual(try get(server.baseURL + "/api/v1/runs").status, 401)
        XCTAssertEqual(try get(server.baseURL + "/").status, 401)
        XCTAssertEqual(try get(server.baseURL + "/api/v1/runs", token: f.token).status, 200)
        XCTAssertEqual(try get(server.baseURL + "/healthz").status, 200, "liveness stays open for load balancers")
        let open = try f.start()
        XCTAssertEqual(try get(open.baseURL + "/api/v1/runs").status, 200, "reads are open by default")
        XCTAssertEqual(server.stop(), 0)
        XCTAssertEqual(open.stop(), 0)
    }
}
