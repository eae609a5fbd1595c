import Foundation

/// The results server's base URL: https, or plain http to a loopback host (or anywhere with `allowHTTP`); no
/// credentials, query or fragment in it. A trailing slash is dropped.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    /// `scheme://host[:port][/path]`, without a trailing slash.
    public let base: String

    public var description: String { base }
    /// Where result documents are posted.
    public var runsURL: String { base + "/api/v1/runs" }
    /// Where a stored run is read back.
    public func runURL(_ runId: String) -> String { runsURL + "/" + runId }

    /// The variable `--endpoint` falls back to.
    public static let environmentVariable = "PORTBENCH_ENDPOINT"

    /// `explicit` (from `--endpoint`) or else `PORTBENCH_ENDPOINT`; nil when neither is set.
    public static func resolve(_ explicit: String?, environment: [String: String], allowHTTP: Bool) throws -> Endpoint?
    {
        if let explicit { return try parse(explicit, option: "--endpoint", allowHTTP: allowHTTP) }
        guard let value = environment[environmentVariable], !value.isEmpty else { return nil }
        return try parse(value, option: environmentVariable, allowHTTP: allowHTTP)
    }

    /// Parses `text`; `option` names where it came from in every message.
    public static func parse(_ text: String, option: String = "--endpoint", allowHTTP: Bool = false) throws -> Endpoint
    {
        func fail(_ why: String) -> PublishInputError { PublishInputError("\(option) '\(text)': \(why)") }
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased() else {
            throw fail("not a URL; expected https://host[:port][/path]")
        }
        guard scheme == "https" || scheme == "http" else {
            throw fail("scheme '\(scheme)' is not supported; expected https://host[:port][/path]")
        }
        guard let rawHost = c.host, !rawHost.isEmpty else { throw fail("no host; expected https://host[:port][/path]") }
        guard c.user == nil, c.password == nil else {
            throw fail("credentials in the URL are refused; the token is read from PORTBENCH_TOKEN only")
        }
        guard c.query == nil, c.fragment == nil else { throw fail("a query or fragment is not allowed") }
        let host = rawHost.hasPrefix("[") && rawHost.hasSuffix("]") ? String(rawHost.dropFirst().dropLast()) : rawHost
        if scheme == "http", !allowHTTP, !isLoopback(host) {
            throw fail(
                "plain http is allowed only to a loopback host (127.0.0.0/8, ::1, localhost); use https, or "
                    + "--allow-http to send the token unencrypted")
        }
        var path = c.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let hostPart = host.contains(":") ? "[\(host)]" : host.lowercased()
        let port = c.port.map { ":\($0)" } ?? ""
        return Endpoint(base: "\(scheme)://\(hostPart)\(port)\(path)")
    }

    /// 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h.hasSuffix(".localhost") { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, h, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, h, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        return bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
    }
}
