import Foundation
import Hummingbird
import PortbenchRender
import PortbenchSchema
import ResultsStore

extension ResultsAPI {
    /// GET /api/v1/commits/{sha}
    func commit(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try authorizeRead(request)
        let sha = try commitParameter(context)
        guard
            let (verdicts, _) = try await CommitVerdicts.build(
                commit: sha, store: store, noiseFolder: configuration.noiseFolder)
        else {
            throw APIError(.notFound, "no run at commit \(sha) is stored")
        }
        return try JSONResponse.make(verdicts)
    }

    func commitParameter(_ context: BasicRequestContext) throws -> String {
        let sha = context.parameters.get("sha") ?? ""
        guard Identifier.isValid(sha) else { throw APIError(.notFound, "no run at commit \(sha.prefix(64)) is stored") }
        return sha
    }
}
