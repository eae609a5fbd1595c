import Foundation
import PortbenchSchema
import Regression
import ResultsStore

/// Series from the store's metric rows, with the change points the Regression module finds (the same settings as
/// `portbench history`).
struct SeriesBuilder {
    let store: any RunStore

    /// The named series (the API's `/api/v1/series`).
    func history(_ keys: [SeriesQuery], backend: Backend? = nil) async throws -> HistoryDocument {
        var series: [HistorySeries] = []
        for key in keys {
            let points = try await store.series(key)
            guard !points.isEmpty, let b = backend ?? Backend(rawValue: key.backend) else { continue }
            let cpu = try await store.runs(RunFilter(machine: key.machine, limit: 1)).runs.first?.cpuModel ?? ""
            series.append(make(key.machine, cpu, key.metric, b, key.workload, key.scenario, points))
        }
        return document(series)
    }

    /// Every case's series of `metric` on a machine over its last `lastRuns` runs (the front page).
    func machineHistory(machine: String, cpuModel: String, metric: String, lastRuns: Int) async throws
        -> HistoryDocument
    {
        let all = try await store.machineSeries(machine: machine, metric: metric, lastRuns: lastRuns)
        var series: [HistorySeries] = []
        for key in all.keys.sorted() {
            guard let b = Backend(rawValue: key.backend), let points = all[key] else { continue }
            series.append(make(machine, cpuModel, metric, b, key.workload, key.scenario, points))
        }
        return document(series)
    }

    func make(
        _ machine: String, _ cpu: String, _ metric: String, _ backend: Backend, _ workload: String,
        _ scenario: String, _ points: [HistoryPoint]
    ) -> HistorySeries {
        HistorySeries(
            workload: workload, scenario: scenario, backend: backend, metric: metric,
            direction: Metric(rawValue: metric)?.descriptor.direction, machine: machine, cpuModel: cpu,
            points: points, changePoints: HistoryBuilder.changePoints(points, settings))
    }

    let settings = HistoryBuilder.defaultSettings()

    func document(_ series: [HistorySeries]) -> HistoryDocument {
        HistoryDocument(created: Timestamp.now(), tool: ResultsServer.tool, settings: settings, series: series)
    }
}
