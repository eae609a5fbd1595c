import Foundation
import PortbenchSchema

/// Nightly series per (workload, scenario, backend, metric, machine) from result documents, ordered by their
/// `created` time, with change points found by E-divisive means. A pure function of the documents: the results
/// server runs the same code over its database.
public enum HistoryBuilder {
    /// Default settings: significance 0.01 by a seeded permutation test, and a 3% minimum shift.
    public static func defaultSettings(permutations: Int = 199, minimumShift: Double = Regression.defaultMinimumEffect)
        -> ChangePointSettings
    {
        ChangePointSettings(
            method: "E-divisive means (Matteson & James 2014), hierarchical, permutation test", pValue: 0.01,
            permutations: permutations, minimumShift: minimumShift, seed: 1)
    }

    public static func build(
        _ docs: [ResultDocument], metrics: [String] = [Metric.medianSeconds.rawValue],
        settings: ChangePointSettings = defaultSettings(), created: String, tool: String
    ) -> HistoryDocument {
        let ordered = docs.sorted { ($0.created, $0.runId) < ($1.created, $1.runId) }
        var points: [SeriesKey: [HistoryPoint]] = [:]
        var cpu: [String: String] = [:]
        for doc in ordered {
            let machine = doc.machine.computeKey()
            cpu[machine] = doc.machine.cpuModel
            for c in doc.cases {
                for metric in metrics {
                    guard let value = c.metric(named: metric), value.isFinite else { continue }
                    let key = SeriesKey(case: CaseKey(c), metric: metric, machine: machine)
                    points[key, default: []].append(
                        HistoryPoint(
                            runId: doc.runId, created: doc.created, commit: doc.machine.gitCommit, value: value))
                }
            }
        }
        let series = points.keys.sorted().map { key in
            HistorySeries(
                workload: key.case.workload, scenario: key.case.scenario, backend: key.case.backend,
                metric: key.metric, direction: Metric(rawValue: key.metric)?.descriptor.direction,
                machine: key.machine, cpuModel: cpu[key.machine] ?? "", points: points[key]!,
                changePoints: changePoints(points[key]!, settings))
        }
        return HistoryDocument(created: created, tool: tool, settings: settings, series: series)
    }

    /// Change points of one series, each placed between the commits on either side of it.
    public static func changePoints(_ points: [HistoryPoint], _ s: ChangePointSettings) -> [ChangePoint] {
        let options = EDivisiveOptions(
            pValue: s.pValue, permutations: s.permutations, minimumShift: s.minimumShift, seed: s.seed)
        return EDivisive.changePoints(points.map(\.value), options: options).map { cp in
            ChangePoint(
                commitBefore: points[cp.index - 1].commit, commitAfter: points[cp.index].commit, index: cp.index,
                shift: cp.shift, pValue: cp.pValue, meanBefore: cp.meanBefore, meanAfter: cp.meanAfter)
        }
    }

    struct SeriesKey: Hashable, Comparable {
        var `case`: CaseKey
        var metric: String
        var machine: String

        static func < (l: SeriesKey, r: SeriesKey) -> Bool {
            if l.case != r.case { return l.case < r.case }
            return (l.metric, l.machine) < (r.metric, r.machine)
        }
    }
}

extension CaseResult {
    /// The keys of the counted figures `metric(named:)` answers beside the measured metrics.
    public static var countedFigureKeys: [String] { StaticFigure.allCases.map(\.key) }

    /// A metric by key: the per-case metrics, or a deterministic figure (`flops`, `fusions`, …).
    public func metric(named key: String) -> Double? {
        metrics[key] ?? StaticFigure.allCases.first { $0.key == key }?.value(self)
    }

    /// Every finite value `metric(named:)` answers, by key: the measured metrics, then the counted figures a
    /// metric of the same key does not hide.
    public var finiteMetrics: [String: Double] {
        var values = metrics.filter { $0.value.isFinite }
        for figure in StaticFigure.allCases where metrics[figure.key] == nil {
            if let v = figure.value(self), v.isFinite { values[figure.key] = v }
        }
        return values
    }
}
