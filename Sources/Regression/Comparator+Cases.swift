import Foundation
import PortbenchSchema

extension Comparator {
    /// Every metric of one case: the timing (by the mode's rule), then the deterministic figures.
    static func decide(
        _ key: CaseKey, units: CaseUnits, mode: ComparisonMode, options: ComparisonOptions
    ) -> [CaseComparison] {
        let (a, b) = units.first(key)
        var out: [CaseComparison] = []
        if let timing = timing(key, units: units, mode: mode, options: options) { out.append(timing) }
        // Counts are listed only when they moved (the rule text says so); numerics are listed always.
        out += StaticFigure.allCases.compactMap { $0.compare(key, a, b) }.filter {
            $0.verdict != .unchanged || $0.provenance != .counted
        }
        return out
    }

    static func timing(
        _ key: CaseKey, units: CaseUnits, mode: ComparisonMode, options: ComparisonOptions
    ) -> CaseComparison? {
        let seconds = { (c: CaseResult) in c.samplesNs.map { Double($0) * 1e-9 } }
        let metric = Metric.medianSeconds.rawValue
        let sigma =
            options.noise?.betweenRunLogSd(
                workload: key.workload, scenario: key.scenario, backend: key.backend, metric: metric) ?? 0
        let a = units.baseline[key]!.compactMap { $0 }, b = units.candidate[key]!.compactMap { $0 }
        let estimate: LogRatioEstimate
        switch mode {
        case .separateRuns:
            estimate = Estimators.separateRuns(
                baseline: seconds(a[0]), candidate: seconds(b[0]), betweenRunLogSd: sigma)
        case .runsAsUnits:
            estimate = Estimators.runsAsUnits(
                baseline: a.map(seconds), candidate: b.map(seconds), varianceFloor: sigma * sigma)
        case .interleaved:
            let rounds = units.paired(key).map { (baseline: seconds($0.0), candidate: seconds($0.1)) }
            guard rounds.count >= 3 else { return nil }
            estimate = Estimators.interleaved(rounds: rounds)
        }
        let d = options.rule.decide(estimate, direction: .lowerIsBetter)
        let medA = Estimators.median(a.map { Estimators.median(seconds($0)) })
        let medB = Estimators.median(b.map { Estimators.median(seconds($0)) })
        let noisy = (a + b).contains { $0.flagged(.noisy) }
        return CaseComparison(
            workload: key.workload, scenario: key.scenario, backend: key.backend, metric: metric,
            provenance: .measured, direction: .lowerIsBetter, baseline: medA, candidate: medB, ratio: medB / medA,
            effect: d.effect, ratioLower: d.ratioLower, ratioUpper: d.ratioUpper, pValue: d.pValue,
            mannWhitneyP: estimate.mannWhitneyP, baselineUnits: estimate.baselineUnits,
            candidateUnits: estimate.candidateUnits, verdict: d.verdict, reason: d.reason, noisy: noisy ? true : nil)
    }
}
