import Foundation
import PortbenchSchema

extension RenderFixture {
    static func timing(
        _ w: String, _ s: String, _ b: Backend, base: Double, ratio: Double, interval: (Double, Double), p: Double,
        verdict: Verdict, reason: String
    ) -> CaseComparison {
        CaseComparison(
            workload: w, scenario: s, backend: b, metric: "median_s", provenance: .measured,
            direction: .lowerIsBetter, baseline: base, candidate: base * ratio, ratio: ratio, effect: ratio - 1,
            ratioLower: interval.0, ratioUpper: interval.1, pValue: p, baselineUnits: 15, candidateUnits: 15,
            verdict: verdict, reason: reason)
    }

    static func count(_ w: String, _ s: String, _ b: Backend, _ metric: String, _ x: Double, _ y: Double)
        -> CaseComparison
    {
        CaseComparison(
            workload: w, scenario: s, backend: b, metric: metric, provenance: .counted, direction: nil, baseline: x,
            candidate: y, ratio: y / x, effect: nil, baselineUnits: 1, candidateUnits: 1,
            verdict: x == y ? .unchanged : .changed,
            reason: x == y ? "identical" : "\(Int(x)) → \(Int(y)): the compiled program changed")
    }

    static func comparison(
        workload: String = "llama3-8b", differentMachine: Bool = false
    ) -> ComparisonDocument {
        let base = machine(commit: baselineCommit, coreType: differentMachine ? "Zen" : "Haswell")
        let rule = DecisionRule(
            minimumEffect: 0.03, alpha: 0.01, power: 0.8, mode: .separateRuns, noise: .profile,
            noiseProfile: "baselines/noise/amd-epyc-7b13-16.json",
            text: "Welch t on log times with between-run noise; 99% interval of the ratio; |change| ≥ 3% to count")
        let cases = [
            timing(
                workload, "decode-b1", .cpuReference, base: 0.00209, ratio: 1.004, interval: (0.99, 1.018), p: 0.41,
                verdict: .unchanged, reason: "interval inside ±3%"),
            timing(
                workload, "prefill-512", .cpuReference, base: 0.168, ratio: 1.071, interval: (1.045, 1.098),
                p: 0.0003, verdict: .regression, reason: "p 0.0003 < 0.01 and +7.1% ≥ 3%"),
            timing(
                "mixtral-8x7b", "decode-b8", .cpuReference, base: 0.0100, ratio: 0.94, interval: (0.915, 0.966),
                p: 0.0011, verdict: .improvement, reason: "p 0.0011 < 0.01 and −6.0% ≥ 3%"),
            timing(
                "mixtral-8x7b", "prefill-128", .xla, base: 0.0437, ratio: 1.03, interval: (0.97, 1.094), p: 0.09,
                verdict: .inconclusive, reason: "not significant, power 0.41 < 0.8 at 3%"),
            count(workload, "prefill-512", .cpuReference, "flops", 2.5e10, 2.5e10),
            count("mixtral-8x7b", "prefill-128", .xla, "fusions", 41, 43),
        ]
        return ComparisonDocument(
            created: created, tool: "portbench test",
            baseline: ComparisonSide(
                label: "main@nightly", runIds: ["run-0531"], suite: "nightly", commit: baselineCommit,
                created: "2025-05-31T02:00:00Z", machine: base),
            candidate: ComparisonSide(
                label: "results/run-0601.json", runIds: ["run-0601"], suite: "nightly", commit: commit,
                created: created, machine: machine()),
            rule: rule, differentMachine: differentMachine,
            machineDifferences: differentMachine
                ? [FieldDifference(field: "openblas.corename", baseline: "Zen", candidate: "Haswell")] : [],
            settingsDifferences: differentMachine
                ? [FieldDifference(field: "OPENBLAS_CORETYPE", baseline: "Zen", candidate: "Haswell")] : [],
            cases: cases,
            unmatched: [
                UnmatchedCase(workload: "gemma-2b", scenario: "decode-b1", backend: .cpuReference, side: "baseline")
            ])
    }

    /// Twelve nights with a shift of `shift` from night `at`.
    static func series(_ w: String, _ s: String, base: Double, shift: Double, at: Int) -> HistorySeries {
        let commits = (0..<12).map { String(format: "%07x", 0x5a1b2c3 + $0 * 0x1d4f1) + "0123456789abcdef" }
        let points = (0..<12).map { i in
            HistoryPoint(
                runId: "run-\(i)", created: "2025-05-\(String(format: "%02d", 20 + i))T02:00:00Z", commit: commits[i],
                value: base * (i >= at ? 1 + shift : 1) * (1 + jitter[i] / 3))
        }
        let change = ChangePoint(
            commitBefore: commits[at - 1], commitAfter: commits[at], index: at, shift: shift, pValue: 0.002,
            meanBefore: base, meanAfter: base * (1 + shift))
        return HistorySeries(
            workload: w, scenario: s, backend: .cpuReference, metric: "median_s", direction: .lowerIsBetter,
            machine: "9c41d2e07b5a1f30", cpuModel: "AMD EPYC 7B13 64-Core Processor", points: points,
            changePoints: [change])
    }

    static func history(workload: String = "llama3-8b") -> HistoryDocument {
        HistoryDocument(
            created: created, tool: "portbench test",
            settings: ChangePointSettings(
                method: "e-divisive (means)", pValue: 0.01, permutations: 199, minimumShift: 0.02, seed: 42),
            series: [
                series(workload, "prefill-512", base: 0.168, shift: 0.071, at: 8),
                series("mixtral-8x7b", "decode-b8", base: 0.0100, shift: -0.06, at: 5),
            ])
    }
}
