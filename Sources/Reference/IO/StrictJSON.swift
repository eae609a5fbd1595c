import Foundation
import Kernels
import PortbenchSchema

/// A JSON value read by `StrictJSON`: objects keep their key order, integers stay exact.
public indirect enum JSONValue: Equatable, Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        case (.array(let x), .array(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }
}

/// A strict JSON reader for file headers written by other tools (safetensors): RFC 8259 syntax only, duplicate keys
/// refused, nesting depth and integer range bounded, so a hostile header cannot be read two ways or exhaust the stack.
public struct StrictJSON {
    public struct Failure: Error, Equatable {
        public let offset: Int
        public let message: String
    }

    let bytes: [UInt8]
    var i = 0
    let maxDepth: Int

    public static func parse(_ data: Data, maxDepth: Int = 16) throws -> JSONValue {
        var p = StrictJSON(bytes: Array(data), maxDepth: maxDepth)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == p.bytes.count else { throw p.fail("unexpected text after the JSON value") }
        return v
    }

    func fail(_ message: String) -> Failure { Failure(offset: i, message: message) }

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth <= maxDepth else { throw fail("nested deeper than \(maxDepth) levels") }
        guard i < bytes.count else { throw fail("unexpected end of the header") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default: return try number()
        }
    }

    mutating func object(depth: Int) throws -> JSONValue {
        i += 1
        var entries: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(entries)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let key = try string()
            guard seen.insert(key).inserted else { throw fail("duplicate key \"\(key)\"") }
            skipSpace()
            try expect(":")
            skipSpace()
            entries.append((key, try value(depth: depth + 1)))
            skipSpace()
            if try endOrComma("}") { return .object(entries) }
        }
    }

    mutating func array(depth: Int) throws -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if try endOrComma("]") { return .array(items) }
        }
    }

    mutating func endOrComma(_ close: Character) throws -> Bool {
        guard i < bytes.count else { throw fail("unexpected end of the header") }
        if bytes[i] == close.asciiValue! {
            i += 1
            return true
        }
        guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected ',' or '\(close)'") }
        i += 1
        return false
    }

    mutating func expect(_ c: Character) throws {
        guard i < bytes.count, bytes[i] == c.asciiValue! else { throw fail("expected '\(c)'") }
        i += 1
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw fail("unexpected character")
        }
        i += w.count
    }

    mutating func string() throws -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                guard let s = String(bytes: out, encoding: .utf8) else { throw fail("a string is not valid UTF-8") }
                return s
            case UInt8(ascii: "\\"): try escape(into: &out)
            case 0..<0x20: throw fail("a control character inside a string")
            default: out.append(c)
            }
        }
        throw fail("unterminated string")
    }

    mutating func escape(into out: inout [UInt8]) throws {
        guard i < bytes.count else { throw fail("unterminated escape") }
        let c = bytes[i]
        i += 1
        let simple: [UInt8: UInt8] = [
            0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09,
        ]
        if let s = simple[c] {
            out.append(s)
            return
        }
        // Exactly four hex digits (UInt32(_:radix:) alone would also take a sign).
        guard c == UInt8(ascii: "u"), i + 4 <= bytes.count,
            bytes[i..<(i + 4)].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
            let hex = String(bytes: bytes[i..<(i + 4)], encoding: .ascii), let code = UInt32(hex, radix: 16)
        else {
            throw fail("bad escape sequence")
        }
        i += 4
        // Surrogates are kept as U+FFFD: tensor names never need them, and nothing is read two ways.
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    mutating func number() throws -> JSONValue {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        guard i > digitsStart else { throw fail("unexpected character") }
        guard !(bytes[digitsStart] == 0x30 && i - digitsStart > 1) else { throw fail("a number with a leading zero") }
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let f = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            guard i > f else { throw fail("a number with no digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            guard i > e else { throw fail("a number with no exponent digits") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger {
            guard let v = Int(text) else { throw fail("integer \(text) is out of range") }
            return .integer(v)
        }
        guard let d = Double(text), d.isFinite else { throw fail("number \(text) is out of range") }
        return .number(d)
    }
}
