import Foundation
import PortbenchSchema
import Workload

extension TransformerConfig {
    /// One chip's share of the layer under tensor parallelism over `n` chips (Megatron-style: heads, KV heads
    /// and FFN columns split; a KV head is replicated when there are fewer KV heads than chips).
    public func shard(_ n: Int) -> TransformerConfig {
        guard n > 1 else { return self }
        var c = self
        c.heads = (heads + n - 1) / n
        c.kvHeads = max(1, (kvHeads + n - 1) / n)
        c.heads = max(c.heads, c.kvHeads)
        c.heads = (c.heads + c.kvHeads - 1) / c.kvHeads * c.kvHeads
        c.ffn = (ffn + n - 1) / n
        return c
    }
}

/// Ring all-reduce over `chips` chips: 2(n−1)/n of the bytes cross each link, plus a latency per step.
public func ringAllReduceSeconds(bytes: Double, chips: Int, linkGBps: Double, latencySeconds: Double) -> Double {
    guard chips > 1 else { return 0 }
    let n = Double(chips)
    // Interconnect figures are bidirectional per chip; a ring sends one way on each link.
    return 2 * (n - 1) / n * bytes / (linkGBps * 1e9 / 2) + 2 * (n - 1) * latencySeconds
}
