/// The best split of one segment by the E-divisive statistic (Matteson & James 2014, α = 1): the τ and κ that
/// maximise Q̂(x[s..<τ], x[τ..<κ]) over s < τ < κ ≤ e, both parts at least `minimumSegment` long.
struct EnergySplit: Equatable {
    /// First index of the right-hand part (the change point candidate).
    var index: Int
    /// End (exclusive) of the right-hand part.
    var end: Int
    /// Q̂ = 2/(n+m)·Σ|X−Y| − 2m/((n+m)(n−1))·Σ_{i<k}|Xi−Xk| − 2n/((n+m)(m−1))·Σ_{j<k}|Yj−Yk|, a within-sum
    /// term dropped when its part has one point (otava's convention).
    var qhat: Double

    /// O((e − s)²) time and O(e − s) memory; nil when the segment cannot hold two parts. Ties go to the smallest τ,
    /// then the smallest κ (NumPy's argmax over otava's (τ, κ) matrix).
    static func best(_ x: [Double], _ range: Range<Int>, minimumSegment: Int) -> EnergySplit? {
        let ms = max(minimumSegment, 1)
        guard range.count >= 2 * ms else { return nil }
        return x.withUnsafeBufferPointer {
            best(UnsafeBufferPointer(rebasing: $0[range]), ms)?.offset(range.lowerBound)
        }
    }

    /// Walks κ upward; between[τ] holds Σ|X−Y| for the current κ, within[t] the within-sum of v[0..<t].
    private static func best(_ v: UnsafeBufferPointer<Double>, _ ms: Int) -> EnergySplit? {
        let length = v.count
        var between = [Double](repeating: 0, count: length + 1)
        var within = [Double](repeating: 0, count: length + 1)
        let reciprocal = [0] + (1...length).map { 1 / Double($0) }
        var best = EnergySplit(index: -1, end: -1, qhat: -.infinity)
        for k in 1..<length {
            within[k + 1] = within[k] + addColumn(v, k, &between)
            if k + 1 >= 2 * ms { bestTau(kappa: k + 1, ms, between, within, reciprocal, &best) }
        }
        return best.index < 0 ? nil : best
    }

    /// Updates best with the largest Q̂(τ, κ) over τ for one κ (strictly larger only: earlier τ and κ win ties).
    private static func bestTau(
        kappa: Int, _ ms: Int, _ between: [Double], _ within: [Double], _ reciprocal: [Double],
        _ best: inout EnergySplit
    ) {
        let total = within[kappa]
        let scale = 2 * reciprocal[kappa]
        for tau in ms...(kappa - ms) {
            let n = tau, m = kappa - tau
            let xy = between[tau], xx = within[tau]
            let yy = total - xx - xy
            let q = scale * (xy - Double(m) * reciprocal[n - 1] * xx - Double(n) * reciprocal[m - 1] * yy)
            if q > best.qhat || (q == best.qhat && tau < best.index) {
                best = EnergySplit(index: tau, end: kappa, qhat: q)
            }
        }
    }

    /// Adds z = v[k] to the right-hand part for every τ ≤ k; returns Σ_{i<k}|v[i] − z|.
    private static func addColumn(_ v: UnsafeBufferPointer<Double>, _ k: Int, _ between: inout [Double]) -> Double {
        let z = v[k]
        var prefix = 0.0
        between.withUnsafeMutableBufferPointer { b in
            for tau in 1...k {
                prefix += abs(v[tau - 1] - z)
                b[tau] += prefix
            }
        }
        return prefix
    }

    private func offset(_ s: Int) -> EnergySplit { EnergySplit(index: index + s, end: end + s, qhat: qhat) }
}
