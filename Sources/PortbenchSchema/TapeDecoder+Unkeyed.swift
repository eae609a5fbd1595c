import Foundation

/// An array's elements in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    let array: Int32
    /// The next element's node.
    private var next: Int32
    private(set) var currentIndex = 0

    init(decoder: TapeDecoder, array: Int32) {
        self.decoder = decoder
        self.array = array
        next = array + 1
    }

    var codingPath: [any CodingKey] { decoder.path(to: array) }
    var count: Int? { Int(decoder[array].length) }
    var isAtEnd: Bool { currentIndex >= Int(decoder[array].length) }

    /// The next element, advancing past it.
    private mutating func take<T>(_ type: T.Type) throws -> Int32 {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end.")
            )
        }
        let node = next
        next = decoder[node].end
        currentIndex += 1
        return node
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder[next].kind == .null else { return false }
        _ = try take(Never.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool(at: take(type)) }
    mutating func decode(_ type: String.Type) throws -> String { try decoder.decodeString(at: take(type)) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decoder.decodeFloat(type, at: take(type)) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decoder.decodeFloat(type, at: take(type)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type, at: take(type)) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type, at: take(type)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let node = try take([String: Any].self)
        try decoder.expect(.object, at: node, as: [String: Any].self)
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: node))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let node = try take([Any].self)
        try decoder.expect(.array, at: node, as: [Any].self)
        return TapeUnkeyedContainer(decoder: decoder, array: node)
    }

    mutating func superDecoder() throws -> any Decoder {
        TapeDecoder(tape: decoder.tape, node: try take(Any.self))
    }
}
