import Foundation

/// Why bytes that claim to be a result document were refused: not JSON at all, or JSON that is not a valid
/// document (with the field, as a snake_case path like `cases[0].backend`).
public enum DocumentDecodeError: Error, Equatable, CustomStringConvertible {
    case malformedJSON(String)
    case invalidField(field: String, message: String)

    public var field: String? {
        if case .invalidField(let field, _) = self { return field }
        return nil
    }

    public var description: String {
        switch self {
        case .malformedJSON(let why): return "malformed JSON: \(why)"
        case .invalidField(let field, let message): return "\(field): \(message)"
        }
    }
}

extension ResultDocument {
    /// Decodes a result document from bytes (an upload body) by the same rules as `read(from:)`: the schema and a
    /// readable version, and a run id that is an identifier (it becomes part of URLs and file names).
    public static func decode(json data: Data) throws -> ResultDocument {
        let doc: ResultDocument
        do {
            doc = try JSONCoding.decoder().decode(ResultDocument.self, from: data)
        } catch let error as DecodingError {
            throw DocumentDecodeError(decoding: error)
        }
        guard doc.schema == schemaName else {
            throw DocumentDecodeError.invalidField(field: "schema", message: "expected \"\(schemaName)\"")
        }
        guard readableVersions.contains(doc.schemaVersion) else {
            throw DocumentDecodeError.invalidField(
                field: "schema_version",
                message: "version \(doc.schemaVersion) is not readable here; expected \(readableVersions)")
        }
        guard Identifier.isValid(doc.runId) else {
            throw DocumentDecodeError.invalidField(field: "run_id", message: "expected \(Identifier.rule)")
        }
        return doc
    }
}

extension DocumentDecodeError {
    /// The reader's error in the documents' terms: bytes that are not JSON (with where), or the field that is wrong
    /// and what it should have been.
    public init(decoding error: DecodingError) {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            self = .malformedJSON(detail ?? context.debugDescription)
        } else {
            self.init(error)
        }
    }

    /// A reading error as a message: the reader's in the documents' terms, any other (a file error) as it is.
    public static func describing(_ error: any Error) -> String {
        (error as? DecodingError).map { "\(DocumentDecodeError(decoding: $0))" } ?? "\(error)"
    }

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .invalidField(field: Self.path(context.codingPath + [key]), message: "missing")
        case .typeMismatch(let type, let context):
            self = .invalidField(field: Self.path(context.codingPath), message: "expected \(Self.name(of: type))")
        case .valueNotFound(let type, let context):
            self = .invalidField(
                field: Self.path(context.codingPath), message: "expected \(Self.name(of: type)), got null")
        case .dataCorrupted(let context):
            self = .invalidField(field: Self.path(context.codingPath), message: context.debugDescription)
        @unknown default:
            self = .invalidField(field: "(document)", message: "\(error)")
        }
    }

    /// `cases[0].samples_ns` from a coding path (keys written as the documents write them, in snake_case).
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + snakeCase(key.stringValue)
            }
        }
        return out.isEmpty ? "(document)" : out
    }

    static func snakeCase(_ key: String) -> String {
        var out = ""
        for c in key {
            if c.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is UInt64.Type, is Int64.Type, is UInt.Type: return "an integer"
        case is Bool.Type: return "true or false"
        default:
            let n = String(describing: type)
            if n.hasPrefix("Array") { return "an array" }
            if n.hasPrefix("Dictionary") { return "an object" }
            return "a valid \(n)"
        }
    }
}
