import Foundation

/// When to try again: exponential backoff from `initialDelay` doubling to at most `maxDelay`, with full jitter
/// (a uniform wait between 0 and that bound), or the server's `Retry-After`; never past the deadline `retryFor`
/// seconds after the first attempt began. Transport errors, 408, 429 and 5xx are retried; other statuses are final.
public struct RetryPolicy: Sendable {
    public var initialDelay = 0.5
    public var maxDelay = 30.0
    /// Seconds from the first attempt's start after which no further attempt starts.
    public var retryFor: Double
    /// Seconds each attempt may take (connection included); the connection itself gets at most 10 of them.
    public var attemptTimeout: Double
    /// A uniform number in [0, 1) for the jitter.
    public var random: @Sendable () -> Double

    public init(
        retryFor: Double = 600, attemptTimeout: Double = 30,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.retryFor = retryFor
        self.attemptTimeout = attemptTimeout
        self.random = random
    }

    /// The bound of the wait after the `n`-th failed attempt (1-based): initialDelay·2ⁿ⁻¹, at most maxDelay.
    public func backoffBound(afterAttempt n: Int) -> Double {
        min(maxDelay, initialDelay * pow(2, Double(min(max(n, 1), 64) - 1)))
    }

    /// The wait after the `n`-th failed attempt: Retry-After when the server gave one, else the jittered backoff;
    /// at most `remaining` seconds.
    public func delay(afterAttempt n: Int, retryAfter: Double?, remaining: Double) -> Double {
        let wait = retryAfter ?? random() * backoffBound(afterAttempt: n)
        return max(0, min(wait, remaining))
    }

    /// Statuses worth another attempt.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }

    /// Whether an attempt's result is worth another attempt.
    public static func isRetryable(_ result: Result<HTTPResponse, TransportError>) -> Bool {
        switch result {
        case .success(let r): return isRetryable(status: r.status)
        case .failure(let e): return !e.isPermanent
        }
    }
}

/// The attempts made for one request and how they ended.
public struct AttemptsOutcome: Sendable {
    /// The last attempt's result: final (success or not retryable), or the last retryable failure at the deadline.
    public var last: Result<HTTPResponse, TransportError>
    public var attempts: Int
    /// Seconds from the first attempt's start to the last attempt's end.
    public var seconds: Double
    /// The deadline passed while the result was still worth retrying.
    public var gaveUp: Bool
}

extension RetryPolicy {
    /// Sends `request` until its result is final or the deadline passes; `retrying(attempt, why, delay)` is told
    /// before each wait.
    public func perform(
        _ request: HTTPRequest, transport: HTTPTransport, clock: UploadClock,
        retrying: (Int, String, Double) -> Void = { _, _, _ in }
    ) -> AttemptsOutcome {
        var request = request
        request.timeout = attemptTimeout
        let start = clock.now()
        let deadline = start + retryFor
        var attempt = 0
        while true {
            attempt += 1
            let result = transport.send(request)
            guard Self.isRetryable(result) else {
                return AttemptsOutcome(last: result, attempts: attempt, seconds: clock.now() - start, gaveUp: false)
            }
            let remaining = deadline - clock.now()
            guard remaining > 0 else {
                return AttemptsOutcome(last: result, attempts: attempt, seconds: clock.now() - start, gaveUp: true)
            }
            var retryAfter: Double? = nil
            if case .success(let r) = result, let value = r.header("Retry-After") {
                retryAfter = RetryAfter.seconds(value)
            }
            let wait = delay(afterAttempt: attempt, retryAfter: retryAfter, remaining: remaining)
            retrying(attempt, Self.describe(result), wait)
            clock.sleep(wait)
        }
    }

    /// One line for a failed attempt: the transport error, or the status and the server's message.
    static func describe(_ result: Result<HTTPResponse, TransportError>) -> String {
        switch result {
        case .failure(let e): return e.description
        case .success(let r):
            let m = ServerMessage(r)
            return "status \(r.status)" + (m.message.isEmpty ? "" : ": \(m.message)")
                + (r.header("Retry-After").map { " (Retry-After: \($0))" } ?? "")
        }
    }
}
