import Foundation

/// Reads any versioned portbench document: a regular file, valid JSON of the type, the right schema and version.
public enum SchemaDocument {
    public static func read<T: Decodable>(
        _ type: T.Type, from url: URL, schema: String, versions: ClosedRange<Int>,
        header: (T) -> (String, Int)
    ) throws -> T {
        if let problem = InputFile.problem(url.path) { throw ResultDocumentError(file: url.path, message: problem) }
        let doc: T
        do {
            doc = try JSONCoding.decoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw ResultDocumentError(
                file: url.path, message: "not a \(schema) document: \(DocumentDecodeError.describing(error))")
        }
        let (name, version) = header(doc)
        guard name == schema, versions.contains(version) else {
            throw ResultDocumentError(
                file: url.path, message: "schema \(name) v\(version); expected \(schema) v\(versions.upperBound)")
        }
        return doc
    }
}
