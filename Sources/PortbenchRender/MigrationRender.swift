import Foundation
import PortbenchSchema

/// Terminal and Markdown renderings of a migration report; the metric rows are one table shared by both.
public struct MigrationRender {
    public let report: MigrationReport

    public init(report: MigrationReport) { self.report = report }

    /// (label, from, to) per metric for one scenario.
    func metrics(_ r: MigrationRow) -> [(String, String, String)] {
        func both(_ f: (MigrationSide) -> String) -> (String, String) { (f(r.from), f(r.to)) }
        func drift(_ s: MigrationSide, _ f: (NumericDrift) -> Double, _ format: String) -> String {
            s.numerics.map { String(format: format, f($0)) } ?? "-"
        }
        let rows: [(String, (MigrationSide) -> String)] = [
            ("precision (effective)", { $0.precision.rawValue }),
            ("layer latency ms [modelled]", { fmt($0.layer.seconds * 1e3, 3) }),
            ("tokens/s per chip [modelled]", { fmt($0.layer.tokensPerSecond, 0) }),
            ("MFU % [modelled]", { fmt($0.layer.modelFlopsUtilization * 100, 1) }),
            (
                "latency p50/p90/p99 ms [modelled]",
                { "\(fmt($0.variance.p50 * 1e3, 3))/\(fmt($0.variance.p90 * 1e3, 3))/\(fmt($0.variance.p99 * 1e3, 3))" }
            ),
            ("p99 incl. compiles ms [modelled]", { fmt($0.variance.p99WithCompiles * 1e3, 3) }),
            ("latency CV [modelled]", { fmt($0.variance.cv, 3) }),
            ("recompilations /1000 requests", { fmt($0.variance.recompilationsPer1000, 1) }),
            ("rel. L2 vs fp32 [emulated]", { drift($0, { $0.relativeL2 }, "%.2e") }),
            ("max abs err vs fp32 [emulated]", { drift($0, { $0.maxAbsError }, "%.2e") }),
            ("cosine vs fp32 [emulated]", { drift($0, { $0.cosineSimilarity }, "%.6f") }),
            ("chips needed", { "\($0.chipsNeeded)" }),
            ("padding/quantization waste % FLOPs", { fmt($0.paddingWasteFraction * 100, 1) }),
            ("J per token [modelled]", { String(format: "%.3g", $0.layer.joulesPerToken) }),
            (
                "$ per million tokens [modelled]",
                { $0.layer.dollarsPerMillionTokens.map { String(format: "%.3g", $0) } ?? "n/a (no published price)" }
            ),
        ]
        return rows.map { label, f in
            let (x, y) = both(f)
            return (label, x, y)
        }
    }

    public func table() -> String {
        var out = [
            "\(report.workload): \(report.from) → \(report.to) (\(report.requestedPrecision.rawValue) requested; \(report.provenance))"
        ]
        for r in report.rows {
            var t = TextTable(header: ["\(r.scenario)", r.from.device, r.to.device])
            t.rows = metrics(r).map { [$0.0, $0.1, $0.2] }
            out += [
                "", t.render(),
                String(
                    format: "throughput ratio %.2f×, latency ratio %.2f× (to ÷ from, modelled)", r.throughputRatio,
                    r.latencyRatio),
            ]
            out += r.hazards.map { "hazard: \($0)" }
        }
        return out.joined(separator: "\n")
    }

    public func markdown() -> String {
        var out = [
            "# Migration cost: \(report.workload), \(report.from) → \(report.to)", "",
            "Requested precision \(report.requestedPrecision.rawValue). Times are **modelled**; numeric drift is **emulated on CPU** against the fp32 reference.",
        ]
        for r in report.rows {
            out += [
                "", "## \(r.scenario)", "", "| metric | \(r.from.device) | \(r.to.device) |", "| --- | ---: | ---: |",
            ]
            out += metrics(r).map { "| \($0.0) | \($0.1) | \($0.2) |" }
            out += [
                "",
                String(
                    format: "Throughput ratio **%.2f×**, latency ratio **%.2f×** (to ÷ from).", r.throughputRatio,
                    r.latencyRatio),
            ]
            if !r.hazards.isEmpty { out += ["", "Porting hazards:"] + r.hazards.map { "- \($0)" } }
        }
        return out.joined(separator: "\n")
    }
}
