/// The exact null distribution of U for sizes (n1, n2) without ties: the coefficients of the Gaussian binomial
/// [n1 + n2 choose n1] in q, built one factor (1 − q^(n2+i)) / (1 − q^i) at a time, truncated at the degree needed.
struct MannWhitneyExact {
    let small: Int
    let large: Int

    init(_ n1: Int, _ n2: Int) {
        small = min(n1, n2)
        large = max(n1, n2)
    }

    /// min(1, 2 · P(U ≤ n1·n2 − uMax)): SciPy's two-sided exact p-value for the larger of the two U statistics.
    func twoSidedP(uMax: Int) -> Double {
        let k = small * large - uMax
        let counts = countsOfU(upTo: k)
        let total = binomial(small + large, small)
        return min(1, 2 * counts.reduce(0, +) / total)
    }

    /// Number of arrangements with U = u for u in 0 ... degree (every coefficient is a count, held in a Double).
    func countsOfU(upTo degree: Int) -> [Double] {
        var c = [Double](repeating: 0, count: degree + 1)
        c[0] = 1
        for i in stride(from: 1, through: small, by: 1) {
            // Divide by (1 − q^i): a running sum with stride i; all terms non-negative.
            if i <= degree { for d in i...degree { c[d] += c[d - i] } }
            // Multiply by (1 − q^(large + i)), highest degree first.
            let shift = large + i
            if shift <= degree { for d in stride(from: degree, through: shift, by: -1) { c[d] -= c[d - shift] } }
        }
        return c
    }

    /// C(n, k) as a Double, built as a running product that stays an integer at each step while it fits.
    func binomial(_ n: Int, _ k: Int) -> Double {
        var r = 1.0
        for i in stride(from: 1, through: k, by: 1) { r = r * Double(n - k + i) / Double(i) }
        return r.rounded()
    }
}
