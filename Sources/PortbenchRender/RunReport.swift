import Foundation
import PortbenchSchema

/// The terminal table of a result document: measured numbers beside the ceilings they are judged against.
public struct RunReport {
    public let document: ResultDocument

    public init(document: ResultDocument) { self.document = document }

    public func render(perOp: Bool) -> String {
        var out: [String] = []
        let m = document.machine
        let p = document.policy
        let runs =
            p.targetRelativeWidth.map {
                "adaptive runs (until the median's 95% interval is within \(fmt($0 * 100, 1))%)"
            }
            ?? "\(p.repetitions) runs"
        out.append(
            "portbench \(document.suite) — measured on the CPU reference (OpenBLAS fp32); times are medians of \(runs)"
        )
        let env = m.openblasEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
            separator: " ")
        out.append(
            "machine: \(m.cpuModel), \(m.cores) cores; \(m.openblas.config) (core \(m.openblas.corename)\(m.coreSourceText), \(m.openblas.threads) threads) \(env)"
        )
        if let warning = m.coreFallbackWarning { out.append(warning) }
        if let c = document.calibration {
            out.append(
                "ceilings (measured here, best repetition): memory read \(fmt(c.memoryReadGigabytesPerSecond, 1)) GB/s (median \(fmt(c.memoryReadMedianGigabytesPerSecond, 1)))"
                    + (c.peakFlopsText.map { "; peak fp32 \($0)" } ?? "") + "; sgemm per shape below"
            )
        }
        out.append("")
        let physical = document.cases.contains { $0.metric(.physicalFraction) != nil }
        var t = TextTable(
            header: [
                "workload", "scenario", "backend", "tokens", "median ms", "95% CI ms", "CV %", "tokens/s", "GFLOP/s",
                "weights GB/s", "bound", "ceiling ms", "of ceiling",
            ] + (physical ? ["physical ms", "of physical"] : []))
        for c in document.cases {
            t.rows.append(
                [
                    c.workload, c.scenario, c.backend.rawValue, "\(c.tokens)", fmt(c.stats.median * 1e3),
                    "\(fmt(c.stats.medianLower95 * 1e3))–\(fmt(c.stats.medianUpper95 * 1e3))", fmt(c.stats.cv * 100, 1),
                    fmt(c.metric(.tokensPerSecond) ?? 0, 1), fmt(c.metric(.gflops) ?? 0, 1),
                    fmt(c.metric(.weightReadGBps) ?? 0, 1), c.ceiling.bound.rawValue, fmt(c.ceiling.seconds * 1e3),
                    fmt((c.metric(.ceilingFraction) ?? 0) * 100, 1) + "%"
                        + (c.flagged(.aboveCeiling) ? "*" : ""),
                ]
                    + (physical
                        ? [
                            c.ceiling.physicalSeconds.map { fmt($0 * 1e3) } ?? "-",
                            c.metric(.physicalFraction).map { fmt($0 * 100, 1) + "%" } ?? "-",
                        ] + [] : []))
        }
        out.append(t.render())
        for c in document.cases {
            guard let causes = c.physicalGapCauses else { continue }
            out.append(
                "! \(c.workload)/\(c.scenario) (\(c.backend.rawValue)): \(fmt((c.metric(.ceilingFraction) ?? 0) * 100, 1))% of its OpenBLAS ceiling but "
                    + "\(fmt((c.metric(.physicalFraction) ?? 0) * 100, 1))% of the physical roofline; likely: "
                    + causes.map(\.explanation).joined(separator: "; "))
        }
        if document.cases.contains(where: { $0.flagged(.aboveCeiling) }) {
            out.append(
                "* above 100% even after its ceiling was re-measured right after it: the ceilings are OpenBLAS's own rates under this machine's settings, and XLA brings its own kernels and can pass them"
            )
        }
        let rechecked = document.cases.filter { $0.ceiling.rechecked == true }
        if !rechecked.isEmpty {
            let names = rechecked.map { "\($0.workload)/\($0.scenario) (\($0.backend.rawValue))" }
            out.append(
                "re-measured ceilings (the case first ran faster than its ceiling; the faster of the two measurements is kept): \(names.joined(separator: ", "))"
            )
        }
        let noisy = document.cases.filter { $0.flagged(.noisy) }
        if !noisy.isEmpty {
            let names = noisy.map { "\($0.workload)/\($0.scenario) (\($0.backend.rawValue))" }
            out.append(
                "noisy (stopped on budget or max repetitions before the target width): \(names.joined(separator: ", "))"
            )
        }
        let external = document.cases.filter { $0.backendDetails != nil }
        if !external.isEmpty {
            var x = TextTable(header: [
                "workload", "scenario", "backend", "precision", "compile s", "fusions", "program KB", "rel L2 vs fp32",
                "max abs", "cosine", "reference ÷ xla",
            ])
            for c in external {
                let d = c.backendDetails!
                x.rows.append([
                    c.workload, c.scenario, d.platform, d.precision.rawValue, fmt(d.compileSeconds, 2), "\(d.fusions)",
                    fmt(Double(d.programBytes) / 1024, 1),
                    String(format: "%.2e", d.relativeL2), String(format: "%.2e", d.maxAbsError),
                    String(format: "%.6f", d.cosineSimilarity),
                    d.speedupOverReference.map { fmt($0, 2) + "×" } ?? "-",
                ])
            }
            out += [
                "",
                "XLA through PJRT (measured; run time excludes compilation; numerics against the fp32 CPU reference):",
                x.render(),
            ]
        }
        out += instrumentTable()
        for f in document.failures ?? [] {
            out.append("FAILED \(f.workload)/\(f.scenario) on \(f.backend.rawValue): \(f.message)")
        }
        if perOp { out += document.cases.flatMap(opTable) }
        out.append("")
        let peak = document.calibration?.peakGflops
        var g = TextTable(
            header: ["sgemm shape (m×n×k)", "calls", "GFLOP/s"] + (peak != nil ? ["of peak fp32"] : []))
        for r in document.calibration?.gemm ?? [] {
            g.rows.append(
                [r.shape.label, "\(r.shape.count)", fmt(r.gflops, 1)]
                    + (peak.map { [fmt(r.gflops / $0 * 100, 1) + "%"] } ?? []))
        }
        out.append(g.render())
        if !document.goals.isEmpty {
            out.append("")
            for goal in document.goals {
                out.append(
                    "goal \(goal.passed ? "PASS" : "FAIL"): \(goal.workload)/\(goal.scenario) reached \(fmt(goal.reached * 100, 1))% of its \(goal.bound.rawValue) \(goal.bound == .physical ? "roofline" : "ceiling") (needs \(fmt(goal.required * 100, 0))%)"
                )
            }
        }
        return out.joined(separator: "\n")
    }

    /// With `run --instrument callgrind`: the counts per case (median and spread over repetitions) and the note.
    func instrumentTable() -> [String] {
        let counted = document.cases.filter { $0.instrument != nil }
        guard !counted.isEmpty else { return [] }
        var t = TextTable(header: [
            "workload", "scenario", "repetitions", "instructions (median)", "spread %", "estimated cycles (median)",
        ])
        for c in counted {
            let i = c.instrument!
            let s = SampleStatistics(i.instructions)
            t.rows.append([
                c.workload, c.scenario, "\(i.instructions.count)", String(format: "%.0f", s.median),
                fmt((s.max - s.min) / s.median * 100, 4),
                i.estimatedCycles.map { String(format: "%.0f", SampleStatistics($0).median) } ?? "-",
            ])
        }
        return ["", "counted by \(counted[0].instrument!.instrument.rawValue) (measured region only):", t.render()]
            + (document.instrumentNote.map { ["note: " + $0] } ?? [])
    }

    func opTable(_ c: CaseResult) -> [String] {
        guard let ops = c.ops else { return [] }
        let total = ops.reduce(0) { $0 + $1.medianSeconds }
        var t = TextTable(header: ["op (\(c.workload)/\(c.scenario))", "kind", "median ms", "share", "GFLOP/s", "GB/s"])
        for o in ops {
            t.rows.append([
                o.name, o.kind, fmt(o.medianSeconds * 1e3, 3), fmt(o.medianSeconds / total * 100, 1) + "%",
                fmt(o.flops / o.medianSeconds / 1e9, 1), fmt(o.bytes / o.medianSeconds / 1e9, 1),
            ])
        }
        return ["", t.render()]
    }
}
