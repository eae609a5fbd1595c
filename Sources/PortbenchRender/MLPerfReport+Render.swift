import Foundation
import PortbenchSchema

extension MLPerfReport {
    /// The terminal view: the setting, then Offline and Server side by side (every figure modelled).
    public func renderTable() -> String {
        var out = [
            "\(workload) on \(copies) × \(chipsPerCopy) \(device) (\(style.rawValue) style, \(precision.rawValue)), "
                + "\(inputLen) in / \(outputLen) out, \(samples) queries, seed \(seed) — MODELLED (simulated "
                + "continuous batching over the device model's step times)",
            "at most \(maxBatch) sequences in flight per copy (what fits in memory); Server limits: TTFT p99 ≤ "
                + "\(fmt(ttftP99LimitSeconds * 1e3, 0)) ms, TPOT p99 ≤ \(fmt(tpotP99LimitSeconds * 1e3, 0)) ms",
        ]
        var t = TextTable(header: [
            "scenario", "queries/s", "output tok/s", "tok/s per chip", "TTFT p99 ms", "TPOT p99 ms", "in flight",
            "note",
        ])
        t.leftAligned = [0, 7]
        for (name, r) in [("Offline", offline), ("Server", server)] {
            t.rows.append([
                name, fmt(r.samplesPerSecond, 2), fmt(r.outputTokensPerSecond, 0),
                fmt(r.outputTokensPerSecondPerChip, 0), fmt(r.ttftP99Seconds * 1e3, 1),
                fmt(r.tpotP99Seconds * 1e3, 1), fmt(r.meanInFlight, 1), r.note,
            ])
        }
        out.append(t.render())
        return out.joined(separator: "\n")
    }
}
