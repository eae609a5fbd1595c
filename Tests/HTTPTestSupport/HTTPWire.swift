import Foundation

/// One HTTP/1.1 message as read from a socket: its start line, headers in order, the decoded body, and the bytes
/// exactly as they came (head and body), for forwarding.
struct HTTPWireMessage {
    var startLine: String
    var headers: [(name: String, value: String)]
    var body: Data
    var raw: Data

    func header(_ name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The status of a response's start line (`HTTP/1.1 201 Created` → 201).
    var status: Int? {
        let parts = startLine.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}

/// Reads HTTP/1.1 messages from a blocking socket: the head up to its blank line, then the body by Content-Length,
/// chunked transfer coding, or (responses only) until the connection closes.
struct HTTPWireReader {
    let fd: Int32
    var buffer = Data()
    static let headLimit = 64 * 1024
    static let bodyLimit = 512 << 20

    init(fd: Int32) { self.fd = fd }

    /// A request; `continueHook` is called when it asks for `100 Continue` before its body. Nil when the peer closed
    /// or sent something that is not HTTP.
    mutating func readRequest(continueHook: () -> Void = {}) -> HTTPWireMessage? {
        guard var m = readHead() else { return nil }
        if m.header("Expect")?.lowercased() == "100-continue" { continueHook() }
        guard let (body, raw) = readBody(m, response: false) else { return nil }
        m.body = body
        m.raw += raw
        return m
    }

    /// The head of a response (after any 1xx interim ones, which are dropped).
    mutating func readResponseHead() -> HTTPWireMessage? {
        while let m = readHead() {
            if let s = m.status, (100...199).contains(s) { continue }
            return m
        }
        return nil
    }

    /// The rest of a response whose head `readResponseHead` returned.
    mutating func readResponseBody(_ head: HTTPWireMessage) -> HTTPWireMessage? {
        var m = head
        guard let (body, raw) = readBody(m, response: true) else { return nil }
        m.body = body
        m.raw += raw
        return m
    }

    mutating func readHead() -> HTTPWireMessage? {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard buffer.count <= Self.headLimit, fill() else { return nil }
        }
        let end = buffer.range(of: separator)!.upperBound
        let raw = buffer.subdata(in: buffer.startIndex..<end)
        buffer = buffer.subdata(in: end..<buffer.endIndex)
        let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let start = lines.first else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
        return HTTPWireMessage(startLine: start, headers: headers, body: Data(), raw: raw)
    }

    /// The body (decoded) and its bytes as sent.
    mutating func readBody(_ head: HTTPWireMessage, response: Bool) -> (Data, Data)? {
        if response, let s = head.status, s == 204 || s == 304 || (100...199).contains(s) { return (Data(), Data()) }
        if head.header("Transfer-Encoding")?.lowercased().contains("chunked") == true { return readChunked() }
        if let text = head.header("Content-Length") {
            guard let n = Int(text), n >= 0, n <= Self.bodyLimit, let body = take(n) else { return nil }
            return (body, body)
        }
        guard response else { return (Data(), Data()) }
        while fill() { if buffer.count > Self.bodyLimit { return nil } }
        let body = buffer
        buffer = Data()
        return (body, body)
    }

    mutating func readChunked() -> (Data, Data)? {
        var body = Data(), raw = Data()
        while true {
            guard let line = takeLine() else { return nil }
            raw += Data((line + "\r\n").utf8)
            let sizeText = line.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0, body.count + size <= Self.bodyLimit else {
                return nil
            }
            if size == 0 {
                while let trailer = takeLine() {
                    raw += Data((trailer + "\r\n").utf8)
                    if trailer.isEmpty { return (body, raw) }
                }
                return nil
            }
            guard let chunk = take(size), let end = takeLine(), end.isEmpty else { return nil }
            body += chunk
            raw += chunk + Data("\r\n".utf8)
        }
    }

    mutating func take(_ n: Int) -> Data? {
        while buffer.count < n { guard fill() else { return nil } }
        let out = buffer.prefix(n)
        buffer = buffer.subdata(in: buffer.startIndex + n..<buffer.endIndex)
        return Data(out)
    }

    mutating func takeLine() -> String? {
        let crlf = Data("\r\n".utf8)
        while buffer.range(of: crlf) == nil {
            guard buffer.count <= Self.headLimit, fill() else { return nil }
        }
        let r = buffer.range(of: crlf)!
        let line = String(decoding: buffer.subdata(in: buffer.startIndex..<r.lowerBound), as: UTF8.self)
        buffer = buffer.subdata(in: r.upperBound..<buffer.endIndex)
        return line
    }

    /// More bytes into the buffer; false at EOF, on an error or a timeout.
    mutating func fill() -> Bool {
        guard let d = LoopbackSocket.read(fd), !d.isEmpty else { return false }
        buffer += d
        return true
    }
}

/// Writes a whole response with `Content-Length` and `Connection: close`.
enum HTTPWireWriter {
    static func response(status: Int, headers: [(name: String, value: String)], body: Data) -> Data {
        var head = "HTTP/1.1 \(status) \(reason(status))\r\n"
        for (name, value) in headers
        where !["content-length", "connection", "transfer-encoding"].contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + body
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 413: return "Content Too Large"
        case 422: return "Unprocessable Content"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
