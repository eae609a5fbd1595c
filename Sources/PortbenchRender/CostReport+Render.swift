import Foundation
import PortbenchSchema

extension CostReport {
    /// The terminal table: the cheapest option per device, what limits it, its price's source, and each device's
    /// cost relative to `reference` (every figure modelled).
    public func renderTable(relativeTo reference: String?) -> String {
        let speed = 1 / maxTpotSeconds
        var out = [
            "\(workload): \(inputLen) in / \(outputLen) out per query at ≥ \(fmt(speed, 1)) output tokens/s per query "
                + "(time per output token ≤ \(fmt(maxTpotSeconds * 1e3, 1)) ms), continuous batching — MODELLED"
        ]
        let base = options.first { $0.device == reference }
        var t = TextTable(header: [
            "device", "precision", "chips", "batch", "ms/token", "tok/s/query", "tok/s/chip", "$/chip-h", "$/1M in",
            "$/1M out", "$/(1M in+1M out)", "$/1M 3:1", "× \(base?.device ?? "-")", "batch limited by",
        ])
        t.leftAligned = [0, 1, 13]
        for o in options {
            t.rows.append([
                o.device, o.precision.rawValue, "\(o.chips)", "\(o.batch)", fmt(o.tpotSeconds * 1e3, 1),
                fmt(o.outputTokensPerSecondPerQuery, 1), fmt(o.outputTokensPerSecondPerChip, 0),
                fmt(o.pricePerChipHour, 2), money(o.dollarsPerMillionInput), money(o.dollarsPerMillionOutput),
                money(o.dollarsPerMillionInputPlusOutput), money(o.dollarsPerMillionBlended),
                base.map { fmt(o.dollarsPerMillionInputPlusOutput / $0.dollarsPerMillionInputPlusOutput, 2) } ?? "-",
                o.limitedBy,
            ])
        }
        out.append(t.render())
        out.append(
            "cost = chips × price per chip-hour × chip time: an output token takes one decode step ÷ batch, an input "
                + "token its request's prefill ÷ input length")
        if let base {
            out += options.filter { $0.device != base.device }.map { o in
                String(
                    format: "%@ ÷ %@ = %.2f: price per chip-hour %.2f×, output tokens/s per chip %.2f× (%.0f vs %.0f)",
                    o.device, base.device, o.dollarsPerMillionInputPlusOutput / base.dollarsPerMillionInputPlusOutput,
                    o.pricePerChipHour / base.pricePerChipHour,
                    o.outputTokensPerSecondPerChip / base.outputTokensPerSecondPerChip, o.outputTokensPerSecondPerChip,
                    base.outputTokensPerSecondPerChip)
            }
        }
        out += options.map { "price \($0.device): $\(fmt($0.pricePerChipHour, 2))/chip-h from \($0.priceSource)" }
        out += excluded.map { "not priced \($0.device): \($0.reason)" }
        return out.joined(separator: "\n")
    }

    private func money(_ v: Double) -> String { v >= 10 ? fmt(v, 1) : fmt(v, 3) }
}
