import Foundation

/// One point of a scatter chart: a row's published and modelled value.
struct ScatterPoint {
    var label: String
    var x: Double
    var y: Double
    var colour: String
}

extension SVGChart {
    /// Modelled against published on log-log axes of one shared scale: the diagonal is a perfect prediction and the
    /// dashed lines ±20%; each point a row, coloured by its series, with a legend.
    static func scatter(_ points: [ScatterPoint], legend: [(String, String)], xTitle: String, yTitle: String) -> String
    {
        let size = 560.0, left = 70.0, top = 16.0, bottomMargin = 48.0, legendWidth = 200.0
        let values = points.flatMap { [$0.x, $0.y] }.filter { $0 > 0 && $0.isFinite }
        let lo = pow(10, log10(values.min() ?? 1).rounded(.down)), hi = pow(10, log10(values.max() ?? 10).rounded(.up))
        let xs = SVGScale(lower: lo, upper: hi, start: left, end: left + size, logarithmic: true)
        let ys = SVGScale(lower: lo, upper: hi, start: top + size, end: top, logarithmic: true)
        let width = left + size + 24 + legendWidth, height = top + size + bottomMargin
        var out = [SVG.open(width: width, height: height, label: "\(yTitle) against \(xTitle)")]
        for t in xs.ticks {
            out.append(SVG.line(xs.x(t), top, xs.x(t), top + size, colour: "#eaecee"))
            out.append(SVG.line(left, ys.x(t), left + size, ys.x(t), colour: "#eaecee"))
            out.append(SVG.text(xs.x(t), top + size + 16, SVGScale.label(t), anchor: "middle", cls: "muted"))
            out.append(SVG.text(left - 6, ys.x(t) + 4, SVGScale.label(t), anchor: "end", cls: "muted"))
        }
        out.append(SVG.line(left, top + size, left + size, top + size, colour: "#616a6b"))
        out.append(SVG.line(left, top, left, top + size, colour: "#616a6b"))
        out.append(SVG.line(xs.x(lo), ys.x(lo), xs.x(hi), ys.x(hi), colour: "#1c2833"))
        // modelled = f × published, drawn inside the square: from its left or bottom edge to its right or top edge.
        for f in [0.8, 1.2] {
            let (x0, x1) = f < 1 ? (lo / f, hi) : (lo, hi / f)
            out.append(SVG.line(xs.x(x0), ys.x(x0 * f), xs.x(x1), ys.x(x1 * f), colour: "#7f8c8d", dash: "4 4"))
        }
        for p in points where p.x > 0 && p.y > 0 {
            out.append(
                "<circle cx=\"\(SVG.n(xs.x(p.x)))\" cy=\"\(SVG.n(ys.x(p.y)))\" r=\"5\" fill=\"\(p.colour)\" "
                    + "fill-opacity=\"0.8\"><title>\(HTML.escape(p.label))</title></circle>")
        }
        for (i, entry) in legend.enumerated() {
            let y = top + 20 + Double(i) * 22
            out.append(
                "<circle cx=\"\(SVG.n(left + size + 34))\" cy=\"\(SVG.n(y - 4))\" r=\"5\" fill=\"\(entry.1)\"/>")
            out.append(SVG.text(left + size + 46, y, entry.0))
        }
        let belowLegend = top + 20 + Double(legend.count) * 22
        out.append(SVG.text(left + size + 24, belowLegend + 8, "solid: modelled = published", cls: "muted"))
        out.append(SVG.text(left + size + 24, belowLegend + 26, "dashed: ±20%", cls: "muted"))
        out.append(SVG.text(left + size / 2, height - 8, xTitle + " (log scale)", anchor: "middle", weight: "600"))
        out.append(
            "<text x=\"14\" y=\"\(SVG.n(top + size / 2))\" text-anchor=\"middle\" font-weight=\"600\" "
                + "transform=\"rotate(-90 14 \(SVG.n(top + size / 2)))\">\(HTML.escape(yTitle + " (log scale)"))</text>"
        )
        return (out + ["</svg>"]).joined(separator: "\n")
    }
}
