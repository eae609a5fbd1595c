import Foundation
import PortbenchSchema
import Regression
import ResultsStore

/// Series from the store's metric rows, with the change points the Regression module finds (the same settings as
/// `portbench history`).
struct SeriesBuilder {
    let store: any RunStore

    func history(_ keys: [SeriesQuery], backend: Backend? = nil, lastPoints: Int? = nil) async throws -> HistoryDocument
    {
        let settings = HistoryBuilder.defaultSettings()
        var series: [HistorySeries] = []
        for key in keys {
            var points = try await store.series(key)
            if let lastPoints, points.count > lastPoints { points = Array(points.suffix(lastPoints)) }
            guard !points.isEmpty, let b = backend ?? Backend(rawValue: key.backend) else { continue }
            let cpu = try await store.runs(RunFilter(machine: key.machine, limit: 1)).runs.first?.cpuModel ?? ""
            series.append(
                HistorySeries(
                    workload: key.workload, scenario: key.scenario, backend: b, metric: key.metric,
                    direction: Metric(rawValue: key.metric)?.descriptor.direction, machine: key.machine,
                    cpuModel: cpu, points: points, changePoints: HistoryBuilder.changePoints(points, settings)))
        }
        return HistoryDocument(
            created: ServerClock.now(), tool: "portbench-server 0.1.0", settings: settings, series: series)
    }
}
