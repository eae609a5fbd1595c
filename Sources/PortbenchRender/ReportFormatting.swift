import Foundation
import PortbenchSchema

/// The number formats the comparison, history and report views share.
enum ReportFormatting {
    /// A commit as seven characters (a longer label, such as "unknown", is kept whole when it is not hex).
    static func shortCommit(_ commit: String) -> String {
        let hex = commit.allSatisfy(\.isHexDigit)
        return hex && commit.count > 7 ? String(commit.prefix(7)) : commit
    }

    /// A relative change as a signed percentage ("+7.1%"); "n/a" when it is not finite.
    static func percent(_ change: Double) -> String {
        change.isFinite ? String(format: "%+.1f%%", change * 100) : "n/a"
    }

    /// A p-value in three significant places, or in scientific notation below 0.001.
    static func pValue(_ p: Double?) -> String {
        guard let p else { return "-" }
        return String(format: p < 0.001 ? "%.1e" : "%.3f", p)
    }

    /// The scale and unit a metric's values print in: seconds as ms, counts in G and M.
    static func unit(_ metric: String) -> (scale: Double, unit: String) {
        switch metric {
        case Metric.medianSeconds.rawValue: return (1e3, "ms")
        case "flops": return (1e-9, "GFLOP")
        case "bytes", "weight_bytes", "program_bytes": return (1e-6, "MB")
        case "relative_l2", "fusions": return (1, "")
        case _ where metric.hasPrefix("modelled_s["): return (1e6, "µs")
        default: return (1, Metric(rawValue: metric)?.descriptor.unit ?? "")
        }
    }

    /// A metric's value in its unit ("12.345 ms", "3.22 GFLOP", "1.20e-07").
    static func value(_ v: Double, metric: String) -> String {
        let (scale, unit) = unit(metric)
        let x = v * scale
        let text: String
        if metric == "relative_l2" {
            text = String(format: "%.2e", x)
        } else if unit == "ms" {
            text = fmt(x, 3)
        } else if unit == "µs" {
            text = String(format: "%.5g", x)
        } else if x == x.rounded() && abs(x) < 1e15 {
            text = String(format: "%.0f", x)
        } else {
            text = String(format: abs(x) >= 100 ? "%.1f" : "%.3f", x)
        }
        return unit.isEmpty ? text : "\(text) \(unit)"
    }
}
