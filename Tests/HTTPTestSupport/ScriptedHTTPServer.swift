import Foundation

/// A request the scripted server received: method, path, headers in order, and the decoded body.
public struct RecordedRequest: Sendable {
    public var method: String
    public var path: String
    public var headers: [(name: String, value: String)]
    public var body: Data

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every value of a header.
    public func headers(named name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}

/// What the scripted server does with a request: answer (after an optional delay), or close the connection
/// without a word.
public struct ScriptedResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Seconds to wait before answering (or closing).
    public var delay: Double
    /// Close without answering.
    public var drop: Bool

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(), delay: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.drop = false
    }

    /// A JSON answer.
    public static func json(
        _ status: Int, _ text: String, headers: [(name: String, value: String)] = [], delay: Double = 0
    ) -> ScriptedResponse {
        ScriptedResponse(
            status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8),
            delay: delay)
    }

    /// The portbench error envelope: `{"error": {"status": …, "message": …, "field": …}}`.
    public static func error(
        _ status: Int, _ message: String, field: String? = nil, headers: [(name: String, value: String)] = []
    ) -> ScriptedResponse {
        var inner: [String: Any] = ["status": status, "message": message]
        if let field { inner["field"] = field }
        let data = try! JSONSerialization.data(withJSONObject: ["error": inner], options: [.sortedKeys])
        return json(status, String(decoding: data, as: UTF8.self), headers: headers)
    }

    /// Read the request, then close the connection without answering (after `delay`).
    public static func dropConnection(delay: Double = 0) -> ScriptedResponse {
        var r = ScriptedResponse(status: 0, delay: delay)
        r.drop = true
        return r
    }
}

/// An HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that records every request and answers each from a closure,
/// one request per connection (`Connection: close`), each connection on its own thread. It counts the requests in
/// progress at once (read, not yet answered) and the most there ever were.
public final class ScriptedHTTPServer: @unchecked Sendable {
    public typealias Responder = @Sendable (_ request: RecordedRequest, _ index: Int) -> ScriptedResponse

    public var port: Int { listener.port }
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: LoopbackListener
    private let respond: Responder
    private var recorded: [RecordedRequest] = []
    private var inFlight = 0
    private var mostInFlight = 0
    private var accepted = 0

    /// Starts listening; `respond(request, index)` is called on the connection's thread (index: 0, 1, … in the order
    /// requests were read completely).
    public init(_ respond: @escaping Responder) throws {
        listener = try LoopbackListener()
        self.respond = respond
        listener.start { [self] fd in
            accepted += 1
            return { [self] in serve(fd) }
        }
    }

    deinit { stop() }

    /// Every request read so far, in order.
    public var requests: [RecordedRequest] { locked { recorded } }
    public var requestCount: Int { locked { recorded.count } }
    /// The most requests in progress at the same moment.
    public var maxConcurrent: Int { locked { mostInFlight } }
    /// Connections accepted.
    public var connections: Int { locked { accepted } }

    /// Stops accepting, cuts open connections and waits for the accept loop to end. Idempotent.
    public func stop() { listener.stop() }

    private func locked<T>(_ body: () -> T) -> T { listener.locked(body) }

    private func serve(_ fd: Int32) {
        var reader = HTTPWireReader(fd: fd)
        let finish = { [listener] (graceful: Bool) in listener.release(fd, graceful: graceful) }
        guard
            let m = reader.readRequest(continueHook: {
                LoopbackSocket.write(fd, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            })
        else { return finish(false) }
        let parts = m.startLine.split(separator: " ")
        let request = RecordedRequest(
            method: parts.first.map(String.init) ?? "", path: parts.count > 1 ? String(parts[1]) : "",
            headers: m.headers, body: m.body)
        let index: Int = locked {
            recorded.append(request)
            inFlight += 1
            mostInFlight = max(mostInFlight, inFlight)
            return recorded.count - 1
        }
        let response = respond(request, index)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        locked { inFlight -= 1 }
        if response.drop { return finish(false) }
        LoopbackSocket.write(
            fd, HTTPWireWriter.response(status: response.status, headers: response.headers, body: response.body))
        finish(true)
    }
}
