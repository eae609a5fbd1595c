import Foundation

/// The documents' JSON reader: `JSONTape` and `TapeDecoder`, with the errors of Foundation's `JSONDecoder` (not JSON:
/// `dataCorrupted` at the top with the line and column; a bad field: the `DecodingError` naming its path).
public struct DocumentDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let tape: JSONTape
        do {
            tape = try JSONTape(data)
        } catch let error as JSONSyntaxError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: [], debugDescription: "The given data was not valid JSON.",
                    underlyingError: NSError(
                        domain: NSCocoaErrorDomain, code: 3840,
                        userInfo: [NSDebugDescriptionErrorKey: error.description])))
        }
        return try TapeDecoder(tape: tape, node: 0).decode(type, at: 0)
    }
}
