import Foundation
import Gzip
import HTTPTestSupport
import PortbenchSchema
import Publish
import TestSupport
import XCTest

/// A results server in miniature behind a `ScriptedHTTPServer`: POST stores by Idempotency-Key (201, then 200 for
/// a key seen before), GET reads a run back (200 or 404); `override` may answer a request first.
final class FakeResultsStore: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [String: Data] = [:]
    private var arrivalCount: [String: Int] = [:]
    private var order: [String] = []
    var override: (@Sendable (RecordedRequest, Int) -> ScriptedResponse?)?

    var stored: [String: Data] { lock.withLock { documents } }
    /// Run ids in the order their POSTs arrived (repeats included).
    var arrivals: [String] { lock.withLock { order } }
    func arrivals(of runId: String) -> Int { lock.withLock { arrivalCount[runId, default: 0] } }

    func respond(_ r: RecordedRequest, _ index: Int) -> ScriptedResponse {
        if let answer = override?(r, index) { return answer }
        if r.method == "POST", r.path == "/api/v1/runs" {
            guard let key = r.header("Idempotency-Key"),
                let doc = try? Gzip.decompress(r.body, limit: 64 << 20)
            else { return .error(400, "malformed") }
            let fresh: Bool = lock.withLock {
                order.append(key)
                arrivalCount[key, default: 0] += 1
                guard documents[key] == nil else { return false }
                documents[key] = doc
                return true
            }
            return .json(
                fresh ? 201 : 200, #"{"run_id": "\#(key)", "status": "\#(fresh ? "stored" : "already-stored")"}"#)
        }
        if r.method == "GET", r.path.hasPrefix("/api/v1/runs/") {
            let id = String(r.path.dropFirst("/api/v1/runs/".count))
            guard let doc = lock.withLock({ documents[id] }) else { return .error(404, "no run \(id)") }
            return ScriptedResponse(status: 200, headers: [("Content-Type", "application/json")], body: doc)
        }
        return .error(404, "no route")
    }
}

/// Virtual time per thread: `sleep` advances the calling thread's clock instantly and is recorded; `now` is the
/// real monotonic clock plus that thread's advance (each upload runs on one thread, so deadlines stay per run).
final class VirtualClock: UploadClock, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []
    private let key = "portbench.virtual-clock.\(UUID().uuidString)"

    var sleeps: [Double] { lock.withLock { recorded } }

    func now() -> Double {
        SystemClock().now() + ((Thread.current.threadDictionary[key] as? Double) ?? 0)
    }

    func sleep(_ seconds: Double) {
        lock.withLock { recorded.append(seconds) }
        Thread.current.threadDictionary[key] = ((Thread.current.threadDictionary[key] as? Double) ?? 0) + seconds
    }
}

/// Lines a command reported, collected from any thread.
final class NoteLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    var text: String { lines.joined(separator: "\n") }
    /// A sink for `note:` parameters (holds the log alive).
    var note: (String) -> Void { { line in self.lock.withLock { self.collected.append(line) } } }
}

extension XCTestCase {
    static let token = "pbt_S3cretT0ken-value.9f8e7d"

    /// A scripted server around `store`, stopped when the test ends.
    func startServer(_ store: FakeResultsStore) throws -> ScriptedHTTPServer {
        let server = try ScriptedHTTPServer { store.respond($0, $1) }
        addTeardownBlock { server.stop() }
        return server
    }

    /// A scripted server answering from `respond`, stopped when the test ends.
    func startServer(_ respond: @escaping ScriptedHTTPServer.Responder) throws -> ScriptedHTTPServer {
        let server = try ScriptedHTTPServer(respond)
        addTeardownBlock { server.stop() }
        return server
    }

    /// `count` result files in a new folder (distinct run ids).
    func resultFiles(_ count: Int, in folder: URL? = nil) throws -> [String] {
        let dir = try folder ?? makeTemporaryDirectory("publish-results")
        return try (0..<count).map { i in
            let doc = SyntheticResults.result(
                [("gpt2-small", SyntheticResults.samples(0.01, n: 5, seed: UInt64(i + 1)))],
                run: UUID().uuidString.lowercased())
            let url = dir.appendingPathComponent("run-\(i).json")
            try doc.save(url)
            return url.path
        }
    }

    /// An upload session against `server` with a virtual clock (no real waits) unless one is given.
    func session(
        _ server: ScriptedHTTPServer, spool: URL?, retryFor: Double = 600, timeout: Double = 5, parallel: Int = 4,
        clock: UploadClock = VirtualClock()
    ) throws -> UploadSession {
        var o = UploadOptions()
        o.endpoint = server.baseURL
        o.retryFor = retryFor
        o.timeout = timeout
        o.parallel = parallel
        o.spool = spool?.path
        o.noSpool = spool == nil
        return try UploadSession.make(o, environment: ["PORTBENCH_TOKEN": Self.token], clock: clock)
    }

    /// Every regular file under `folder`, as text.
    func contentsOfFiles(under folder: URL) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return e.compactMap { $0 as? String }.compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }
}
