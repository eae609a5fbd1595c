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
        let cases = units.keys.sorted().compactMap { key in caseNoise(key, units[key]!.compactMap { $0 }) }
        return NoiseProfile(
            created: created, tool: tool, machineKind: MachineKind(first.machine),
            openblasCore: first.machine.openblas.corename, threads: first.machine.openblas.threads,
            suite: first.suite, runIds: docs.map(\.runId), cases: cases)
    }

    static func caseNoise(_ key: CaseKey, _ runs: [CaseResult]) -> CaseNoise? {
        guard runs.count >= minimumRuns else { return nil }
        let samples = runs.map { $0.samplesNs.map { Double($0) * 1e-9 } }
        let medians = samples.map(Estimators.median)
        let logs = medians.map { log($0) }
        let variance = Estimators.sumOfSquares(logs) / Double(logs.count - 1)
        let within = samples.map { Estimators.square(Estimators.logMedianStandardError($0)) }
        let withinMean = within.reduce(0, +) / Double(within.count)
        return CaseNoise(
            workload: key.workload, scenario: key.scenario, backend: key.backend, metric: Metric.medianSeconds.rawValue,
            runs: runs.count, medians: medians, betweenRunLogSd: Swift.max(0, variance - withinMean).squareRoot(),
            withinRunLogSe: withinMean.squareRoot())
    }
}
