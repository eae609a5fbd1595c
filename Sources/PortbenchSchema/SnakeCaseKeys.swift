import Foundation

/// The decoding side of the documents' snake_case keys: the same conversion as Foundation's `convertFromSnakeCase`,
/// remembered per key. Foundation converts every key of every object anew, which was a sixth of the results server's
/// time per upload; documents repeat a few hundred distinct keys thousands of times.
enum SnakeCaseKeys {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var memo: [String: String] = [:]
    /// Keys remembered at most: documents use a few hundred; uploads of made-up keys must not grow it without end.
    static let memoLimit = 4096

    static let strategy = JSONDecoder.KeyDecodingStrategy.custom { path in
        let key = path[path.count - 1]
        if key.intValue != nil { return key }
        return DocumentKey(camelCase(key.stringValue))
    }

    static func camelCase(_ key: String) -> String {
        lock.lock()
        if let known = memo[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let converted = convert(key)
        lock.lock()
        if memo.count < memoLimit { memo[key] = converted }
        lock.unlock()
        return converted
    }

    /// Foundation's rule: leading and trailing underscores kept; the rest split at underscores, the first part
    /// lowercased, every other part capitalized; a key without an inner underscore unchanged.
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

/// A coding key made of a string (the converted name of a document key).
struct DocumentKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
