import Foundation
import PortbenchSchema

/// Terminal and Markdown views of a measured cpu:openblas → xla:cpu move.
public struct MeasuredMigrationRender {
    public let results: [MeasuredMigration]

    public init(results: [MeasuredMigration]) { self.results = results }

    public func render(markdown: Bool) -> String {
        var out: [String] = []
        out.append(
            markdown
                ? "# Measured migration: CPU reference (OpenBLAS) → XLA:CPU (PJRT)"
                : "CPU reference (OpenBLAS) → XLA:CPU through PJRT — MEASURED here; TPU columns MODELLED")
        for r in results {
            let rows: [(String, String)] =
                [
                    ("reference median ms [measured]", fmt(r.referenceMedianSeconds * 1e3, 3)),
                    ("XLA median ms [measured]", fmt(r.xlaMedianSeconds * 1e3, 3)),
                    ("speed ratio (reference ÷ XLA) [measured]", fmt(r.speedRatio, 2) + "×"),
                    ("XLA compile s [measured]", fmt(r.xla.compileSeconds, 3)),
                    ("XLA fusions / program KB", "\(r.xla.fusions) / \(fmt(Double(r.xla.programBytes) / 1024, 1))"),
                    (
                        "numerics vs fp32 reference: rel L2 / max abs / cosine",
                        String(
                            format: "%.2e / %.2e / %.6f", r.xla.relativeL2, r.xla.maxAbsError, r.xla.cosineSimilarity)
                    ),
                    ("\(r.modelledDevice) layer ms [modelled]", fmt(r.modelledSeconds * 1e3, 3)),
                ]
                + r.recompilation.map { rc in
                    (
                        "recompilations /1000 \(rc.bucketing ? "bucketed" : "exact") [measured cost]",
                        "\(fmt(rc.recompilationsPer1000, 1)) over shapes \(rc.shapes), \(fmt(rc.compileSecondsPer1000, 2)) s compile; mean run \(fmt(rc.meanRunSeconds * 1e3, 3)) ms"
                    )
                }
                + r.modelled.enumerated().map { i, m in
                    (
                        "\(r.modelledDevice) \(i == 1 ? "bucketed" : "exact") p50/p99 ms, recompiles/1000 [modelled]",
                        "\(fmt(m.p50 * 1e3, 3))/\(fmt(m.p99 * 1e3, 3)), \(fmt(m.recompilationsPer1000, 1))"
                    )
                }
            if markdown {
                out +=
                    ["", "## \(r.workload)/\(r.scenario)", "", "| metric | value |", "| --- | ---: |"]
                    + rows.map { "| \($0.0) | \($0.1) |" }
            } else {
                var t = TextTable(header: ["\(r.workload)/\(r.scenario)", "value"])
                t.rows = rows.map { [$0.0, $0.1] }
                out += ["", t.render()]
            }
            if !r.perShape.isEmpty {
                var t = TextTable(header: ["length", "XLA compile s", "XLA ms", "reference ms"])
                for s in r.perShape {
                    t.rows.append([
                        "\(s.length)", fmt(s.xlaCompileSeconds, 3), fmt(s.xlaMedianSeconds * 1e3, 3),
                        fmt(s.referenceMedianSeconds * 1e3, 3),
                    ])
                }
                out += markdown ? ["", "```", t.render(), "```"] : [t.render()]
            }
        }
        return out.joined(separator: "\n")
    }
}
