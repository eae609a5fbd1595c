import Foundation
import Hummingbird
import PortbenchSchema

/// An error answered as `{"error": {"status", "message", "field"}}` with its status; nothing is stored.
public struct APIError: HTTPResponseError {
    public let status: HTTPResponse.Status
    public let message: String
    public let field: String?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    struct Body: Codable {
        struct Detail: Codable {
            var status: Int
            var message: String
            var field: String?
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(status: status.code, message: message, field: field))
        var response = try JSONResponse.make(body, status: status)
        for field in headers { response.headers.append(field) }
        return response
    }

    static func unauthorized(_ message: String) -> APIError {
        var e = APIError(.unauthorized, message)
        e.headers[.wwwAuthenticate] = "Bearer realm=\"portbench\""
        return e
    }
}

/// JSON responses in the documents' own encoding (snake_case keys, sorted).
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONCoding.compactEncoder().encode(value)
        return raw(data, status: status)
    }

    static func raw(_ data: Data, status: HTTPResponse.Status = .ok, type: String = "application/json") -> Response {
        Response(
            status: status, headers: [.contentType: type],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
