import Foundation
import PortbenchSchema

extension ValidationReport {
    /// One colour per style, the same on every page.
    static func colour(_ style: ExecutionStyle) -> String {
        switch style {
        case .cuda: return "#1f77b4"
        case .xla: return "#e67e22"
        case .lpu: return "#8e44ad"
        default: return "#27ae60"
        }
    }

    /// `validate-models --format html`: a self-contained page with a log-log chart of modelled against published
    /// (one colour per style), the MAPE per style and the table of rows.
    public func renderHTML() -> String {
        let styles = Array(Set(rows.map(\.style))).sorted { $0.rawValue < $1.rawValue }
        let points = rows.map {
            ScatterPoint(
                label: "\($0.id): published \(fmt($0.published, 2)) \($0.metric), modelled \(fmt($0.modelled, 2)) "
                    + "(\(String(format: "%+.1f", $0.errorPct))%)", x: $0.published, y: $0.modelled,
                colour: Self.colour($0.style))
        }
        let legend = styles.map { s in
            (
                "\(s.rawValue): MAPE \(fmt(mape[s.rawValue] ?? 0, 1))%, \(rows.filter { $0.style == s }.count) rows",
                Self.colour(s)
            )
        }
        let rowsTable = HTML.table(
            [
                "row", "style", "device×chips", "precision", "batch", "metric", "published", "modelled", "error %",
                "source",
            ],
            rows.map { r in
                [
                    r.id, r.style.rawValue, "\(r.device)×\(r.chips)", r.precision.rawValue,
                    r.batchUsed == r.batch ? "\(r.batch)" : "\(r.batch)→\(r.batchUsed)", r.metric,
                    fmt(r.published, 2), fmt(r.modelled, 2), String(format: "%+.1f", r.errorPct), r.source,
                ]
            })
        return HTML.page(
            title: "portbench validate-models",
            body: [
                HTML.element("h1", "Device models against published results"),
                HTML.element(
                    "p",
                    HTML.escape(
                        "Table \(table). Every modelled figure is a prediction (MODELLED); "
                            + "each point is one row, whatever its metric (tokens/s or ms)."), class: "meta"),
                SVGChart.scatter(points, legend: legend, xTitle: "published", yTitle: "modelled"),
                HTML.element(
                    "p", rankingLines().filter { !$0.isEmpty }.map(HTML.escape).joined(separator: "<br>"),
                    class: "meta"),
                HTML.element("h2", "Rows"), rowsTable,
            ])
    }
}
