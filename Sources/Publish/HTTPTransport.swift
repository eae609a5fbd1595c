import Foundation

/// One HTTP exchange to make: method, absolute URL, headers in order, an optional body, and its whole-attempt limit.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// Seconds the attempt may take in all (connection included).
    public var timeout: Double

    public init(
        method: String, url: String, headers: [(name: String, value: String)] = [], body: Data? = nil,
        timeout: Double
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A response: status, headers by lowercased name (the last of a repeated name), body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why no response came back: the connection failed, timed out, was cut or answered nothing.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case connect = "connection failed"
        case resolve = "host not found"
        case timeout = "timed out"
        case emptyReply = "empty reply"
        case connectionLost = "connection lost"
        case certificate = "certificate not trusted"
        case other = "transport error"
    }
    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Errors a retry cannot cure (an untrusted certificate); the run is still spooled for later.
    public var isPermanent: Bool { kind == .certificate }

    public var description: String { message.isEmpty ? kind.rawValue : "\(kind.rawValue) (\(message))" }
}

/// Sends one request and waits for its answer. Implementations are called from several threads at once.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError>
}
