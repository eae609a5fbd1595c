import Foundation
import PortbenchSchema

/// How a command prints a document: a terminal table, Markdown, or the JSON document itself.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, markdown

    /// The document as the one JSON configuration writes it.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self)
    }
}
