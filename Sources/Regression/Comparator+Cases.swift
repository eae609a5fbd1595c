import Foundation
import PortbenchSchema

extension Comparator {
    /// Every metric of one case: the timing (by the mode's rule) — or, when both sides were counted by an instrument,
    /// the counts instead — then the deterministic figures.
    static func decide(
        _ key: CaseKey, units: CaseUnits, mode: ComparisonMode, options: ComparisonOptions
    ) -> [CaseComparison] {
        let (a, b) = units.first(key)
        var out: [CaseComparison] = []
        let runs = units.baseline[key]!.compactMap { $0 } + units.candidate[key]!.compactMap { $0 }
        if runs.allSatisfy({ $0.instrument != nil }) {
            // Times under valgrind describe its emulation: only the counts are compared.
            out += InstrumentMetric.allCases.compactMap { m in
                estimate(key, units: units, mode: mode, options: options, metric: m.rawValue) {
                    $0.instrument?.samples(m)
                }
            }
        } else if !runs.contains(where: { $0.instrument != nil }) {
            let seconds = { (c: CaseResult) in c.samplesNs.map { Double($0) * 1e-9 } }
            if let timing = estimate(
                key, units: units, mode: mode, options: options, metric: Metric.medianSeconds.rawValue, seconds)
            {
                out.append(timing)
            }
        }
        // Counts are listed only when they moved (the rule text says so); numerics are listed always.
        out += StaticFigure.allCases.compactMap { $0.compare(key, a, b) }.filter {
            $0.verdict != .unchanged || $0.provenance != .counted
        }
        out += ModelledFigureRule.compare(key, a, b, inputs: units.modelInputs)
        return out
    }

    /// One measured metric decided by the mode's rule, each run's `samples` the units it estimates from; nil when
    /// a run lacks them (or interleaved rounds are too few).
    static func estimate(
        _ key: CaseKey, units: CaseUnits, mode: ComparisonMode, options: ComparisonOptions, metric: String,
        _ samples: (CaseResult) -> [Double]?
    ) -> CaseComparison? {
        let sigma =
            options.noise?.betweenRunLogSd(
                workload: key.workload, scenario: key.scenario, backend: key.backend, metric: metric) ?? 0
        let a = units.baseline[key]!.compactMap { $0 }, b = units.candidate[key]!.compactMap { $0 }
        let sa = a.compactMap(samples), sb = b.compactMap(samples)
        guard sa.count == a.count, sb.count == b.count, !(sa + sb).contains(where: \.isEmpty) else { return nil }
        let estimate: LogRatioEstimate
        switch mode {
        case .separateRuns:
            estimate = Estimators.separateRuns(baseline: sa[0], candidate: sb[0], betweenRunLogSd: sigma)
        case .runsAsUnits:
            estimate = Estimators.runsAsUnits(baseline: sa, candidate: sb, varianceFloor: sigma * sigma)
        case .interleaved:
            let rounds = units.paired(key).compactMap { pair in
                samples(pair.0).flatMap { x in samples(pair.1).map { (baseline: x, candidate: $0) } }
            }
            guard rounds.count >= 3 else { return nil }
            estimate = Estimators.interleaved(rounds: rounds)
        }
        let d = options.rule.decide(estimate, direction: .lowerIsBetter)
        let medA = Estimators.median(sa.map(Estimators.median))
        let medB = Estimators.median(sb.map(Estimators.median))
        let noisy = (a + b).contains { $0.flagged(.noisy) }
        return CaseComparison(
            workload: key.workload, scenario: key.scenario, backend: key.backend, metric: metric,
            provenance: .measured, direction: .lowerIsBetter, baseline: medA, candidate: medB, ratio: medB / medA,
            effect: d.effect, ratioLower: d.ratioLower, ratioUpper: d.ratioUpper, pValue: d.pValue,
            mannWhitneyP: estimate.mannWhitneyP, baselineUnits: estimate.baselineUnits,
            candidateUnits: estimate.candidateUnits, verdict: d.verdict, reason: d.reason, noisy: noisy ? true : nil)
    }
}
