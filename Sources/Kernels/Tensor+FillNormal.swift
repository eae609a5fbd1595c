import Foundation
import PortbenchSchema

extension Tensor {
    /// Fills with `mean + std·N(0,1)`, deterministically for (seed, name) and independent of the thread count.
    public func fillNormal(seed: UInt64, name: String, mean: Float = 0, std: Float) {
        let base = SplitMix64.seed(seed, name)
        let chunk = 1 << 16
        let chunks = (count + chunk - 1) / chunk
        let data = self.data, count = self.count
        Parallel.chunks(chunks, minPerChunk: 4) { range in
            for c in range {
                var rng = SplitMix64(seed: base &+ UInt64(c) &* 0x9E37_79B9_7F4A_7C15)
                var i = c * chunk
                let end = min(count, i + chunk)
                while i < end {
                    let (a, b) = rng.normalPair()
                    data[i] = mean + std * Float(a)
                    if i + 1 < end { data[i + 1] = mean + std * Float(b) }
                    i += 2
                }
            }
        }
    }
}
