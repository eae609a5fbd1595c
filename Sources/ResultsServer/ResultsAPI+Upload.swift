import Foundation
import Gzip
import HTTPTypes
import Hummingbird
import NIOCore
import PortbenchSchema
import ResultsStore

extension ResultsAPI {
    /// POST /api/v1/runs: a result document, gzip or plain; 201 stored, 200 when the run id was stored before.
    func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let uploader = try authorize(request)
        let json = try await body(request)
        let doc: ResultDocument
        do {
            doc = try ResultDocument.decode(json: json)
        } catch let error as DocumentDecodeError {
            switch error {
            case .malformedJSON(let why): throw APIError(.badRequest, "the body is not JSON: \(why)")
            case .invalidField(let field, let message):
                throw APIError(
                    .unprocessableContent, "not a valid portbench.result document: \(field): \(message)", field: field)
            }
        }
        if let key = request.headers[HTTPField.Name("Idempotency-Key")!], key != doc.runId {
            throw APIError(
                .unprocessableContent,
                "the Idempotency-Key header (\(key.prefix(64))) differs from the document's run_id",
                field: "run_id")
        }
        let outcome = try await store.insert(doc, json: json, uploader: uploader, receivedAt: Timestamp.now())
        switch outcome {
        case .stored(let summary):
            logger.info("stored run \(summary.runId) from \(uploader) (commit \(summary.commit.prefix(12)))")
            return try JSONResponse.make(UploadReply(summary, status: "stored"), status: .created)
        case .alreadyStored(let summary):
            logger.info("run \(summary.runId) from \(uploader) was stored before; not stored again")
            return try JSONResponse.make(UploadReply(summary, status: "already-stored"), status: .ok)
        }
    }

    /// The body, size-limited before and after inflating.
    func body(_ request: Request) async throws -> Data {
        let limit = configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, "the body is \(length) bytes; the limit is \(limit)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than the limit of \(limit) bytes")
        }
        let data = Data(buffer.readableBytesView)
        let encoding = request.headers[.contentEncoding]?.lowercased().trimmingCharacters(in: .whitespaces)
        switch encoding {
        case nil, "identity":
            return data
        case "gzip":
            do {
                return try Gzip.decompress(data, limit: configuration.maxInflatedBytes)
            } catch GzipError.tooLarge(let limit) {
                throw APIError(.contentTooLarge, "the gzip body inflates to more than \(limit) bytes")
            } catch {
                throw APIError(.badRequest, "Content-Encoding gzip, but the body is \(error)")
            }
        case .some(let other):
            throw APIError(.unsupportedMediaType, "Content-Encoding \(other) is not accepted; send gzip or identity")
        }
    }

    struct UploadReply: Codable {
        var runId: String
        var status: String
        var run: RunSummary

        init(_ summary: RunSummary, status: String) {
            self.runId = summary.runId
            self.status = status
            self.run = summary
        }
    }
}
