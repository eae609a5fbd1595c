import Foundation
import PortbenchSchema

/// Result files to upload, each read and checked whole before anything is sent: a regular file of at most 64 MiB,
/// a valid result document, a run id usable as an idempotency key, no run id twice.
public enum ResultFiles {
    public static let maxBytes = 64 << 20

    /// One checked file as an upload item (its exact bytes); errors name the file.
    public static func item(_ path: String) throws -> UploadItem {
        if let problem = InputFile.problem(path, maxBytes: maxBytes) {
            throw ResultDocumentError(file: path, message: problem)
        }
        let url = URL(fileURLWithPath: path)
        let doc = try ResultDocument.read(from: url)
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw ResultDocumentError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard Identifier.isValid(doc.runId) else {
            throw ResultDocumentError(
                file: path, message: "run_id '\(doc.runId)' cannot be an idempotency key (expected \(Identifier.rule))")
        }
        guard (try? JSONCoding.decoder().decode(ResultDocument.self, from: bytes).runId) == doc.runId else {
            throw ResultDocumentError(file: path, message: "the file changed while it was read")
        }
        return UploadItem(runId: doc.runId, source: path, document: bytes)
    }

    /// Every file checked, in order; two files with one run id are refused.
    public static func items(_ paths: [String]) throws -> [UploadItem] {
        var seen: [String: String] = [:]
        return try paths.map { path in
            let item = try item(path)
            if let other = seen[item.runId] {
                throw ResultDocumentError(file: path, message: "run_id \(item.runId) is also the run id of \(other)")
            }
            seen[item.runId] = path
            return item
        }
    }
}
