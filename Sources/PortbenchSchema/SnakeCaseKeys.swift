import Foundation

/// Foundation's `convertFromSnakeCase` rule, for the document keys `TapeDecoder` cannot match byte for byte.
enum SnakeCaseKeys {
    /// Leading and trailing underscores kept; the rest split at underscores, the first part lowercased, every other
    /// part capitalized; a key without an inner underscore unchanged.
    static func convert(_ key: String) -> String {
        guard let first = key.firstIndex(where: { $0 != "_" }) else { return key }
        var last = key.index(before: key.endIndex)
        while last > first && key[last] == "_" { key.formIndex(before: &last) }
        let parts = key[first...last].split(separator: "_")
        guard parts.count > 1 else { return key }
        let joined = ([parts[0].lowercased()] + parts.dropFirst().map { $0.capitalized }).joined()
        return String(key[..<first]) + joined + String(key[key.index(after: last)...])
    }
}

/// A coding key made of a string (a document key, or the converted name of one).
struct DocumentKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
