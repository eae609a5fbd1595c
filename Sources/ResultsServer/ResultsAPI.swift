import Foundation
import Hummingbird
import Logging
import PortbenchSchema
import ResultsStore

/// The results server's routes over a store: uploads with a token, reads (and pages) open unless private.
public struct ResultsAPI: Sendable {
    public let store: any RunStore
    public let tokens: TokenRing
    public let configuration: ServerConfiguration
    let logger: Logger

    public init(store: any RunStore, tokens: TokenRing, configuration: ServerConfiguration, logger: Logger) {
        self.store = store
        self.tokens = tokens
        self.configuration = configuration
        self.logger = logger
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware(logger: logger))
        router.get("/healthz") { _, _ in try await self.health() }
        router.post("/api/v1/runs") { request, context in try await self.upload(request, context) }
        router.get("/api/v1/runs") { request, _ in try await self.listRuns(request) }
        router.get("/api/v1/runs/{id}") { request, context in try await self.getRun(request, context) }
        router.get("/api/v1/series") { request, _ in try await self.series(request) }
        router.get("/api/v1/commits/{sha}") { request, context in try await self.commit(request, context) }
        router.get("/") { request, _ in try await self.indexPage(request) }
        router.get("/commits/{sha}") { request, context in try await self.commitPage(request, context) }
        router.get("/runs/{id}") { request, context in try await self.runPage(request, context) }
        return router
    }

    func health() async throws -> Response {
        let runs = try await store.count()
        return try JSONResponse.make(Health(status: "ok", runs: runs))
    }

    struct Health: Codable {
        var status: String
        var runs: Int
    }

    /// The name of the bearer token presented, or 401 (the token itself is never logged or echoed).
    func authorize(_ request: Request) throws -> String {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("missing Authorization: Bearer token")
        }
        let prefix = "Bearer "
        guard header.count > prefix.count, header.lowercased().hasPrefix(prefix.lowercased()) else {
            throw APIError.unauthorized("the Authorization header is not a Bearer token")
        }
        guard let name = tokens.name(of: String(header.dropFirst(prefix.count))) else {
            throw APIError.unauthorized("the token is not accepted")
        }
        return name
    }

    /// Reads need a token only on a private server.
    func authorizeRead(_ request: Request) throws {
        if configuration.isPrivate { _ = try authorize(request) }
    }
}
