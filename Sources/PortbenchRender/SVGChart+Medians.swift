import Foundation

/// Charts of the report, drawn as inline SVG.
enum SVGChart {
    static let top = 12.0
    static let bottom = 52.0

    /// Horizontal bars of each case's median with its 95% interval as a whisker; log axis when cases span > 30×.
    static func medians(_ rows: [ChartRow], axisTitle: String) -> String {
        let values = rows.flatMap { [$0.value, $0.lower ?? $0.value, $0.upper ?? $0.value] }
        let scale = SVGScale.fitting(values, start: SVG.plotStart, end: SVG.plotEnd)
        let height = top + Double(rows.count) * SVG.rowHeight + bottom
        var out = [SVG.open(width: SVG.width, height: height, label: axisTitle)]
        out += grid(scale, top: top, bottom: height - bottom)
        for (i, r) in rows.enumerated() {
            let y = top + (Double(i) + 0.5) * SVG.rowHeight
            out.append(SVG.text(SVG.plotStart - 8, y + 4, SVG.clip(r.label, 56), anchor: "end"))
            out.append(SVG.rect(scale.start, y - 7, scale.x(r.value) - scale.start, 14, fill: r.colour, opacity: 0.7))
            if let lo = r.lower, let hi = r.upper {
                out.append(SVG.whisker(scale.x(lo), scale.x(hi), y: y, colour: "#1c2833"))
            }
            out.append(SVG.text(SVG.plotEnd + 8, y + 4, r.note, cls: "muted"))
        }
        let title = axisTitle + (scale.logarithmic ? " (log scale)" : "")
        out.append(SVG.text((SVG.plotStart + SVG.plotEnd) / 2, height - 10, title, anchor: "middle", weight: "600"))
        return (out + ["</svg>"]).joined(separator: "\n")
    }

    /// Vertical grid lines with their tick labels under the plot.
    static func grid(_ scale: SVGScale, top: Double, bottom: Double, suffix: String = "") -> [String] {
        scale.ticks.flatMap { t -> [String] in
            let x = scale.x(t)
            return [
                SVG.line(x, top, x, bottom, colour: "#d5d8dc"),
                SVG.text(x, bottom + 16, SVGScale.label(t) + suffix, anchor: "middle", cls: "muted"),
            ]
        } + [SVG.line(scale.start, bottom, scale.end, bottom, colour: "#616a6b")]
    }
}
