import Foundation
import PortbenchSchema

/// A measured metric's estimate, waiting for the comparison's correction before it gets its verdict.
struct PendingMeasurement {
    var key: CaseKey
    var metric: String
    var estimate: LogRatioEstimate
    var baseline: Double
    var candidate: Double
    var noisy: Bool

    /// The p-value a corrected decision adjusts: both tests must be significant, so the larger of the two.
    var pForCorrection: Double { max(estimate.pValue, estimate.mannWhitneyP ?? 0) }

    func decided(_ rule: VerdictRule, family: VerdictRule.Family?) -> CaseComparison {
        let d = rule.decide(estimate, direction: .lowerIsBetter, family: family)
        return CaseComparison(
            workload: key.workload, scenario: key.scenario, backend: key.backend, metric: metric,
            provenance: .measured, direction: .lowerIsBetter, baseline: baseline, candidate: candidate,
            ratio: candidate / baseline, effect: d.effect, ratioLower: d.ratioLower, ratioUpper: d.ratioUpper,
            pValue: estimate.pValue, mannWhitneyP: estimate.mannWhitneyP, adjustedP: family?.adjustedP,
            baselineUnits: estimate.baselineUnits, candidateUnits: estimate.candidateUnits, verdict: d.verdict,
            reason: d.reason, noisy: noisy ? true : nil)
    }
}

/// One row of a comparison before the correction: deterministic figures are final, measured ones pending.
enum PendingComparison {
    case final(CaseComparison)
    case measured(PendingMeasurement)
}

extension Comparator {
    /// Every metric of one case: the timing (by the mode's rule) — or, when both sides were counted by an instrument,
    /// the counts instead — then the deterministic figures.
    static func decide(
        _ key: CaseKey, units: CaseUnits, mode: ComparisonMode, options: ComparisonOptions
    ) -> [PendingComparison] {
        let (a, b) = units.first(key)
        var out: [PendingComparison] = []
        let runs = units.baseline[key]!.compactMap { $0 } + units.candidate[key]!.compactMap { $0 }
        if runs.allSatisfy({ $0.instrument != nil }) {
            // Times under valgrind describe its emulation: only the counts are compared.
            out += InstrumentMetric.allCases.compactMap { m in
                estimate(key, units: units, mode: mode, options: options, metric: m.rawValue) {
                    $0.instrument?.samples(m)
                }.map(PendingComparison.measured)
            }
        } else if !runs.contains(where: { $0.instrument != nil }) {
            let seconds = { (c: CaseResult) in c.samplesNs.map { Double($0) * 1e-9 } }
            if let timing = estimate(
                key, units: units, mode: mode, options: options, metric: Metric.medianSeconds.rawValue, seconds)
            {
                out.append(.measured(timing))
            }
        }
        // Counts are listed only when they moved (the rule text says so); numerics are listed always.
        out += StaticFigure.allCases.compactMap { $0.compare(key, a, b) }.filter {
            $0.verdict != .unchanged || $0.provenance != .counted
        }.map(PendingComparison.final)
        out += ModelledFigureRule.compare(key, a, b, inputs: units.modelInputs).map(PendingComparison.final)
        return out
    }

    /// The verdicts of a whole comparison: the measured decisions corrected together by the rule's correction.
    static func resolve(_ pending: [PendingComparison], rule: VerdictRule) -> (cases: [CaseComparison], family: Int) {
        let measured = pending.compactMap { if case .measured(let m) = $0 { m } else { nil } }
        let adjusted: [Double]?
        switch rule.correction {
        case .holm: adjusted = Holm.adjust(measured.map(\.pForCorrection))
        case .none: adjusted = nil
        }
        var next = 0
        let cases = pending.map { row -> CaseComparison in
            switch row {
            case .final(let c): return c
            case .measured(let m):
                defer { next += 1 }
                let family = adjusted.map { VerdictRule.Family(adjustedP: $0[next], size: measured.count) }
                return m.decided(rule, family: family)
            }
        }
        return (cases, measured.count)
    }

    /// One measured metric's estimate by the mode's rule, each run's `samples` the units it estimates from; nil when
    /// a run lacks them (or interleaved rounds are too few).
    static func estimate(
        _ key: CaseKey, units: CaseUnits, mode: ComparisonMode, options: ComparisonOptions, metric: String,
        _ samples: (CaseResult) -> [Double]?
    ) -> PendingMeasurement? {
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
        let medA = Estimators.median(sa.map(Estimators.median))
        let medB = Estimators.median(sb.map(Estimators.median))
        return PendingMeasurement(
            key: key, metric: metric, estimate: estimate, baseline: medA, candidate: medB,
            noisy: (a + b).contains { $0.flagged(.noisy) })
    }
}
