import PortbenchSchema
import XCTest

@testable import Regression

final class MedianTests: XCTestCase {
    /// Selection gives the same median, bit for bit, as sorting and SampleStatistics' type-7 quantile.
    func testSelectionMatchesSortedQuantile() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<2000 {
            let n = 1 + rng.index(below: 40)
            let levels = 1 + rng.index(below: 12)
            var v = (0..<n).map { _ in Double(rng.index(below: levels)) * 0.37 + rng.unit() * 1e-3 * Double(n % 2) }
            let expected = SampleStatistics.quantile(v.sorted(), 0.5)
            XCTAssertEqual(Median.ofScratch(&v), expected)
        }
    }
}
