import HTTPTypes
import Hummingbird
import Logging

/// Any error that is not already an answer (a store or rendering failure) is logged with its request and answered
/// as a JSON 500 that names no internals; unknown routes get the same JSON error shape as the API's own.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPResponseError {
            if error.status == .notFound, let allowed = RouteTable.methods(for: request.uri.path),
                !allowed.contains(request.method)
            {
                var refusal = APIError(.methodNotAllowed, "\(request.method) is not answered on \(request.uri.path)")
                refusal.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                throw refusal
            }
            throw APIError(error.status, error.status.reasonPhrase)
        } catch {
            logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            throw APIError(.internalServerError, "internal error; the server log has the details")
        }
    }
}
