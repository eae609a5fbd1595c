/// Error measures between an fp32 result and a float64 reference.
public struct Drift {
    public let maxAbs: Double
    public let relL2: Double

    public init(_ got: [Float], _ want: [Double]) {
        precondition(got.count == want.count, "Drift: \(got.count) vs \(want.count) values")
        var maxAbs = 0.0, num = 0.0, den = 0.0
        for (g, w) in zip(got, want) {
            let d = Double(g) - w
            maxAbs = max(maxAbs, abs(d))
            num += d * d
            den += w * w
        }
        self.maxAbs = maxAbs
        relL2 = (num / max(den, 1e-300)).squareRoot()
    }
}
