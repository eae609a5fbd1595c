import Foundation

extension SVGChart {
    /// One row per case: candidate ÷ baseline − 1 as a bar from zero with its interval, over a shaded band of
    /// ± the minimum effect; values are fractions (0.05 is +5%).
    static func delta(_ rows: [ChartRow], minimumEffect: Double, axisTitle: String) -> String {
        let extent = rows.flatMap { [$0.value, $0.lower ?? 0, $0.upper ?? 0] }.filter(\.isFinite).map(abs)
        let e = SVGScale.niceCeiling(max(extent.max() ?? 0, 2 * minimumEffect) * 100) / 100
        let scale = SVGScale(lower: -e, upper: e, start: SVG.plotStart, end: SVG.plotEnd, logarithmic: false)
        let plotBottom = top + Double(rows.count) * SVG.rowHeight
        let height = plotBottom + bottom
        var out = [SVG.open(width: SVG.width, height: height, label: axisTitle)]
        let band = scale.x(-minimumEffect)
        out.append(SVG.rect(band, top, scale.x(minimumEffect) - band, plotBottom - top, fill: "#d6dbdf", opacity: 0.6))
        out += percentGrid(scale, top: top, bottom: plotBottom)
        out.append(SVG.line(scale.x(0), top, scale.x(0), plotBottom, colour: "#1c2833", width: 1.5))
        for (i, r) in rows.enumerated() { out += deltaRow(r, y: top + (Double(i) + 0.5) * SVG.rowHeight, scale) }
        out.append(SVG.text((SVG.plotStart + SVG.plotEnd) / 2, height - 10, axisTitle, anchor: "middle", weight: "600"))
        return (out + ["</svg>"]).joined(separator: "\n")
    }

    static func deltaRow(_ r: ChartRow, y: Double, _ scale: SVGScale) -> [String] {
        let zero = scale.x(0), x = scale.x(r.value.isFinite ? r.value : 0)
        var out = [
            SVG.text(SVG.plotStart - 8, y + 4, SVG.clip(r.label, 56), anchor: "end"),
            SVG.rect(min(zero, x), y - 7, abs(x - zero), 14, fill: r.colour, opacity: 0.85),
        ]
        if let lo = r.lower, let hi = r.upper {
            out.append(SVG.whisker(scale.x(lo), scale.x(hi), y: y, colour: "#1c2833"))
        }
        out.append(SVG.text(SVG.plotEnd + 8, y + 4, r.note, weight: "600", fill: r.colour))
        return out
    }

    /// Grid lines labelled in signed percent.
    static func percentGrid(_ scale: SVGScale, top: Double, bottom: Double) -> [String] {
        scale.ticks.flatMap { t -> [String] in
            let x = scale.x(t)
            return [
                SVG.line(x, top, x, bottom, colour: "#bfc5ca", dash: "2 3"),
                SVG.text(x, bottom + 16, tickPercent(t), anchor: "middle", cls: "muted"),
            ]
        } + [SVG.line(scale.start, bottom, scale.end, bottom, colour: "#616a6b")]
    }

    /// "-10%", "0%", "+2.5%".
    static func tickPercent(_ t: Double) -> String {
        abs(t) < 1e-12 ? "0%" : ReportFormatting.percent(t).replacingOccurrences(of: ".0%", with: "%")
    }
}
