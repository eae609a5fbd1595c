import Foundation

/// One JSON value of a parsed document, in document order: a container is followed by its whole subtree (an object's
/// members as key, value, key, value …), so a value is found by index and nothing is copied out of the bytes.
struct JSONNode {
    enum Kind: UInt8 { case null, bool, number, string, array, object }

    var kind: Kind
    /// Strings: `escaped`, `nonASCII`, `snakeKey`; numbers: `integer`; bools: `isTrue`.
    var flags: UInt8
    /// Scalars: the first byte (after the quote for strings). Containers: unused.
    var start: Int32
    /// Scalars: the byte count (without quotes). Containers: the number of elements or members.
    var length: Int32
    /// The index of the first node after this one's subtree.
    var end: Int32
    /// The enclosing container's index; -1 for the top-level value.
    var parent: Int32

    static let escaped: UInt8 = 1
    static let nonASCII: UInt8 = 2
    /// A key of the form `[a-z][a-z0-9]*(_[a-z][a-z0-9]*)*`: the form every portbench document writes.
    static let snakeKey: UInt8 = 4
    static let integer: UInt8 = 8
    static let isTrue: UInt8 = 16

    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}

/// Why bytes are not JSON (RFC 8259), with the line and column of the first offending byte.
struct JSONSyntaxError: Error, CustomStringConvertible {
    var message: String
    var line: Int
    var column: Int
    var description: String { "\(message) at line \(line), column \(column)" }
}

/// A parsed JSON document: the bytes (NUL-terminated) and the nodes that index them. Strict RFC 8259: no comments,
/// trailing commas, leading zeros, control characters in strings, lone surrogates or invalid UTF-8; depth ≤ 512;
/// a leading UTF-8 byte-order mark is ignored (RFC 8259 allows either).
final class JSONTape {
    static let maximumDepth = 512

    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// The nodes, in memory of their own (read through a pointer: no reference counting in the decoder's loops).
    let nodes: UnsafeMutableBufferPointer<JSONNode>

    init(_ data: Data) throws {
        guard data.count < Int(Int32.max) else {
            throw JSONSyntaxError(message: "the document is larger than 2 GiB", line: 1, column: 1)
        }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count + 1)
        _ = bytes.initialize(from: data)
        bytes[data.count] = 0
        var scanner = JSONScanner(bytes: bytes, count: data.count)
        defer { scanner.open.deallocate() }
        do {
            try scanner.scan()
        } catch {
            bytes.deallocate()
            scanner.nodes.deallocate()
            throw error
        }
        self.bytes = bytes
        nodes = UnsafeMutableBufferPointer(start: scanner.nodes.baseAddress, count: scanner.used)
    }

    deinit {
        bytes.deallocate()
        nodes.deallocate()
    }

    /// The bytes of a scalar node.
    func span(_ node: JSONNode) -> UnsafeBufferPointer<UInt8> { JSONScanner.span(node, in: bytes) }
}

/// The one pass that fills a tape: iterative, with an explicit stack of open containers.
private struct JSONScanner {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let count: Int
    var i = 0
    /// The nodes so far (`used` of them), grown by doubling; the tape takes the buffer over.
    var nodes: UnsafeMutableBufferPointer<JSONNode>
    var used = 0
    /// Open containers: node index and members so far (`depth` of them).
    var open: UnsafeMutableBufferPointer<(node: Int32, count: Int32)>
    var depth = 0

    init(bytes: UnsafeMutableBufferPointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
        nodes = .allocate(capacity: count / 8 + 16)
        open = .allocate(capacity: JSONTape.maximumDepth + 1)
    }

    var byte: UInt8 { bytes[i] }  // the NUL after the last byte reads as 0

