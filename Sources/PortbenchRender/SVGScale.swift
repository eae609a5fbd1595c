import Foundation

/// A map from values to pixels, linear or logarithmic, with the ticks its axis prints.
struct SVGScale {
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double
    let logarithmic: Bool

    /// A scale over values, logarithmic when they span more than 30×, else linear from zero.
    static func fitting(_ values: [Double], start: Double, end: Double) -> SVGScale {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let lo = positive.min() ?? 1, hi = positive.max() ?? 1
        if hi / lo > 30 {
            let a = pow(10, (log10(lo)).rounded(.down)), b = pow(10, (log10(hi)).rounded(.up))
            return SVGScale(lower: a, upper: b, start: start, end: end, logarithmic: true)
        }
        return SVGScale(lower: 0, upper: niceCeiling(hi), start: start, end: end, logarithmic: false)
    }

    /// The pixel of a value, clamped to the axis.
    func x(_ v: Double) -> Double {
        let t: Double
        if logarithmic {
            t = (log10(Swift.max(v, lower)) - log10(lower)) / (log10(upper) - log10(lower))
        } else {
            t = (v - lower) / (upper - lower)
        }
        return start + Swift.min(Swift.max(t, 0), 1) * (end - start)
    }

    /// Decades on a log axis; four or five round steps on a linear one.
    var ticks: [Double] {
        if logarithmic {
            let a = Int(log10(lower).rounded()), b = Int(log10(upper).rounded())
            return (a...b).map { pow(10, Double($0)) }
        }
        let step = SVGScale.niceStep((upper - lower) / 5)
        let first = (lower / step).rounded(.up) * step
        return stride(from: first, through: upper + step * 1e-9, by: step).map { $0 }
    }

    /// The smallest 1, 2, 2.5 or 5 × 10^k at or above v.
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return 1 }
        let p = pow(10, log10(v).rounded(.down))
        return ([1, 2, 2.5, 5, 10].first { $0 * p >= v * (1 - 1e-12) } ?? 10) * p
    }

    /// A round step near v.
    static func niceStep(_ v: Double) -> Double { niceCeiling(v) }

    /// A tick label without trailing zeros ("0.5", "20", "0.001").
    static func label(_ v: Double) -> String {
        var s = String(format: "%.6g", v)
        if s.contains("e") { s = String(format: "%g", v) }
        return s
    }
}
