import Foundation

/// Posts result documents to `POST {endpoint}/api/v1/runs`, gzip-compressed, each with its run id as the
/// Idempotency-Key, at most `parallel` at once (blocking curl calls on their own threads), each retried under the
/// policy until stored, refused or out of time. Every line it reports has the token redacted.
public struct Uploader: Sendable {
    public var endpoint: Endpoint
    public var token: UploadToken
    public var policy: RetryPolicy
    public var parallel: Int
    public var transport: HTTPTransport
    public var clock: UploadClock

    public static let userAgent = "portbench/0.1.0"

    public init(
        endpoint: Endpoint, token: UploadToken, policy: RetryPolicy, parallel: Int = 4,
        transport: HTTPTransport = CurlTransport(), clock: UploadClock = SystemClock()
    ) {
        self.endpoint = endpoint
        self.token = token
        self.policy = policy
        self.parallel = max(1, parallel)
        self.transport = transport
        self.clock = clock
    }

    /// The request for one run.
    public func request(_ item: UploadItem) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: endpoint.runsURL,
            headers: [
                ("Authorization", "Bearer \(token.secret)"), ("Content-Type", "application/json"),
                ("Content-Encoding", "gzip"), ("Idempotency-Key", item.runId), ("User-Agent", Self.userAgent),
                ("Accept", "application/json"),
            ], body: item.body, timeout: policy.attemptTimeout)
    }

    /// A GET of `url` with the token (reading runs back).
    public func get(_ url: String) -> AttemptsOutcome {
        let r = HTTPRequest(
            method: "GET", url: url,
            headers: [
                ("Authorization", "Bearer \(token.secret)"), ("User-Agent", Self.userAgent),
                ("Accept", "application/json"),
            ], timeout: policy.attemptTimeout)
        return policy.perform(r, transport: transport, clock: clock)
    }

    /// Delivers one run (on the calling thread).
    public func upload(_ item: UploadItem, note: (String) -> Void) -> UploadResult {
        let o = policy.perform(request(item), transport: transport, clock: clock) { attempt, why, wait in
            note(
                token.redact(
                    String(format: "upload: %@ attempt %d: %@; retrying in %.1f s", item.runId, attempt, why, wait)))
        }
        let outcome: UploadResult.Outcome
        switch o.last {
        case .failure(let e): outcome = .undelivered(lastError: token.redact(e.description))
        case .success(let r) where o.gaveUp:
            outcome = .undelivered(lastError: token.redact(RetryPolicy.describe(.success(r))))
        case .success(let r) where r.status == 200: outcome = .alreadyStored
        case .success(let r) where (200...299).contains(r.status): outcome = .stored
        case .success(let r):
            let m = ServerMessage(r)
            outcome = .refused(
                status: r.status, message: token.redact(m.message.isEmpty ? "no message" : m.message),
                field: m.field.map(token.redact))
        }
        let result = UploadResult(
            runId: item.runId, source: item.source, outcome: outcome, attempts: o.attempts, seconds: o.seconds)
        note(result.line)
        return result
    }

    /// Delivers every item, at most `parallel` at once, starting them in order; `finished` is called (on a worker
    /// thread, one call at a time) as each run ends. The results are in the items' order.
    public func upload(
        _ items: [UploadItem], note: @escaping (String) -> Void, finished: @escaping (UploadResult) -> Void = { _ in }
    ) -> [UploadResult] {
        let lock = NSLock()
        var results = [UploadResult?](repeating: nil, count: items.count)
        let lockedNote: (String) -> Void = { line in
            lock.lock()
            defer { lock.unlock() }
            note(line)
        }
        WorkerPool.run(count: items.count, width: parallel) { i in
            let r = self.upload(items[i], note: lockedNote)
            lock.lock()
            defer { lock.unlock() }
            results[i] = r
            finished(r)
        }
        return results.map { $0! }
    }
}
