import Foundation

/// An object's members looked up by coding key. A key matches a member whose name converts to it by Foundation's
/// `convertFromSnakeCase`; for the names documents write (`snakeKey`) and plain camelCase keys that is a byte
/// comparison of `run_id` against `runId`, with no string built. Anything else takes the conversion itself.
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    let object: Int32
    var codingPath: [any CodingKey] { decoder.path(to: object) }

    var allKeys: [Key] {
        decoder.members(of: object).compactMap { Key(stringValue: SnakeCaseKeys.convert(decoder.text(decoder[$0]))) }
    }

    /// The value node for a key; with repeated names, the first in the document (as Foundation).
    func find(_ key: Key) -> Int32? {
        var name = key.stringValue
        let nodes = decoder.nodes
        let bytes = decoder.tape.bytes.baseAddress!
        return name.withUTF8 { camel -> Int32? in
            let form = CamelForm(camel)
            var wanted: String?
            var member = Int(object) + 1
            for _ in 0..<nodes[Int(object)].length {
                let k = nodes[member]
                if form.isRegular && k.flags & JSONNode.snakeKey != 0 {
                    if k.length == form.snakeLength && form.matches(bytes + Int(k.start)) { return Int32(member + 1) }
                } else {
                    if wanted == nil { wanted = String(decoding: camel, as: UTF8.self) }
                    if SnakeCaseKeys.convert(decoder.text(k)) == wanted { return Int32(member + 1) }
                }
                member = Int(nodes[member + 1].end)
            }
            return nil
        }
    }

    func value(_ key: Key) throws -> Int32 {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return node
    }

    /// The value node for `decodeIfPresent`: nil when the key is absent or its value is null.
    func present(_ key: Key) -> Int32? {
        guard let node = find(key), decoder[node].kind != .null else { return nil }
        return node
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { decoder[try value(key)].kind == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.decodeBool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.decodeString(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.decodeFloat(type, at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.decodeFloat(type, at: value(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.decodeInteger(type, at: value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.decodeInteger(type, at: value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.decodeInteger(type, at: value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.decodeInteger(type, at: value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.decodeInteger(type, at: value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.decodeInteger(type, at: value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.decodeInteger(type, at: value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try decoder.decodeInteger(type, at: value(key))
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try decoder.decodeInteger(type, at: value(key))
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try decoder.decodeInteger(type, at: value(key))
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.decode(type, at: value(key)) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map(decoder.decodeBool(at:))
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map(decoder.decodeString(at:))
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { try decoder.decodeFloat(type, at: $0) }
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        try present(key).map { try decoder.decodeFloat(type, at: $0) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try decoder.decodeInteger(type, at: $0) }
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try present(key).map { try decoder.decodeInteger(type, at: $0) }
    }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        try present(key).map { try decoder.decodeInteger(type, at: $0) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try decoder.decode(type, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let node = try value(key)
        try decoder.expect(.object, at: node, as: [String: Any].self)
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: node))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let node = try value(key)
        try decoder.expect(.array, at: node, as: [Any].self)
        return TapeUnkeyedContainer(decoder: decoder, array: node)
    }

    func superDecoder() throws -> any Decoder { try superDecoder(named: "super") }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(named: key.stringValue) }

    private func superDecoder(named name: String) throws -> any Decoder {
        guard let key = Key(stringValue: name), let node = find(key) else {
            throw DecodingError.keyNotFound(
                DocumentKey(name), DecodingError.Context(codingPath: codingPath, debugDescription: "no \(name)"))
        }
        return TapeDecoder(tape: decoder.tape, node: node)
    }
}

/// A coding key's name, read once: whether it is plain camelCase (`[a-z][a-zA-Z0-9]*`), and so whether its
/// snake_case form (`_` before each capital, lowered) is the one name that converts back to it.
struct CamelForm {
    let camel: UnsafeBufferPointer<UInt8>
    let isRegular: Bool
    let snakeLength: Int32

    init(_ camel: UnsafeBufferPointer<UInt8>) {
        self.camel = camel
        var regular = !camel.isEmpty && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(camel[0])
        var length = camel.count
        for b in camel {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): length += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            default: regular = false
            }
        }
        isRegular = regular
        snakeLength = Int32(length)
    }

    /// Whether `snake` (a `snakeKey` of `snakeLength` bytes) is this name's snake_case form.
    func matches(_ snake: UnsafePointer<UInt8>) -> Bool {
        var s = 0
        for b in camel {
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") {
                guard snake[s] == UInt8(ascii: "_"), snake[s + 1] == b + 32 else { return false }
                s += 2
            } else {
                guard snake[s] == b else { return false }
                s += 1
            }
        }
        return true
    }
}
