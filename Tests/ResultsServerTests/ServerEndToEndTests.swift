import Foundation
import Gzip
import HTTPTestSupport
import PortbenchSchema
import Publish
import TestSupport
import XCTest

/// The real server binary and the real upload client on loopback, on SQLite and (when configured) PostgreSQL.
final class ServerEndToEndTests: XCTestCase {
    func onEachStore(_ body: (ServerFixture) throws -> Void) throws {
        for store in try ServerFixture.stores() {
            try body(try ServerFixture(dir: try makeTemporaryDirectory("server-\(store.rawValue)"), store: store))
        }
    }

    func testRoundTripIdempotencyAndAuthFailures() throws {
        try onEachStore { f in
            let server = try f.start()
            let up = try f.uploader(server.baseURL)
            let item = try ServerFixture.item()
            var notes: [String] = []
            XCTAssertEqual(up.upload(item) { notes.append($0) }.outcome, .stored, server.log)
            XCTAssertEqual(up.upload(item) { notes.append($0) }.outcome, .alreadyStored, "a repeat is not stored twice")
            XCTAssertEqual(try ServerFixture.listedRunIds(up), [item.runId])
            guard case .success(let back) = up.get(up.endpoint.runURL(item.runId)).last else {
                return XCTFail("GET of the stored run failed")
            }
            XCTAssertEqual(back.body, item.document, "the stored document comes back byte for byte")

            let wrong = try f.uploader(server.baseURL, token: "not-a-valid-token-at-all")
            guard
                case .refused(let status, let message, _) = wrong.upload(try ServerFixture.item(), note: { _ in })
                    .outcome
            else { return XCTFail("a wrong token must be refused") }
            XCTAssertEqual(status, 401)
            XCTAssertTrue(message.contains("not accepted"), message)

            let plain = CurlTransport().send(
                HTTPRequest(
                    method: "POST", url: up.endpoint.runsURL, headers: [("Content-Type", "application/json")],
                    body: try ServerFixture.document(), timeout: 5))
            guard case .success(let noToken) = plain else { return XCTFail("\(plain)") }
            XCTAssertEqual(noToken.status, 401, "no token, no write")
            XCTAssertEqual(try ServerFixture.listedRunIds(up).count, 1, "refused uploads stored nothing")
            XCTAssertFalse(server.log.contains(f.token), "the server never logs a token")
            XCTAssertFalse(server.log.contains("not-a-valid-token-at-all"))
            XCTAssertEqual(server.stop(), 0, server.log)
        }
    }

    func testBadBodiesAreRefusedWithTheirStatusAndStoreNothing() throws {
        try onEachStore { f in
            let server = try f.start(["--max-body-mb", "1"])
            let up = try f.uploader(server.baseURL)
            func post(_ body: Data, gzip: Bool = false, key: String? = nil) throws -> (Int, [String: Any]) {
                var headers = [("Authorization", "Bearer \(f.token)"), ("Content-Type", "application/json")]
                if gzip { headers.append(("Content-Encoding", "gzip")) }
                if let key { headers.append(("Idempotency-Key", key)) }
                let r = CurlTransport().send(
                    HTTPRequest(method: "POST", url: up.endpoint.runsURL, headers: headers, body: body, timeout: 10))
                guard case .success(let response) = r else { throw ServerStartError(message: "\(r)") }
                let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
                return (response.status, json["error"] as? [String: Any] ?? [:])
            }
            XCTAssertEqual(try post(Data("{\"schema\": ".utf8)).0, 400, "malformed JSON")
            XCTAssertEqual(try post(Data("not gzip".utf8), gzip: true).0, 400, "a corrupt gzip body")
            var doc = try JSONSerialization.jsonObject(with: try ServerFixture.document()) as! [String: Any]
            doc["schema_version"] = 99
            let (versionStatus, versionError) = try post(try JSONSerialization.data(withJSONObject: doc))
            XCTAssertEqual(versionStatus, 422)
            XCTAssertEqual(versionError["field"] as? String, "schema_version")
            doc["schema_version"] = 1
            var cases = doc["cases"] as! [[String: Any]]
            cases[0]["backend"] = "gpu-magic"
            doc["cases"] = cases
            let (fieldStatus, fieldError) = try post(try JSONSerialization.data(withJSONObject: doc))
            XCTAssertEqual(fieldStatus, 422)
            XCTAssertEqual(fieldError["field"] as? String, "cases[0].backend", "\(fieldError)")
            let id = UUID().uuidString.lowercased()
            XCTAssertEqual(try post(try ServerFixture.document(runId: id), key: "another-id").0, 422)
            var noise = SplitMix64(seed: 7)
            let random = (0..<1_100_000).map { _ in UInt8(truncatingIfNeeded: noise.next()) }
            XCTAssertEqual(try post(Data(random)).0, 413, "over --max-body-mb on the wire")
            let inflating = Gzip.compress(Data(repeating: 0x20, count: 5 << 20))
            XCTAssertEqual(try post(inflating, gzip: true).0, 413, "inflates past 4 × --max-body-mb")
            XCTAssertEqual(try ServerFixture.listedRunIds(up), [], "nothing refused was stored")
            XCTAssertEqual(server.stop(), 0)
        }
    }

