import Foundation
import PortbenchSchema

extension SVGChart {
    static let trendWidth = 600.0
    static let trendHeight = 260.0
    static let trendLeft = 70.0
    static let trendRight = 585.0
    static let trendTop = 64.0
    static let trendBottom = 200.0

    /// A series over the nightly runs with segment means and its change points as labelled vertical markers.
    static func trend(_ s: HistorySeries) -> String {
        let (scale, unit) = ReportFormatting.unit(s.metric)
        let values = s.points.map { $0.value * scale }
        let y = trendScale(values)
        let title = "\(s.workload)/\(s.scenario) · \(s.backend.rawValue) · \(s.metric)"
        var out = [SVG.open(width: trendWidth, height: trendHeight, label: title)]
        out.append(SVG.text(trendLeft, 18, SVG.clip(title, 80), weight: "600"))
        out += trendAxes(y, unit: unit.isEmpty ? s.metric : "\(s.metric), \(unit)", points: s.points)
        out += segmentMeans(values, s.changePoints)
        out += s.changePoints.enumerated().flatMap {
            changeMarker($1, row: $0, count: values.count, direction: s.direction)
        }
        out.append(polyline(values, y))
        return (out + ["</svg>"]).joined(separator: "\n")
    }

    /// x of the i-th of n points.
    static func px(_ i: Double, _ n: Int) -> Double {
        n <= 1 ? (trendLeft + trendRight) / 2 : trendLeft + i / Double(n - 1) * (trendRight - trendLeft)
    }

    /// A vertical scale over the values with a margin, top to bottom.
    static func trendScale(_ values: [Double]) -> SVGScale {
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let pad = hi > lo ? (hi - lo) * 0.2 : max(abs(hi) * 0.05, 1e-9)
        return SVGScale(lower: lo - pad, upper: hi + pad, start: trendBottom, end: trendTop, logarithmic: false)
    }

    static func trendAxes(_ y: SVGScale, unit: String, points: [HistoryPoint]) -> [String] {
        var out = y.ticks.flatMap { t -> [String] in
            [
                SVG.line(trendLeft, y.x(t), trendRight, y.x(t), colour: "#e5e8e8"),
                SVG.text(trendLeft - 6, y.x(t) + 4, SVGScale.label(t), anchor: "end", cls: "muted"),
            ]
        }
        out.append(SVG.line(trendLeft, trendBottom, trendRight, trendBottom, colour: "#616a6b"))
        out.append(SVG.line(trendLeft, trendTop, trendLeft, trendBottom, colour: "#616a6b"))
        if let first = points.first, let last = points.last {
            out.append(SVG.text(trendLeft, trendBottom + 16, ReportFormatting.shortCommit(first.commit), cls: "muted"))
            out.append(
                SVG.text(
                    trendRight, trendBottom + 16, ReportFormatting.shortCommit(last.commit), anchor: "end", cls: "muted"
                ))
        }
        out.append(
            SVG.text(
                (trendLeft + trendRight) / 2, trendBottom + 40,
                "nightly runs, oldest → newest (\(points.count) commits)",
                anchor: "middle"))
        let mid = (trendTop + trendBottom) / 2
        out.append(
            "<text x=\"16\" y=\"\(SVG.n(mid))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(SVG.n(mid)))\">"
                + "\(HTML.escape(unit))</text>")
        return out
    }

    /// The mean of each segment between change points, as a dashed horizontal line.
    static func segmentMeans(_ values: [Double], _ changes: [ChangePoint]) -> [String] {
        let y = trendScale(values)
        let cuts = [0] + changes.map(\.index).filter { $0 > 0 && $0 < values.count }.sorted() + [values.count]
        return zip(cuts, cuts.dropFirst()).compactMap { a, b in
            guard b > a else { return nil }
            let mean = values[a..<b].reduce(0, +) / Double(b - a)
            let x1 = a == 0 ? px(0, values.count) : px(Double(a) - 0.5, values.count)
            let x2 = b == values.count ? px(Double(values.count - 1), values.count) : px(Double(b) - 0.5, values.count)
            return SVG.line(x1, y.x(mean), x2, y.x(mean), colour: "#7f8c8d", width: 2, dash: "6 4")
        }
    }

    /// A change point: a vertical marker between its two commits, labelled with them and the shift.
    static func changeMarker(_ c: ChangePoint, row: Int, count: Int, direction: MetricDirection?) -> [String] {
        let x = px(Double(c.index) - 0.5, count)
        let worse = direction.map { ($0 == .lowerIsBetter) == (c.shift > 0) }
        let colour = worse.map { $0 ? Verdict.regression.colour : Verdict.improvement.colour } ?? Verdict.changed.colour
        let label =
            "\(ReportFormatting.shortCommit(c.commitBefore))..\(ReportFormatting.shortCommit(c.commitAfter)) "
            + "\(ReportFormatting.percent(c.shift)) (p \(ReportFormatting.pValue(c.pValue)))"
        let ly = 36 + Double(row % 2) * 14
        let anchor = x > trendRight - 120 ? "end" : x < trendLeft + 120 ? "start" : "middle"
        return [
            SVG.line(x, ly + 4, x, trendBottom, colour: colour, width: 2, dash: "4 3"),
            SVG.text(x, ly, label, anchor: anchor, weight: "600", fill: colour),
        ]
    }

    static func polyline(_ values: [Double], _ y: SVGScale) -> String {
        let pts = values.enumerated().map { "\(SVG.n(px(Double($0), values.count))),\(SVG.n(y.x($1)))" }
        let dots = pts.map { p -> String in
            let xy = p.split(separator: ",")
            return "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"#2e6fb7\"/>"
        }
        return
            "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"#2e6fb7\" stroke-width=\"2\"/>"
            + dots.joined()
    }
}
