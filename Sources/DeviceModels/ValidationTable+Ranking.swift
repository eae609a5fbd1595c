import Foundation
import PortbenchSchema

extension ValidationTable {
    /// Every pair of outcomes the table lets compare per chip: same workload, metric, precision, batch and lengths,
    /// different devices. Throughputs compare per chip; latencies compare only at equal chip counts (lower is
    /// faster). Ties as published are left out: there is no order to agree with.
    public static func ranking(_ outcomes: [ValidationOutcome]) -> [RankingPair] {
        var out: [RankingPair] = []
        for (i, a) in outcomes.enumerated() {
            for b in outcomes[(i + 1)...] where comparable(a.row, b.row) {
                guard let published = speedRatio(a.row, a.row.value, b.row, b.row.value), published != 1,
                    let modelled = speedRatio(a.row, a.predicted, b.row, b.predicted)
                else { continue }
                out.append(
                    published > 1
                        ? RankingPair(
                            faster: a.row.id, slower: b.row.id, publishedRatio: published, modelledRatio: modelled)
                        : RankingPair(
                            faster: b.row.id, slower: a.row.id, publishedRatio: 1 / published,
                            modelledRatio: 1 / modelled))
            }
        }
        return out
    }

    static func comparable(_ a: PublishedResult, _ b: PublishedResult) -> Bool {
        a.device != b.device && a.workload == b.workload && a.metric == b.metric && a.precision == b.precision
            && a.scenario.batch == b.scenario.batch && a.scenario.inputLen == b.scenario.inputLen
            && a.scenario.outputLen == b.scenario.outputLen
            && (a.metric.isThroughput || a.chips == b.chips)
    }

    /// How much faster per chip `a` is than `b` (speed a ÷ speed b), given each one's value of the shared metric.
    static func speedRatio(_ a: PublishedResult, _ va: Double, _ b: PublishedResult, _ vb: Double) -> Double? {
        guard va > 0, vb > 0 else { return nil }
        switch a.metric {
        case .outputTokensPerSecondPerChip: return va / vb
        case .outputTokensPerSecond: return (va / Double(a.chips)) / (vb / Double(b.chips))
        case .ttftMs, .tpotMs: return vb / va
        }
    }
}

extension ServeMetric {
    /// Tokens per second (higher is faster), as opposed to a latency.
    public var isThroughput: Bool {
        switch self {
        case .outputTokensPerSecondPerChip, .outputTokensPerSecond: return true
        case .ttftMs, .tpotMs: return false
        }
    }
}
