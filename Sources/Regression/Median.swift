import PortbenchSchema

/// The median of a scratch buffer in O(n) expected time by selection (the buffer is reordered), equal bit for bit
/// to `SampleStatistics.quantile(sorted, 0.5)`: NumPy's type-7 interpolation between the two middle values.
enum Median {
    /// The median of any sample (type-7, as `SampleStatistics`): the one every estimator and the bootstrap use.
    static func of(_ x: [Double]) -> Double { SampleStatistics.quantile(x.sorted(), 0.5) }

    /// v must not be empty.
    static func ofScratch(_ v: inout [Double]) -> Double {
        let n = v.count
        let h = Double(n - 1) * 0.5
        let lo = (n - 1) / 2
        return v.withUnsafeMutableBufferPointer { b in
            select(b, lo)
            guard n % 2 == 0 else { return b[lo] }
            var next = b[lo + 1]
            for i in (lo + 1)..<n where b[i] < next { next = b[i] }
            return b[lo] + (h - Double(lo)) * (next - b[lo])
        }
    }

    /// Reorders b so that b[k] is the k-th smallest, with nothing larger before it nor smaller after it.
    private static func select(_ b: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var left = 0, right = b.count - 1
        while left < right {
            let pivot = medianOfThree(b[left], b[(left + right) / 2], b[right])
            var i = left, j = right
            while i <= j {
                while b[i] < pivot { i += 1 }
                while b[j] > pivot { j -= 1 }
                if i <= j {
                    b.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                right = j
            } else if k >= i {
                left = i
            } else {
                return
            }
        }
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }
}
