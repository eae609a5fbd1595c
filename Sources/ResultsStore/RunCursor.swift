import Foundation

/// Where a page of runs ended: the last run's `created` and id, as an opaque URL-safe token.
public struct RunCursor: Equatable, Sendable {
    public var created: String
    public var runId: String

    public init(created: String, runId: String) {
        self.created = created
        self.runId = runId
    }

    public var token: String {
        Data("\(created)\n\(runId)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token; nil when it is not one this store wrote.
    public init?(token: String) {
        var b64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(created: String(parts[0]), runId: String(parts[1]))
    }
}
