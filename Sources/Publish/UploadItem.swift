import Foundation
import Gzip

/// One result document to deliver: its run id (the idempotency key), where it came from, its exact bytes and their
/// gzip form (the request body).
public struct UploadItem: Sendable {
    public var runId: String
    /// The file or spool entry, for messages.
    public var source: String
    public var document: Data
    public var body: Data

    public init(runId: String, source: String, document: Data) {
        self.runId = runId
        self.source = source
        self.document = document
        self.body = Gzip.compress(document)
    }
}