    func testAnsweredRunsSurviveKillNineAndRestart() throws {
        try onEachStore { f in
            let server = try f.start()
            let up = try f.uploader(server.baseURL)
            let items = try (0..<20).map { _ in try ServerFixture.item() }
            let results = up.upload(items, note: { _ in })
            XCTAssertTrue(results.allSatisfy { $0.outcome == .stored })
            server.kill()  // right after the last 201, no graceful anything
            let again = try f.start()
            let reader = try f.uploader(again.baseURL)
            XCTAssertEqual(Set(try ServerFixture.listedRunIds(reader)), Set(items.map(\.runId)))
            XCTAssertEqual(reader.upload(items[0], note: { _ in }).outcome, .alreadyStored)
            XCTAssertEqual(again.stop(), 0)
        }
    }

    /// 200 runs through a proxy that drops connections, loses answers after the server stored the run, answers 503
    /// with Retry-After and stalls past the client's timeout: every run ends stored, exactly once.
    func testEveryRunThroughAFaultyNetworkIsStoredExactlyOnce() throws {
        try onEachStore { f in
            let server = try f.start()
            let proxy = try FaultProxy(
                upstreamPort: server.port,
                plan: .seeded(
                    seed: 20_261_202,
                    weights: [
                        (.pass, 0.55), (.dropConnection, 0.12), (.loseResponse, 0.15),
                        (.serviceUnavailable(retryAfter: 1), 0.12), (.stall(seconds: 5), 0.06),
                    ]))
            defer { proxy.stop() }
            var up = try f.uploader(proxy.baseURL, timeout: 1.5, retryFor: 120, parallel: 8)
            up.policy.initialDelay = 0.05
            up.policy.maxDelay = 1
            let items = try (0..<200).map { _ in try ServerFixture.item() }
            let results = up.upload(items, note: { _ in })
            let undelivered = results.filter { !$0.delivered }
            XCTAssertEqual(undelivered.count, 0, "\(undelivered.prefix(3).map(\.line))")
            for kind in FaultKind.allCases {
                XCTAssertGreaterThan(proxy.count(kind), 0, "the proxy applied \(kind) at least once")
            }
            XCTAssertGreaterThan(results.filter { $0.outcome == .alreadyStored }.count, 0, "lost answers were retried")
            let direct = try f.uploader(server.baseURL)
            let listed = try ServerFixture.listedRunIds(direct)
            XCTAssertEqual(listed.count, 200, "one row per run")
            XCTAssertEqual(Set(listed), Set(items.map(\.runId)), "every run, each once")
            let health = try ServerFixture.getJSON(direct, server.baseURL + "/healthz")
            XCTAssertEqual(health["runs"] as? Int, 200)
            XCTAssertEqual(server.stop(), 0)
        }
    }

    /// SIGTERM while uploads are in flight: the server exits cleanly, and every run is either wholly stored (its
    /// document and its series rows) or not at all; every run answered 201 is among the stored.
    func testSigtermDuringUploadsLeavesNothingHalfStored() throws {
        try onEachStore { f in
            let server = try f.start()
            let up = try f.uploader(server.baseURL, timeout: 5, retryFor: 0, parallel: 8)
            let items = try (0..<80).map { _ in try ServerFixture.item(commit: "sigterm-test") }
            let answered = Locked<[String]>([])
            let uploading = Thread {
                _ = up.upload(items, note: { _ in }) { result in
                    if result.outcome == .stored { answered.mutate { $0.append(result.runId) } }
                }
            }
            uploading.start()
            while answered.value.count < 10 { Thread.sleep(forTimeInterval: 0.005) }
            XCTAssertEqual(server.stop(), 0, "graceful shutdown exits 0: \(server.log)")
            while !uploading.isFinished { Thread.sleep(forTimeInterval: 0.02) }
            let again = try f.start()
            let reader = try f.uploader(again.baseURL)
            let stored = Set(try ServerFixture.listedRunIds(reader))
            XCTAssertTrue(Set(answered.value).isSubset(of: stored), "every 201 survived")
            XCTAssertLessThan(
                stored.count, items.count, "the shutdown cut some uploads off (else the test proved nothing)")
            let doc = try ResultDocument.decode(json: try ServerFixture.document())
            let c = doc.cases[0]
            let machine = doc.machine.computeKey()
            let series = try ServerFixture.getJSON(
                reader,
                again.baseURL
                    + "/api/v1/series?workload=\(c.workload)&scenario=\(c.scenario)&backend=\(c.backend.rawValue)&machine=\(machine)"
            )
            let points = ((series["series"] as? [[String: Any]])?.first?["points"] as? [[String: Any]]) ?? []
            XCTAssertEqual(Set(points.compactMap { $0["run_id"] as? String }), stored, "each stored run has its rows")
            XCTAssertEqual(again.stop(), 0)
        }
    }
}

/// A value shared between threads.
final class Locked<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ value: T) { stored = value }
    var value: T { lock.withLock { stored } }
    func mutate(_ body: (inout T) -> Void) { lock.withLock { body(&stored) } }
}