    static func span(_ node: JSONNode, in bytes: UnsafeMutableBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.start + node.length)])
    }

    func span(_ node: JSONNode) -> UnsafeBufferPointer<UInt8> { Self.span(node, in: bytes) }

    mutating func append(_ node: JSONNode) -> Int32 {
        if used == nodes.count {
            let grown = UnsafeMutableBufferPointer<JSONNode>.allocate(capacity: nodes.count * 2)
            _ = grown.initialize(from: nodes)
            nodes.deallocate()
            nodes = grown
        }
        nodes[used] = node
        used += 1
        return Int32(used - 1)
    }

    mutating func close(_ index: Int32, count: Int32) {
        nodes[Int(index)].length = count
        nodes[Int(index)].end = Int32(used)
    }

    var top: (node: Int32, count: Int32)? { depth > 0 ? open[depth - 1] : nil }

    mutating func scan() throws {
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }  // a UTF-8 BOM, ignored
        skipSpace()
        guard i < count else { throw error("the document is empty") }
        try value()
        while let top {
            skipSpace()
            let isObject = nodes[Int(top.node)].kind == .object
            switch byte {
            case UInt8(ascii: ","):
                i += 1
                skipSpace()
                if isObject { try key() }
                try value()
            case UInt8(ascii: "]") where !isObject, UInt8(ascii: "}") where isObject:
                i += 1
                depth -= 1
                close(top.node, count: top.count)
            default:
                throw error(
                    isObject
                        ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element")
            }
        }
        skipSpace()
        guard i == count else { throw error("unexpected bytes after the document") }
    }

    /// A value at `i`: a scalar, or an opened container (its first member read too).
    mutating func value() throws {
        skipSpace()
        let parent = top?.node ?? -1
        if depth > 0 { open[depth - 1].count += 1 }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = byte == UInt8(ascii: "{")
            guard depth < JSONTape.maximumDepth else { throw error("nested deeper than \(JSONTape.maximumDepth)") }
            let node = append(
                JSONNode(
                    kind: isObject ? .object : .array, flags: 0, start: Int32(i), length: 0, end: 0, parent: parent))
            i += 1
            open[depth] = (node, 0)
            depth += 1
            skipSpace()
            if byte == UInt8(ascii: isObject ? "}" : "]") {
                i += 1
                depth -= 1
                close(node, count: 0)
            } else {
                if isObject { try key() }
                try value()
            }
        case UInt8(ascii: "\""):
            try string(parent: parent, isKey: false)
        case UInt8(ascii: "t"): try literal("true", .bool, JSONNode.isTrue, parent)
        case UInt8(ascii: "f"): try literal("false", .bool, 0, parent)
        case UInt8(ascii: "n"): try literal("null", .null, 0, parent)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(parent: parent)
        default:
            throw error(i < count ? "unexpected character '\(Self.printable(byte))'" : "unexpected end of the document")
        }
    }

    /// An object member's key and its colon.
    mutating func key() throws {
        guard byte == UInt8(ascii: "\"") else { throw error("expected a string key") }
        try string(parent: open[depth - 1].node, isKey: true)
        skipSpace()
        guard byte == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
        i += 1
    }

    mutating func string(parent: Int32, isKey: Bool) throws {
        i += 1
        let start = i
        var flags: UInt8 = 0
        while true {
            let b = byte
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                flags |= JSONNode.escaped
                try escape()
            } else if b < 0x20 {
                throw error(i < count ? "a control character in a string" : "unterminated string")
            } else {
                if b >= 0x80 { flags |= JSONNode.nonASCII }
                i += 1
            }
        }
        let node = JSONNode(
            kind: .string, flags: flags, start: Int32(start), length: Int32(i - start), end: Int32(used + 1),
            parent: parent)
        i += 1
        if flags & JSONNode.nonASCII != 0,
            String(validating: span(node), as: UTF8.self) == nil
        {
            i = start
            throw error("a string that is not valid UTF-8")
        }
        var keyed = node
        if isKey && flags == 0 && Self.isSnakeKey(span(node)) { keyed.flags |= JSONNode.snakeKey }
        _ = append(keyed)
    }

    /// One escape after its backslash; `\u` must be a valid code point (surrogates only in pairs).
    mutating func escape() throws {
        i += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 1
        case UInt8(ascii: "u"):
            let unit = try hex4(at: i + 1)
            i += 5
            if (0xDC00...0xDFFF).contains(unit) { throw error("a lone low surrogate in \\u escape") }
            if (0xD800...0xDBFF).contains(unit) {
                guard byte == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                    (0xDC00...0xDFFF).contains(try hex4(at: i + 2))
                else { throw error("a high surrogate in \\u escape without its low surrogate") }
                i += 6
            }
        default:
            throw error("an invalid escape '\\\(Self.printable(byte))'")
        }
    }

    func hex4(at p: Int) throws -> UInt16 {
        guard let v = JSONScalars.hex4(UnsafeBufferPointer(rebasing: bytes[..<count]), at: p) else {
            throw error("\\u must be followed by four hex digits")
        }
        return v
    }

    mutating func number(parent: Int32) throws {
        let start = i
        var integer = true
        if byte == UInt8(ascii: "-") { i += 1 }
        if byte == UInt8(ascii: "0") {
            i += 1
            if Self.isDigit(byte) { throw error("a number with a leading zero") }
        } else {
            guard Self.isDigit(byte) else { throw error("a number without digits") }
            while Self.isDigit(byte) { i += 1 }
        }
        if byte == UInt8(ascii: ".") {
            integer = false
            i += 1
            guard Self.isDigit(byte) else { throw error("a number without digits after '.'") }
            while Self.isDigit(byte) { i += 1 }
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            integer = false
            i += 1
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { i += 1 }
            guard Self.isDigit(byte) else { throw error("a number without digits in its exponent") }
            while Self.isDigit(byte) { i += 1 }
        }
        _ = append(
            JSONNode(
                kind: .number, flags: integer ? JSONNode.integer : 0, start: Int32(start), length: Int32(i - start),
                end: Int32(used + 1), parent: parent))
    }

    mutating func literal(_ word: StaticString, _ kind: JSONNode.Kind, _ flags: UInt8, _ parent: Int32) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= count, memcmp(bytes.baseAddress! + i, word.utf8Start, n) == 0 else {
            throw error("unexpected character '\(Self.printable(byte))'")
        }
        _ = append(
            JSONNode(
                kind: kind, flags: flags, start: Int32(i), length: Int32(n), end: Int32(used + 1),
                parent: parent))
        i += n
    }

    mutating func skipSpace() {
        while true {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    static func isSnakeKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var partStart = true
        for b in key {
            if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") {
                partStart = false
            } else if isDigit(b) {
                if partStart { return false }
            } else if b == UInt8(ascii: "_") {
                if partStart { return false }
                partStart = true
            } else {
                return false
            }
        }
        return !partStart
    }

    static func printable(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : String(format: "\\x%02X", b)
    }

    func error(_ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        for k in 0..<min(i, count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONSyntaxError(message: message, line: line, column: column)
    }
}
