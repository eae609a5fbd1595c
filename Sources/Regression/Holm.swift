/// Holm's step-down adjustment (Holm 1979): p-values that can each be compared with alpha while the chance of any
/// false rejection among them stays at alpha, whatever their dependence.
public enum Holm {
    /// The i-th smallest of m p-values becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎); order is kept.
    public static func adjust(_ p: [Double]) -> [Double] {
        let order = p.indices.sorted { (p[$0], $0) < (p[$1], $1) }
        var out = p
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(p.count - rank) * p[index]))
            out[index] = running
        }
        return out
    }
}
