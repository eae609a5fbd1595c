import Foundation

/// The bearer token, read from `PORTBENCH_TOKEN` only. Its description is a placeholder, so it cannot reach a message,
/// log line or file by interpolation; only the Authorization header holds it.
public struct UploadToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    public static let environmentVariable = "PORTBENCH_TOKEN"

    public var description: String { "<\(Self.environmentVariable)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// The token from the environment: set, 1–4096 printable ASCII characters (no spaces or line breaks).
    public static func fromEnvironment(_ environment: [String: String]) throws -> UploadToken {
        guard let value = environment[environmentVariable], !value.isEmpty else {
            throw PublishInputError(
                "no upload token: set \(environmentVariable) to the results server's bearer token "
                    + "(it is read from the environment only, never from an option or a file)")
        }
        return try UploadToken(value)
    }

    /// Checks a token; a refusal says what is wrong without repeating any of it.
    public init(_ value: String) throws {
        guard value.utf8.count <= 4096 else {
            throw PublishInputError("\(Self.environmentVariable) is longer than 4096 bytes")
        }
        if let i = value.utf8.firstIndex(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            let position = value.utf8.distance(from: value.utf8.startIndex, to: i) + 1
            throw PublishInputError(
                "\(Self.environmentVariable) holds a space, line break, control or non-ASCII character at position "
                    + "\(position); a bearer token is printable ASCII")
        }
        secret = value
    }

    /// `text` with every occurrence of the token replaced (for messages that come from a server).
    public func redact(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: description)
    }
}
