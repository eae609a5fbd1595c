import Foundation
import PortbenchSchema

extension ValidationReport {
    /// The terminal table: each row's published and modelled value and error, then the MAPE per style.
    public func renderTable() -> String {
        var out = TextTable(header: [
            "row", "style", "device×chips", "precision", "batch", "metric", "published", "modelled", "error %",
        ])
        for r in rows {
            out.rows.append([
                r.id, r.style.rawValue, "\(r.device)×\(r.chips)", r.precision.rawValue,
                r.batchUsed == r.batch ? "\(r.batch)" : "\(r.batch)→\(r.batchUsed)", r.metric,
                fmt(r.published, 1), fmt(r.modelled, 1), String(format: "%+.1f", r.errorPct),
            ])
        }
        var lines = [out.render(), ""]
        for (style, m) in mape.sorted(by: { $0.key < $1.key }) {
            let n = rows.filter { $0.style.rawValue == style }.count
            lines.append("MAPE \(style): \(fmt(m, 1))% over \(n) row(s)")
        }
        return (lines + rankingLines()).joined(separator: "\n")
    }
}

extension ValidationReport {
    /// The per-chip ranking check: how many comparable pairs the model orders as published, and each one it does not.
    func rankingLines() -> [String] {
        guard !ranking.isEmpty else {
            return ["", "per-chip ranking: no two rows on different devices share a workload and its settings"]
        }
        let wrong = ranking.filter { !$0.agrees }
        var lines = [
            "",
            "per-chip ranking (same workload, metric, precision, batch and lengths; latencies at equal chips): "
                + "\(ranking.count - wrong.count) of \(ranking.count) pairs ordered as published",
        ]
        for p in wrong {
            lines.append(
                "  disagrees: \(p.faster) faster than \(p.slower) by \(fmt(p.publishedRatio, 2))× published, "
                    + "\(fmt(p.modelledRatio, 2))× modelled")
        }
        return lines
    }
}

extension ServeExplanation {
    /// `validate-models --explain ROW` as text: the deployment, then each step split per layer and per unit.
    public func renderText() -> String {
        let r = row
        var lines = [
            "\(r.id): \(r.workload) on \(r.device)×\(r.chips) (\(r.style.rawValue) style, \(r.precision.rawValue)), "
                + "engine \(r.engine) — MODELLED",
            "  \(r.metric): published \(fmt(r.published, 2)), modelled \(fmt(r.modelled, 2)) "
                + "(\(String(format: "%+.1f", r.errorPct))%)",
            "  batch: stated \(r.batch), used \(r.batchUsed); tensor parallel \(tensorParallel) × pipeline stages "
                + "\(pipelineStages); memory needed \(fmt(memoryNeededGB, 1)) GB (\(fits ? "fits" : "does NOT fit"))",
            "  TTFT \(fmt(ttftSeconds * 1e3, 3)) ms, TPOT \(fmt(tpotSeconds * 1e3, 3)) ms, "
                + "request \(fmt(totalSeconds, 3)) s",
        ]
        for s in steps {
            let tokenLabel = s.phase == "prefill" ? "prompt" : "context"
            lines += [
                "",
                "\(s.phase) step: batch \(s.batch), \(tokenLabel) \(s.tokens), \(s.layers) layers → "
                    + "\(fmt(s.totalSeconds * 1e3, 3)) ms",
                "  per layer µs: compute \(fmt(s.layerComputeSeconds * 1e6, 1)), memory "
                    + "\(fmt(s.layerMemorySeconds * 1e6, 1)), communication \(fmt(s.layerCommunicationSeconds * 1e6, 1)), "
                    + "overhead \(fmt(s.layerOverheadSeconds * 1e6, 1))",
                "  whole step ms: layers \(fmt((s.totalSeconds - s.headSeconds - s.stepOverheadSeconds) * 1e3, 3)), "
                    + "LM head \(fmt(s.headSeconds * 1e3, 3)), step overhead \(fmt(s.stepOverheadSeconds * 1e3, 3))",
            ]
            var t = TextTable(header: ["unit", "kind", "bound", "GFLOP", "MB", "µs", "overhead µs", "detail"])
            for u in s.units {
                t.rows.append([
                    u.name, u.kind, u.bound, fmt(u.flops / 1e9, 3), fmt(u.bytes / 1e6, 2), fmt(u.seconds * 1e6, 1),
                    fmt(u.overheadSeconds * 1e6, 1), u.note,
                ])
            }
            lines.append(t.render(indent: "  "))
        }
        if !notes.isEmpty { lines += [""] + notes.map { "note: \($0)" } }
        return lines.joined(separator: "\n")
    }
}
