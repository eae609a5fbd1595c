import Foundation

/// A `Decoder` over a `JSONTape` with the documents' rules (snake_case keys, "nan"/"inf"/"-inf" floats), the same
/// results and errors as Foundation's `JSONDecoder` configured that way, at a fraction of its cost: keys are matched
/// against the bytes without building strings or dictionaries, and the coding path is only built for an error.
final class TapeDecoder: Decoder {
    let tape: JSONTape
    let nodes: UnsafeMutableBufferPointer<JSONNode>
    /// The node being decoded.
    var node: Int32
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var codingPath: [any CodingKey] { path(to: node) }

    init(tape: JSONTape, node: Int32) {
        self.tape = tape
        self.node = node
        nodes = tape.nodes
    }

    subscript(_ index: Int32) -> JSONNode { nodes[Int(index)] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.object, at: node, as: [String: Any].self)
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self, object: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.array, at: node, as: [Any].self)
        return TapeUnkeyedContainer(decoder: self, array: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(decoder: self, node: node)
    }

    /// A value of any type at a node (the decoder stands on that node while the value's initializer runs).
    func decode<T: Decodable>(_ type: T.Type, at index: Int32) throws -> T {
        if self[index].kind == .object, let dictionary = T.self as? any StringKeyedDictionary.Type {
            guard let value = try dictionary.init(tape: self, object: index) as? T else {
                throw typeMismatch(T.self, at: index)
            }
            return value
        }
        let saved = node
        node = index
        defer { node = saved }
        return try T(from: self)
    }

    func decodeString(at index: Int32) throws -> String {
        let n = self[index]
        guard n.kind == .string else { throw typeMismatch(String.self, at: index) }
        return JSONScalars.string(tape.span(n), escaped: n.has(JSONNode.escaped))
    }

    func decodeBool(at index: Int32) throws -> Bool {
        let n = self[index]
        guard n.kind == .bool else {  // Foundation calls a null Bool a type mismatch, unlike other nulls
            throw DecodingError.typeMismatch(
                Bool.self, .init(codingPath: path(to: index), debugDescription: "Expected Bool but found \(n.kind)."))
        }
        return n.has(JSONNode.isTrue)
    }

    /// A float: a number, or the strings "nan", "inf" and "-inf" (how the documents write non-finite values).
    func decodeFloat<T: BinaryFloatingPoint & LosslessStringConvertible>(_ type: T.Type, at index: Int32) throws -> T {
        let n = self[index]
        switch n.kind {
        case .number:
            guard let value = JSONScalars.floatingPoint(tape.span(n), as: T.self) else {
                throw corrupted(at: index, "Number \(text(n)) is not representable in Swift.")
            }
            return value
        case .string where !n.has(JSONNode.escaped):
            switch text(n) {
            case "nan": return .nan
            case "inf": return .infinity
            case "-inf": return -.infinity
            default: throw typeMismatch(T.self, at: index)
            }
        default:
            throw typeMismatch(T.self, at: index)
        }
    }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type, at index: Int32) throws -> T {
        let n = self[index]
        guard n.kind == .number else { throw typeMismatch(T.self, at: index) }
        guard let value = JSONScalars.integer(tape.span(n), isInteger: n.has(JSONNode.integer), as: T.self) else {
            throw corrupted(at: index, "Parsed JSON number <\(text(n))> does not fit in \(T.self).")
        }
        return value
    }

    func text(_ n: JSONNode) -> String { String(decoding: tape.span(n), as: UTF8.self) }

    /// An object's member key nodes, in document order (each value is the node after its key).
    func members(of object: Int32) -> some Sequence<Int32> {
        sequence(first: object + 1) { [self] in self[$0 + 1].end }.prefix(Int(self[object].length))
    }
}

/// `[String: Value]`: decoded with its keys exactly as written (the key strategy is for property names only, as
/// in Foundation).
protocol StringKeyedDictionary {
    init(tape decoder: TapeDecoder, object: Int32) throws
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Decodable {
    init(tape decoder: TapeDecoder, object: Int32) throws {
        try decoder.expect(.object, at: object, as: [String: Any].self)
        self.init(minimumCapacity: Int(decoder[object].length))
        for member in decoder.members(of: object) {
            self[try decoder.decodeString(at: member)] = try decoder.decode(Value.self, at: member + 1)
        }
    }
}

struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TapeDecoder
    let node: Int32
    var codingPath: [any CodingKey] { decoder.path(to: node) }

    func decodeNil() -> Bool { decoder[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool(at: node) }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString(at: node) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeFloat(type, at: node) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decodeFloat(type, at: node) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type, at: node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type, at: node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type, at: node) }
}
