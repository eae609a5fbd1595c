import Foundation

/// What the fault proxy does to one connection.
public enum Fault: Sendable, Equatable, CustomStringConvertible {
    /// Forward the request and relay the whole response.
    case pass
    /// Close the connection at once, reading nothing and answering nothing.
    case dropConnection
    /// Forward the request, wait for the upstream's response head (the upstream has acted on it), then close the
    /// client's connection without sending a byte of the response.
    case loseResponse
    /// Read the request and answer 503 with `Retry-After: retryAfter` without forwarding it.
    case serviceUnavailable(retryAfter: Int)
    /// Read the request and answer nothing, for `seconds` or until the client gives up, whichever is first.
    case stall(seconds: Double)

    public var kind: FaultKind {
        switch self {
        case .pass: return .pass
        case .dropConnection: return .dropConnection
        case .loseResponse: return .loseResponse
        case .serviceUnavailable: return .serviceUnavailable
        case .stall: return .stall
        }
    }

    public var description: String {
        switch self {
        case .serviceUnavailable(let s): return "serviceUnavailable(retryAfter: \(s))"
        case .stall(let s): return "stall(\(s) s)"
        default: return kind.rawValue
        }
    }
}

/// A fault without its parameters, for counting.
public enum FaultKind: String, CaseIterable, Sendable {
    case pass, dropConnection, loseResponse, serviceUnavailable, stall
}

/// How the proxy picks each connection's fault, in the order connections are accepted.
public enum FaultPlan: Sendable {
    /// The i-th connection gets the i-th fault; connections after the end pass.
    case script([Fault])
    /// Each connection's fault drawn with these weights from a generator seeded with `seed` (the sequence of
    /// faults is the same on every run; which request meets which depends on timing).
    case seeded(seed: UInt64, weights: [(fault: Fault, weight: Double)])
    /// Any rule of the connection's index.
    case custom(@Sendable (Int) -> Fault)
}

/// A TCP proxy on 127.0.0.1 (ephemeral port) in front of an HTTP/1.1 upstream that applies one fault per connection
/// (one request per connection; answers carry `Connection: close`). Thread-safe: every connection is served on its
/// own thread, and the counters can be read at any time.
public final class FaultProxy: @unchecked Sendable {
    public var port: Int { listener.port }
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    public let upstreamHost: String
    public let upstreamPort: Int

    private let listener: LoopbackListener
    private let plan: FaultPlan
    private var generator: SplitMix
    private var applied: [Fault] = []
    private var counts: [FaultKind: Int] = [:]
    private var forwardedRequests = 0

    public init(upstreamHost: String = "127.0.0.1", upstreamPort: Int, plan: FaultPlan) throws {
        self.upstreamHost = upstreamHost
        self.upstreamPort = upstreamPort
        self.plan = plan
        if case .seeded(let seed, _) = plan { generator = SplitMix(seed: seed) } else { generator = SplitMix(seed: 0) }
        listener = try LoopbackListener()
        listener.start { [self] fd in
            let fault = choose(applied.count)
            applied.append(fault)
            counts[fault.kind, default: 0] += 1
            return { [self] in serve(fd, fault) }
        }
    }

    /// Connections accepted so far.
    public var connections: Int { locked { applied.count } }
    /// The fault each connection got, in accept order.
    public var faults: [Fault] { locked { applied } }
    /// How many connections got a fault of `kind`.
    public func count(_ kind: FaultKind) -> Int { locked { counts[kind, default: 0] } }
    /// Every kind's count.
    public var faultCounts: [FaultKind: Int] { locked { counts } }
    /// Requests the upstream received through the proxy (`pass` and `loseResponse` connections that got that far).
    public var forwarded: Int { locked { forwardedRequests } }

    /// Stops accepting, cuts open connections and waits for the accept loop to end. Idempotent.
    public func stop() { listener.stop() }

    private func locked<T>(_ body: () -> T) -> T { listener.locked(body) }

    /// The next connection's fault (called under the lock, in accept order).
    private func choose(_ index: Int) -> Fault {
        switch plan {
        case .script(let faults): return index < faults.count ? faults[index] : .pass
        case .custom(let rule): return rule(index)
        case .seeded(_, let weights):
            let total = weights.map(\.weight).reduce(0, +)
            guard total > 0 else { return .pass }
            var x = generator.nextUnit() * total
            for (fault, weight) in weights {
                if x < weight { return fault }
                x -= weight
            }
            return weights.last!.fault
        }
    }

    private func release(_ fd: Int32, graceful: Bool) { listener.release(fd, graceful: graceful) }

    private func serve(_ client: Int32, _ fault: Fault) {
        if fault == .dropConnection { return release(client, graceful: false) }
        var reader = HTTPWireReader(fd: client)
        guard
            let request = reader.readRequest(continueHook: {
                LoopbackSocket.write(client, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            })
        else { return release(client, graceful: false) }
        switch fault {
        case .dropConnection: release(client, graceful: false)
        case .serviceUnavailable(let seconds):
            let body = #"{"error":{"message":"fault proxy: service unavailable","status":503}}"#
            LoopbackSocket.write(
                client,
                HTTPWireWriter.response(
                    status: 503, headers: [("Retry-After", "\(seconds)"), ("Content-Type", "application/json")],
                    body: Data(body.utf8)))
            release(client, graceful: true)
        case .stall(let seconds):
            // Until the client closes (readable at EOF) or the time is up; whatever it sends is discarded.
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, LoopbackSocket.waitReadable(client, timeout: deadline.timeIntervalSinceNow) {
                guard let d = LoopbackSocket.read(client), !d.isEmpty else { break }
            }
            release(client, graceful: false)
        case .pass, .loseResponse:
            forward(request, from: client, losingResponse: fault == .loseResponse)
        }
    }

    /// Sends the request upstream (with `Connection: close`, no `Expect`, the body with its length) and relays the
    /// response, or drops the client once the response head has arrived.
    private func forward(_ request: HTTPWireMessage, from client: Int32, losingResponse: Bool) {
        guard let upstream = LoopbackSocket.connect(host: upstreamHost, port: upstreamPort) else {
            LoopbackSocket.write(
                client, HTTPWireWriter.response(status: 502, headers: [], body: Data("upstream unreachable".utf8)))
            return release(client, graceful: true)
        }
        defer { close(upstream) }
        var head = request.startLine + "\r\n"
        for (name, value) in request.headers
        where !["connection", "expect", "content-length", "transfer-encoding", "keep-alive"].contains(name.lowercased())
        {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        guard LoopbackSocket.write(upstream, Data(head.utf8) + request.body) else {
            return release(client, graceful: false)
        }
        locked { forwardedRequests += 1 }
        var reader = HTTPWireReader(fd: upstream)
        guard let responseHead = reader.readResponseHead() else { return release(client, graceful: false) }
        if losingResponse { return release(client, graceful: false) }
        guard let response = reader.readResponseBody(responseHead) else { return release(client, graceful: false) }
        LoopbackSocket.write(client, response.raw)
        release(client, graceful: true)
    }
}

/// SplitMix64: a small seeded generator (the fault sequence of a seeded plan).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
