import Foundation
import PortbenchSchema

extension PredictionReport {
    /// The terminal table of a prediction (every figure labelled modelled).
    public func renderTable() -> String {
        var out = [
            "\(workload) on \(device) (\(style.rawValue) style, \(options.precision.rawValue)) — MODELLED, not measured"
        ]
        var t = TextTable(header: [
            "layer scenario", "ms (modelled)", "tokens/s", "MFU %", "HBM MB", "launches", "pad waste GFLOP",
            "fused MB saved", "J/token", "$/Mtok",
        ])
        for l in layers {
            t.rows.append([
                l.scenario, fmt(l.seconds * 1e3, 3), fmt(l.tokensPerSecond, 0), fmt(l.modelFlopsUtilization * 100, 1),
                fmt(l.hbmBytes / 1e6, 1), "\(l.launches)", fmt(l.paddingWasteFlops / 1e9, 2),
                fmt(l.bytesSavedByFusion / 1e6, 1),
                String(format: "%.3g", l.joulesPerToken),
                l.dollarsPerMillionTokens.map { String(format: "%.3g", $0) } ?? "n/a",
            ])
        }
        out.append(t.render())
        if !serving.isEmpty {
            var s = TextTable(header: [
                "serve scenario", "chips", "TP×PP", "GB needed", "fits", "TTFT ms", "TTFT p50/p99 ms", "TPOT ms",
                "out tok/s", "per chip", "MFU %", "J/token", "$/Mtok",
            ])
            for p in serving {
                s.rows.append([
                    p.scenario, "\(p.chips)", "\(p.tensorParallel)×\(p.pipelineStages)", fmt(p.memoryNeededGB, 1),
                    p.fits ? "yes" : "NO",
                    fmt(p.ttftSeconds * 1e3, 1),
                    p.ttftP50Seconds.map { "\(fmt($0 * 1e3, 1))/\(fmt(p.ttftP99Seconds! * 1e3, 1))" } ?? "-",
                    fmt(p.tpotSeconds * 1e3, 2), fmt(p.outputTokensPerSecond, 0),
                    fmt(p.outputTokensPerSecondPerChip, 0), fmt(p.modelFlopsUtilization * 100, 1),
                    String(format: "%.3g", p.joulesPerToken),
                    p.dollarsPerMillionTokens.map { String(format: "%.3g", $0) } ?? "n/a",
                ])
            }
            out += ["", "whole model (prefill + decode steps, embeddings and LM head included):", s.render()]
        }
        let hazards = Set(layers.flatMap(\.hazards) + serving.flatMap(\.hazards)).sorted()
        if !hazards.isEmpty { out += [""] + hazards.map { "hazard: \($0)" } }
        return out.joined(separator: "\n")
    }
}
