import Foundation
import Hummingbird
import PortbenchSchema
import Regression
import ResultsStore

extension ResultsAPI {
    static let maxPageSize = 500

    /// GET /api/v1/runs?commit=&machine=&suite=&limit=&after=
    func listRuns(_ request: Request) async throws -> Response {
        try authorizeRead(request)
        let q = request.uri.queryParameters
        var filter = RunFilter(
            commit: q["commit"].map(String.init), machine: q["machine"].map(String.init),
            suite: q["suite"].map(String.init))
        if let text = q["limit"] {
            guard let limit = Int(text), (1...Self.maxPageSize).contains(limit) else {
                throw APIError(.badRequest, "limit: expected an integer from 1 to \(Self.maxPageSize)", field: "limit")
            }
            filter.limit = limit
        }
        if let token = q["after"] {
            guard let cursor = RunCursor(token: String(token)) else {
                throw APIError(.badRequest, "after: not a cursor this server returned in `next`", field: "after")
            }
            filter.after = cursor
        }
        let page = try await store.runs(filter)
        return try JSONResponse.make(RunList(runs: page.runs, next: page.next?.token))
    }

    struct RunList: Codable {
        var runs: [RunSummary]
        var next: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(runs, forKey: .runs)
            try c.encode(next, forKey: .next)
        }
    }

    /// GET /api/v1/runs/{id}: the document exactly as uploaded.
    func getRun(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try authorizeRead(request)
        let id = try runId(context)
        guard let json = try await store.document(runId: id) else {
            throw APIError(.notFound, "no run \(id) is stored")
        }
        return JSONResponse.raw(json)
    }

    func runId(_ context: BasicRequestContext) throws -> String {
        let id = context.parameters.get("id") ?? ""
        guard Identifier.isValid(id) else { throw APIError(.notFound, "no run \(id.prefix(64)) is stored") }
        return id
    }

    /// GET /api/v1/series?workload=&scenario=&backend=&metric=&machine=: points and change points.
    func series(_ request: Request) async throws -> Response {
        try authorizeRead(request)
        let q = request.uri.queryParameters
        func required(_ name: String) throws -> String {
            guard let v = q[Substring(name)].map(String.init), !v.isEmpty else {
                throw APIError(.badRequest, "\(name): required", field: name)
            }
            return v
        }
        let key = SeriesQuery(
            workload: try required("workload"), scenario: try required("scenario"), backend: try required("backend"),
            metric: q["metric"].map(String.init) ?? String(Metric.medianSeconds.rawValue),
            machine: try required("machine"))
        guard let backend = Backend(rawValue: key.backend) else {
            throw APIError(
                .badRequest, "backend: expected one of \(Backend.allCases.map(\.rawValue).joined(separator: ", "))",
                field: "backend")
        }
        let history = try await SeriesBuilder(store: store).history([key], backend: backend)
        guard !history.series.isEmpty else {
            throw APIError(
                .notFound,
                "no points for \(key.workload)/\(key.scenario)/\(key.backend) \(key.metric) on \(key.machine)")
        }
        return try JSONResponse.make(history)
    }
}
