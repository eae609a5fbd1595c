import Foundation

extension TapeDecoder {
    /// The coding path of a node, built from the tape (JSON keys as written, array positions as indices).
    func path(to index: Int32) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var child = index
        var parent = self[index].parent
        while parent >= 0 {
            if self[parent].kind == .object {
                keys.append(DocumentKey(text(self[child - 1])))
            } else {
                var position = 0
                var sibling = parent + 1
                while sibling != child {
                    sibling = self[sibling].end
                    position += 1
                }
                keys.append(IndexKey(position))
            }
            child = parent
            parent = self[parent].parent
        }
        return keys.reversed()
    }

    func expect<T>(_ kind: JSONNode.Kind, at index: Int32, as type: T.Type) throws {
        if self[index].kind != kind { throw typeMismatch(type, at: index) }
    }

    /// Foundation's error for a value of the wrong kind: `valueNotFound` for null, `typeMismatch` otherwise.
    func typeMismatch<T>(_ type: T.Type, at index: Int32) -> DecodingError {
        let kind = self[index].kind
        let context = DecodingError.Context(
            codingPath: path(to: index),
            debugDescription: kind == .null
                ? "Expected \(type) value but found null instead."
                : "Expected to decode \(type) but found \(Self.describe(kind)) instead.")
        return kind == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    func corrupted(at index: Int32, _ message: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path(to: index), debugDescription: message))
    }

    static func describe(_ kind: JSONNode.Kind) -> String {
        switch kind {
        case .null: return "null"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "a dictionary"
        }
    }
}

/// A position in an array, as a coding key.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
