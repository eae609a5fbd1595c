import Foundation

/// Inline SVG primitives; every text goes through `HTML.escape`.
enum SVG {
    /// The chart width every horizontal chart is laid out for (it scales down with the page).
    static let width = 1200.0
    /// Left edge of the plot area of a row chart (row labels sit to its left).
    static let plotStart = 400.0
    /// Right edge of the plot area of a row chart (value labels sit to its right).
    static let plotEnd = 975.0
    static let rowHeight = 24.0

    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    static func open(width: Double, height: Double, label: String) -> String {
        "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" "
            + "height=\"\(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
    }

    static func text(
        _ x: Double, _ y: Double, _ content: String, anchor: String = "start", cls: String? = nil,
        weight: String? = nil, fill: String? = nil
    ) -> String {
        let c = cls.map { " class=\"\($0)\"" } ?? ""
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        let f = fill.map { " style=\"fill:\($0)\"" } ?? ""
        return "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(c)\(w)\(f)>\(HTML.escape(content))</text>"
    }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, colour: String, width: Double = 1,
        dash: String? = nil
    ) -> String {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(colour)\" "
            + "stroke-width=\"\(n(width))\"\(d)/>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, opacity: Double = 1) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(Swift.max(w, 0)))\" height=\"\(n(h))\" fill=\"\(fill)\" "
            + "fill-opacity=\"\(n(opacity))\"/>"
    }

    /// A horizontal interval with end caps, centred on y.
    static func whisker(_ x1: Double, _ x2: Double, y: Double, colour: String) -> String {
        line(x1, y, x2, y, colour: colour, width: 1.5) + line(x1, y - 5, x1, y + 5, colour: colour, width: 1.5)
            + line(x2, y - 5, x2, y + 5, colour: colour, width: 1.5)
    }

    /// A label cut to fit `limit` characters.
    static func clip(_ s: String, _ limit: Int) -> String { s.count > limit ? String(s.prefix(limit - 1)) + "…" : s }
}
