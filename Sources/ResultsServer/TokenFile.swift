import Foundation
import PortbenchSchema

/// The tokens a server accepts: a file of `name token` lines (one per runner, `#` comments), so one runner's
/// token can be revoked by deleting its line and sending SIGHUP.
public struct TokenFile: Sendable {
    public struct Entry: Sendable {
        public var name: String
        var secret: [UInt8]
    }

    public var entries: [Entry]
    public static let minimumLength = 16

    /// Reads and checks the file; errors name the line, never the token.
    public static func read(_ path: String) throws -> TokenFile {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { throw TokenFileError(file: path, message: "cannot be read") }
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let at = "line \(number + 1)"
            guard fields.count == 2 else {
                throw TokenFileError(file: path, message: "\(at): expected `name token`, got \(fields.count) fields")
            }
            let name = String(fields[0]), token = Array(fields[1].utf8)
            guard Identifier.isValid(name) else {
                throw TokenFileError(file: path, message: "\(at): the name must be \(Identifier.rule)")
            }
            guard token.count >= minimumLength else {
                throw TokenFileError(
                    file: path, message: "\(at): the token of \(name) is shorter than \(minimumLength) characters")
            }
            guard !entries.contains(where: { $0.name == name }) else {
                throw TokenFileError(file: path, message: "\(at): the name \(name) is used twice")
            }
            entries.append(Entry(name: name, secret: token))
        }
        guard !entries.isEmpty else { throw TokenFileError(file: path, message: "holds no `name token` line") }
        return TokenFile(entries: entries)
    }

    /// The name of the token that matches, comparing with every entry in time independent of where they differ.
    public func name(of presented: String) -> String? {
        let bytes = Array(presented.utf8)
        var found: String?
        for entry in entries where Self.constantTimeEqual(entry.secret, bytes) { found = entry.name }
        return found
    }

    /// Equal bytes, in time that depends only on the longer length.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let n = max(a.count, b.count)
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<n {
            let x = i < a.count ? a[i] : 0, y = i < b.count ? b[i] : 0
            diff |= x ^ y
        }
        return diff == 0
    }
}

public struct TokenFileError: InputError {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
