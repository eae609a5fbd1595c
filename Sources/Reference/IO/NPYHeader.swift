import Foundation
import Kernels
import PortbenchSchema

/// A validated `.npy` header: the dtype's width, the shape and where the data starts.
struct NPYHeader {
    var width: Int
    var shape: [Int]
    var dataStart: Int

    static let dtypes: [String: Int] = ["<f4": 4, "<f8": 8, "<f2": 2]

    static func parse(_ data: Data, file: String) throws -> NPYHeader {
        func fail(_ m: String) -> NPYError { NPYError(file: file, message: m) }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard data.count >= 10, Array(data.prefix(6)) == magic else { throw fail("not a .npy file (bad magic)") }
        let major = data[data.startIndex + 6], minor = data[data.startIndex + 7]
        guard [1, 2, 3].contains(major), minor == 0 else {
            throw fail("format version \(major).\(minor) is not one of 1.0, 2.0, 3.0")
        }
        let bytes = [UInt8](data.prefix(12))
        let lengthBytes = major == 1 ? 2 : 4
        let start = 8 + lengthBytes
        guard bytes.count >= start else { throw fail("truncated header") }
        let length = (0..<lengthBytes).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        guard length <= NPY.maxHeaderBytes else {
            throw fail("header of \(length) bytes exceeds NumPy's cap of \(NPY.maxHeaderBytes)")
        }
        guard start + length <= data.count else { throw fail("truncated header (\(length) bytes declared)") }
        let text = data.subdata(in: (data.startIndex + start)..<(data.startIndex + start + length))
        guard let header = String(data: text, encoding: major == 3 ? .utf8 : .ascii) else {
            throw fail("header is not \(major == 3 ? "UTF-8" : "ASCII")")
        }
        guard header.hasSuffix("\n") else { throw fail("header does not end with a newline") }
        var lexer = PythonLiteral(text: header.dropLast(), file: file)
        let fields = try lexer.dict()
        let keys = Set(fields.keys)
        guard keys == ["descr", "fortran_order", "shape"] else {
            throw fail("header keys \(fields.keys.sorted()); expected exactly descr, fortran_order, shape")
        }
        guard case .string(let descr) = fields["descr"]! else { throw fail("descr must be a string") }
        guard let width = dtypes[descr] else {
            let hint = descr.hasPrefix(">") ? " (big-endian data is not supported)" : ""
            throw fail("dtype '\(descr)' is not supported\(hint); expected '<f4', '<f8' or '<f2'")
        }
        guard case .bool(let fortran) = fields["fortran_order"]! else {
            throw fail("fortran_order must be True or False")
        }
        guard !fortran else {
            throw fail("fortran_order arrays are not supported; expected C order (np.ascontiguousarray)")
        }
        guard case .tuple(let shape) = fields["shape"]!, shape.allSatisfy({ $0 >= 0 }) else {
            throw fail("shape must be a tuple of non-negative integers")
        }
        guard let total = shapeBytes(shape, width: width) else { throw fail("shape \(shape) is too large to address") }
        let dataStart = start + length
        guard data.count - dataStart == total else {
            throw fail("\(data.count - dataStart) data bytes, but shape \(shape) of \(descr) needs \(total)")
        }
        return NPYHeader(width: width, shape: shape, dataStart: dataStart)
    }
}

/// The Python literal subset a `.npy` header holds: a dict of string keys to strings, True/False and int tuples.
struct PythonLiteral {
    enum Value {
        case string(String)
        case bool(Bool)
        case tuple([Int])
    }

    let chars: [Character]
    var i = 0
    let file: String

    init(text: Substring, file: String) {
        chars = Array(text)
        self.file = file
    }

    func fail(_ m: String) -> NPYError { NPYError(file: file, message: "header: \(m) at character \(i)") }

    mutating func space() { while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 } }

    mutating func eat(_ c: Character) -> Bool {
        space()
        guard i < chars.count, chars[i] == c else { return false }
        i += 1
        return true
    }

    mutating func dict() throws -> [String: Value] {
        guard eat("{") else { throw fail("expected '{'") }
        var out: [String: Value] = [:]
        while !eat("}") {
            let key = try string()
            guard out[key] == nil else { throw fail("duplicate key '\(key)'") }
            guard eat(":") else { throw fail("expected ':'") }
            out[key] = try value()
            if !eat(",") {
                guard eat("}") else { throw fail("expected ',' or '}'") }
                break
            }
        }
        space()
        guard i == chars.count else { throw fail("unexpected text after the dict") }
        return out
    }

    mutating func value() throws -> Value {
        space()
        guard i < chars.count else { throw fail("unexpected end") }
        switch chars[i] {
        case "'", "\"": return .string(try string())
        case "(": return .tuple(try tuple())
        default:
            for (word, v) in [("True", true), ("False", false)] where chars[i...].starts(with: word) {
                i += word.count
                return .bool(v)
            }
            throw fail("expected a string, True, False or a tuple")
        }
    }

    mutating func string() throws -> String {
        space()
        guard i < chars.count, chars[i] == "'" || chars[i] == "\"" else { throw fail("expected a quoted key") }
        let quote = chars[i]
        i += 1
        let start = i
        while i < chars.count, chars[i] != quote {
            guard chars[i] != "\\" else { throw fail("escapes are not supported in header strings") }
            i += 1
        }
        guard i < chars.count else { throw fail("unterminated string") }
        defer { i += 1 }
        return String(chars[start..<i])
    }

    mutating func tuple() throws -> [Int] {
        guard eat("(") else { throw fail("expected '('") }
        var out: [Int] = []
        while !eat(")") {
            space()
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            guard i > start, let n = Int(String(chars[start..<i])) else {
                throw fail("expected a non-negative integer")
            }
            out.append(n)
            if !eat(",") {
                guard eat(")") else { throw fail("expected ',' or ')'") }
                break
            }
        }
        return out
    }
}
