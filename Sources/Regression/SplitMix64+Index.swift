import PortbenchSchema

extension SplitMix64 {
    /// A uniform index in 0 ..< n (n ≥ 1) from the high half of a 64 × 64-bit product (Lemire, without rejection:
    /// the bias is below n / 2⁶⁴). Written out so resamples and permutations do not change with the standard library.
    mutating func index(below n: Int) -> Int {
        Int(UInt64(n).multipliedFullWidth(by: next()).high)
    }

    /// Fisher–Yates shuffle of a buffer region, driven by `index(below:)`.
    mutating func shuffle(_ v: inout [Double], in range: Range<Int>) {
        var i = range.upperBound - 1
        while i > range.lowerBound {
            let j = range.lowerBound + index(below: i - range.lowerBound + 1)
            v.swapAt(i, j)
            i -= 1
        }
    }
}
