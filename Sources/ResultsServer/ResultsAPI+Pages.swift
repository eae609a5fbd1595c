import Foundation
import Hummingbird
import PortbenchRender
import PortbenchSchema
import ResultsStore

extension ResultsAPI {
    static let recentRunsPerMachine = 10
    static let trendPoints = 60

    /// `/`: latest runs per machine with trend charts and change points.
    func indexPage(_ request: Request) async throws -> Response {
        try authorizeRead(request)
        let latest = try await store.runs(RunFilter(limit: Self.maxPageSize)).runs
        var machines: [MachineOverview] = []
        for machine in uniqueInOrder(latest.map(\.machine)) {
            let recent = Array(latest.filter { $0.machine == machine }.prefix(Self.recentRunsPerMachine))
            guard let newest = recent.first else { continue }
            let history = try await SeriesBuilder(store: store).machineHistory(
                machine: machine, cpuModel: newest.cpuModel, metric: Metric.medianSeconds.rawValue,
                lastRuns: Self.trendPoints)
            machines.append(
                MachineOverview(machine: machine, cpuModel: newest.cpuModel, recent: recent, history: history))
        }
        return html(ServerPageRender.index(machines, totalRuns: try await store.count()))
    }

    /// `/commits/{sha}[?machine=]`: the regression report of the commit against the previous one on a machine.
    func commitPage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try authorizeRead(request)
        let sha = try commitParameter(context)
        guard
            let (verdicts, latest) = try await CommitVerdicts.build(
                commit: sha, store: store, noiseFolder: configuration.noiseFolder)
        else {
            throw APIError(.notFound, "no run at commit \(sha) is stored")
        }
        let wanted = request.uri.queryParameters["machine"].map(String.init)
        let chosen = verdicts.machines.filter { wanted == nil || $0.machine == wanted }
        if chosen.count > 1 {
            return html(
                ServerPageRender.commitMachines(
                    commit: sha, machines: chosen.map { ($0.machine, $0.cpuModel, $0.runs.count) }))
        }
        guard let verdict = chosen.first,
            let doc = latest.first(where: { $0.machine.computeKey() == verdict.machine })
        else { throw APIError(.notFound, "no run at commit \(sha) on machine \(wanted ?? "")") }
        return html(ReportRender(result: doc, comparison: verdict.comparison).html())
    }

    /// `/runs/{id}`: one run's report page.
    func runPage(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try authorizeRead(request)
        let id = try runId(context)
        guard let json = try await store.document(runId: id) else {
            throw APIError(.notFound, "no run \(id) is stored")
        }
        return html(ReportRender(result: try ResultDocument.decode(json: json)).html())
    }

    func html(_ page: String) -> Response {
        JSONResponse.raw(Data(page.utf8), type: "text/html; charset=utf-8")
    }

    func uniqueInOrder(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
