import Foundation
import PortbenchSchema

/// Resolved upload settings (endpoint, token, policy, spool) and the flows built on them: upload files and spool
/// what could not be delivered, flush the spool, and the automatic upload after a run.
public struct UploadSession: Sendable {
    public var uploader: Uploader
    /// Nil with `--no-spool`.
    public var spool: Spool?

    public init(uploader: Uploader, spool: Spool?) {
        self.uploader = uploader
        self.spool = spool
    }

    /// Checks the options and the environment: an endpoint (`--endpoint` or `PORTBENCH_ENDPOINT`), the token
    /// (`PORTBENCH_TOKEN`), and the spool folder.
    public static func make(
        _ o: UploadOptions, environment: [String: String], transport: HTTPTransport = CurlTransport(),
        clock: UploadClock = SystemClock(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) throws -> UploadSession {
        try o.validate()
        guard let endpoint = try Endpoint.resolve(o.endpoint, environment: environment, allowHTTP: o.allowHTTP) else {
            throw PublishInputError(
                "no results server: give --endpoint URL or set \(Endpoint.environmentVariable)")
        }
        let token = try UploadToken.fromEnvironment(environment)
        let spool = o.noSpool ? nil : try Spool.resolve(o.spool, environment: environment)
        let policy = RetryPolicy(retryFor: o.retryFor, attemptTimeout: o.timeout, random: random)
        return UploadSession(
            uploader: Uploader(
                endpoint: endpoint, token: token, policy: policy, parallel: o.parallel, transport: transport,
                clock: clock),
            spool: spool)
    }

    /// Uploads every item; undelivered runs are spooled (refused ones never are: the server would refuse them again).
    public func deliver(_ items: [UploadItem], note: @escaping (String) -> Void) -> UploadReport {
        var report = UploadReport(endpoint: uploader.endpoint.base, spool: spool?.folder.path)
        report.results = uploader.upload(items, note: note)
        for (item, r) in zip(items, report.results) {
            switch r.outcome {
            case .stored, .alreadyStored: break
            case .refused:
                note("upload: \(r.runId) (\(item.source)) not spooled: the server refused it and would refuse it again")
            case .undelivered:
                guard let spool else {
                    note("upload: \(r.runId) (\(item.source)) not spooled (--no-spool)")
                    continue
                }
                do {
                    let url = try spool.add(runId: item.runId, document: item.document)
                    report.spooled[r.runId] = url.path
                    note(
                        "upload: \(r.runId) spooled to \(url.path); `portbench upload --flush-spool` delivers it later")
                } catch {
                    report.spoolFailures[r.runId] = "\(error)"
                    note("upload: \(r.runId) (\(item.source)) could not be spooled: \(error)")
                }
            }
        }
        return report
    }

    /// Delivers the spooled runs oldest first: each file is removed only after a 200 or 201, refused ones are moved
    /// to `rejected/` with the reason beside them, the rest stay for the next flush.
    public func flushSpool(note: @escaping (String) -> Void) throws -> UploadReport {
        guard let spool else { throw PublishInputError("--flush-spool and --no-spool contradict each other") }
        var report = UploadReport(endpoint: uploader.endpoint.base, spool: spool.folder.path, flushing: true)
        var items: [UploadItem] = []
        var entries: [Spool.Entry] = []
        for entry in try spool.pending() {
            do {
                items.append(try ResultFiles.item(entry.url.path))
                entries.append(entry)
            } catch {
                let moved = try spool.reject(entry, why: "not a result document portbench can send: \(error)")
                report.unreadable.append(moved.path)
                note("upload: \(entry.url.path) is not a result document portbench can send; moved to \(moved.path)")
            }
        }
        let entryOf = Dictionary(uniqueKeysWithValues: zip(items.map(\.source), entries))
        var problems: [String: String] = [:]
        report.results = uploader.upload(items, note: note) { r in
            guard let entry = entryOf[r.source] else { return }
            do {
                switch r.outcome {
                case .stored, .alreadyStored: try spool.remove(entry)
                case .refused(let status, let message, let field):
                    let why =
                        "refused by \(uploader.endpoint.base) with status \(status) at \(Self.timestamp()): \(message)"
                        + (field.map { " [field \($0)]" } ?? "")
                    let moved = try spool.reject(entry, why: why)
                    note("upload: \(r.runId) moved to \(moved.path) (the reason beside it, .why.txt)")
                case .undelivered: break
                }
            } catch {
                problems[r.runId] = "\(error)"
                note("upload: \(error)")
            }
        }
        report.spoolFailures = problems
        return report
    }

    /// The automatic upload after `run` (and `ab`): only when `PORTBENCH_ENDPOINT` is set; defaults, a 120 s
    /// deadline, undelivered runs spooled. Never throws: a problem is one line on `note`, and the caller's exit
    /// status does not change.
    @discardableResult
    public static func automatic(
        files: [String], environment: [String: String], note: @escaping (String) -> Void,
        transport: HTTPTransport = CurlTransport(), clock: UploadClock = SystemClock()
    ) -> UploadReport? {
        guard let value = environment[Endpoint.environmentVariable], !value.isEmpty, !files.isEmpty else { return nil }
        var o = UploadOptions()
        o.retryFor = UploadOptions.automaticRetryFor
        do {
            let session = try make(o, environment: environment, transport: transport, clock: clock)
            let items = try ResultFiles.items(files)
            note(
                "upload: sending \(files.count == 1 ? files[0] : "\(files.count) result files") to \(session.uploader.endpoint.base) (\(Endpoint.environmentVariable) is set; --no-upload skips this)"
            )
            let report = session.deliver(items, note: note)
            note(report.summary)
            return report
        } catch {
            note("upload: not uploaded: \(error) (the result is kept; the command's exit status is unchanged)")
            return nil
        }
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
