import Foundation
import PortbenchSchema

/// `portbench upload-bench`: N copies of one result document with fresh run ids, uploaded through the `Uploader`
/// by `clients` at once, each upload's latency taken from its first attempt's start to its success, then every run
/// read back with `GET /api/v1/runs/{id}` and compared with what was sent.
public struct UploadBenchmark: Sendable {
    public var session: UploadSession
    public var runs: Int
    public var clients: Int

    public static let runsRange = 1...1_000_000
    public static let clientsRange = 1...256

    public init(session: UploadSession, runs: Int, clients: Int) throws {
        guard Self.runsRange.contains(runs) else {
            throw PublishInputError(
                "--runs: expected \(Self.runsRange.lowerBound)...\(Self.runsRange.upperBound), got \(runs)")
        }
        guard Self.clientsRange.contains(clients) else {
            throw PublishInputError(
                "--clients: expected \(Self.clientsRange.lowerBound)...\(Self.clientsRange.upperBound), got \(clients)")
        }
        self.session = session
        self.runs = runs
        self.clients = clients
    }

    /// The copies: the document with fresh run ids, each re-encoded with `JSONCoding`.
    public static func copies(of doc: ResultDocument, count: Int) throws -> [UploadItem] {
        let encoder = JSONCoding.encoder()
        return try (0..<count).map { i in
            var copy = doc
            copy.runId = UUID().uuidString.lowercased()
            return UploadItem(runId: copy.runId, source: "copy \(i + 1)", document: try encoder.encode(copy))
        }
    }

    public func run(_ doc: ResultDocument, note: @escaping (String) -> Void) throws -> UploadBenchReport {
        note("upload-bench: encoding and compressing \(runs) copies of run \(doc.runId)")
        let items = try Self.copies(of: doc, count: runs)
        var uploader = session.uploader
        uploader.parallel = clients
        note("upload-bench: uploading \(runs) runs to \(uploader.endpoint.base) with \(clients) clients")
        let clock = uploader.clock
        let step = max(1, runs / 10)
        var done = 0
        let start = clock.now()
        let results = uploader.upload(
            items,
            note: { line in
                if !line.contains(" stored (20") && !line.contains(" attempt ") { note(line) }
            },
            finished: { _ in
                done += 1
                if done % step == 0 || done == runs { note("upload-bench: \(done) of \(runs) runs done") }
            })
        let seconds = clock.now() - start
        note("upload-bench: reading \(runs) runs back with GET")
        let checks = verify(items, with: uploader)
        var report = UploadBenchReport(endpoint: uploader.endpoint.base, runs: runs, clients: clients)
        report.seconds = seconds
        report.runsPerSecond = seconds > 0 ? Double(results.filter(\.delivered).count) / seconds : 0
        let latencies = results.filter(\.delivered).map(\.seconds).sorted()
        if !latencies.isEmpty {
            report.latencyP50Ms = SampleStatistics.quantile(latencies, 0.5) * 1e3
            report.latencyP99Ms = SampleStatistics.quantile(latencies, 0.99) * 1e3
            report.latencyMaxMs = latencies.last! * 1e3
        }
        report.attempts = results.map(\.attempts).reduce(0, +)
        report.stored = results.filter { $0.outcome == .stored }.count
        report.alreadyStored = results.filter { $0.outcome == .alreadyStored }.count
        report.refused = results.filter(\.refused).count
        report.undelivered = runs - report.stored - report.alreadyStored - report.refused
        report.verified = checks.filter { $0 == .same }.count
        report.mismatched = checks.filter { $0 == .different }.count
        report.missing = checks.filter { $0 == .missing }.count
        report.unreadable = checks.filter { $0 == .unreadable }.count
        return report
    }

    enum Check: Equatable { case same, different, missing, unreadable }

    /// Reads every run back and compares it, canonically re-encoded, with the bytes sent.
    func verify(_ items: [UploadItem], with uploader: Uploader) -> [Check] {
        let lock = NSLock()
        var checks = [Check](repeating: .missing, count: items.count)
        WorkerPool.run(count: items.count, width: clients) { i in
            let o = uploader.get(uploader.endpoint.runURL(items[i].runId))
            var check = Check.unreadable
            if case .success(let r) = o.last {
                if r.status == 404 {
                    check = .missing
                } else if r.status == 200,
                    let doc = try? JSONCoding.decoder().decode(ResultDocument.self, from: r.body),
                    let canonical = try? JSONCoding.encoder().encode(doc)
                {
                    check = canonical == items[i].document ? .same : .different
                }
            }
            lock.lock()
            checks[i] = check
            lock.unlock()
        }
        return checks
    }
}

/// What `upload-bench` measured (`--json FILE` writes it with `JSONCoding`).
public struct UploadBenchReport: Codable, Equatable, Sendable {
    public var schema = "portbench.upload-bench"
    public var endpoint: String
    public var runs: Int
    public var clients: Int
    public var seconds = 0.0
    /// Delivered runs per second of the upload phase.
    public var runsPerSecond = 0.0
    public var latencyP50Ms = 0.0
    public var latencyP99Ms = 0.0
    public var latencyMaxMs = 0.0
    public var attempts = 0
    /// 201 answers.
    public var stored = 0
    /// 200 answers (stored by an earlier attempt whose answer was lost).
    public var alreadyStored = 0
    public var refused = 0
    public var undelivered = 0
    /// Runs read back identical to what was sent.
    public var verified = 0
    public var mismatched = 0
    public var missing = 0
    public var unreadable = 0

    public init(endpoint: String, runs: Int, clients: Int) {
        self.endpoint = endpoint
        self.runs = runs
        self.clients = clients
    }

    /// Every run delivered and read back exactly as sent.
    public var passed: Bool { stored + alreadyStored == runs && verified == runs }

    public var text: String {
        [
            String(
                format: "upload-bench: %d runs, %d clients, %.2f s: %.1f runs/s", runs, clients, seconds, runsPerSecond),
            String(
                format: "latency (first attempt to success): p50 %.1f ms, p99 %.1f ms, max %.1f ms", latencyP50Ms,
                latencyP99Ms, latencyMaxMs),
            "attempts: \(attempts) (\(attempts - runs) retries)",
            "delivered: \(stored + alreadyStored) of \(runs) (\(stored) stored, \(alreadyStored) already stored), "
                + "\(refused) refused, \(undelivered) undelivered",
            "read back: \(verified) identical, \(mismatched) different, \(missing) missing, \(unreadable) unreadable",
            passed ? "upload-bench: every run stored exactly" : "upload-bench: FAILED: not every run is stored exactly",
        ].joined(separator: "\n")
    }
}
