import Foundation
import PortbenchSchema

/// Turns several runs of one suite on one machine into a noise profile: how far each case's run median moves
/// between runs beyond what its own samples explain.
public enum NoiseEstimator {
    public static let minimumRuns = 3

    public static func profile(
        _ docs: [ResultDocument], labels: [String], created: String, tool: String
    ) throws -> NoiseProfile {
        guard docs.count >= minimumRuns, let first = docs.first else {
            throw ComparisonError("a noise profile needs at least \(minimumRuns) runs (got \(docs.count))")
        }
        for (doc, label) in zip(docs, labels).dropFirst() {
            let machine = first.machine.machineDifferences(doc.machine)
            let settings = first.machine.settingsDifferences(doc.machine)
            guard machine.isEmpty, settings.isEmpty else {
                let fields = (machine.map(\.field.rawValue) + settings.map(\.name)).joined(separator: ", ")
                throw ComparisonError("\(label): measured on another machine or with other settings (\(fields))")
            }
        }
        let units = CaseUnits.index(docs)
        let cases = units.keys.sorted().flatMap { key in caseNoise(key, units[key]!.compactMap { $0 }) }
        return NoiseProfile(
            created: created, tool: tool, machineKind: MachineKind(first.machine),
            openblasCore: first.machine.openblas.corename, threads: first.machine.openblas.threads,
            suite: first.suite, runIds: docs.map(\.runId), cases: cases)
    }

    /// A case's noise: on its times, or — when every run counted it with an instrument — on each count instead
    /// (times under valgrind describe its emulation).
    static func caseNoise(_ key: CaseKey, _ runs: [CaseResult]) -> [CaseNoise] {
        guard runs.count >= minimumRuns else { return [] }
        guard runs.allSatisfy({ $0.instrument != nil }) else {
            let seconds = runs.map { $0.samplesNs.map { Double($0) * 1e-9 } }
            return [caseNoise(key, metric: Metric.medianSeconds.rawValue, seconds)]
        }
        return InstrumentMetric.allCases.compactMap { m in
            let counts = runs.compactMap { $0.instrument?.samples(m) }
            guard counts.count == runs.count, !counts.contains(where: \.isEmpty) else { return nil }
            return caseNoise(key, metric: m.rawValue, counts)
        }
    }

    /// Between-run deviation of log(run median) beyond the mean within-run standard error, from each run's samples.
    static func caseNoise(_ key: CaseKey, metric: String, _ samples: [[Double]]) -> CaseNoise {
        let medians = samples.map(Estimators.median)
        let logs = medians.map { log($0) }
        let variance = Estimators.sumOfSquares(logs) / Double(logs.count - 1)
        let within = samples.map { Estimators.square(Estimators.logMedianStandardError($0)) }
        let withinMean = within.reduce(0, +) / Double(within.count)
        return CaseNoise(
            workload: key.workload, scenario: key.scenario, backend: key.backend, metric: metric,
            runs: samples.count, medians: medians, betweenRunLogSd: Swift.max(0, variance - withinMean).squareRoot(),
            withinRunLogSe: withinMean.squareRoot())
    }
}
