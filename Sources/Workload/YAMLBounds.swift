import PortbenchSchema
/// Limits on YAML text checked before Yams composes it: the file's size and the number of alias uses (`*name`), so a
/// file of nested aliases (a "billion laughs") cannot make composing or comparing keys take unbounded time.
/// Nesting depth is bounded by libyaml itself (its maximum nest level).
enum YAMLBounds {
    static let maxBytes = 1 << 20
    static let maxAliases = 8

    static func check(_ text: String, file: String) throws {
        guard text.utf8.count <= maxBytes else {
            throw SpecError(file: file, path: "", message: "the file is \(text.utf8.count) bytes; specs are limited to \(maxBytes)")
        }
        let aliases = countAliases(text)
        guard aliases <= maxAliases else {
            throw SpecError(file: file, path: "", message: "\(aliases) YAML aliases (*name); at most \(maxAliases) are allowed in a spec")
        }
    }

    /// Counts `*` characters where a YAML node can start (outside quotes and comments): line start, or after
    /// whitespace that follows `:`, `-`, `?` or `,`, or right after `[`, `{` or `,`.
    static func countAliases(_ text: String) -> Int {
        var count = 0
        var quote: UInt8? = nil
        var comment = false
        var prev: UInt8 = 0x0A, prevSolid: UInt8 = 0x0A
        for c in text.utf8 {
            defer {
                prev = c
                if c != 0x20, c != 0x09 { prevSolid = c }
            }
            if comment { if c == 0x0A { comment = false }; continue }
            if let q = quote { if c == q { quote = nil }; continue }
            let atStart = prev == 0x0A || [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(prev)
                || ((prev == 0x20 || prev == 0x09) && [0x0A, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "?"),
                                                       UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{")].contains(prevSolid))
            switch c {
            case UInt8(ascii: "#") where prev == 0x20 || prev == 0x09 || prev == 0x0A: comment = true
            case UInt8(ascii: "'") where atStart: quote = c
            case UInt8(ascii: "\"") where atStart: quote = c
            case UInt8(ascii: "*") where atStart: count += 1
            default: break
            }
        }
        return count
    }
}
