import Regression
import XCTest

/// Against SciPy 1.x values (scipy.stats.norm / scipy.stats.t), quoted to the digits shown.
final class DistributionsTests: XCTestCase {
    func testNormalQuantilesAndCDF() {
        XCTAssertEqual(Distributions.normalQuantile(0.975), 1.959963984540054, accuracy: 1e-9)
        XCTAssertEqual(Distributions.normalQuantile(0.995), 2.5758293035489004, accuracy: 1e-9)
        XCTAssertEqual(Distributions.normalCDF(-1), 0.15865525393145707, accuracy: 1e-12)
    }

    func testStudentT() {
        XCTAssertEqual(Distributions.studentTQuantile(0.975, df: 10), 2.228138851986274, accuracy: 1e-8)
        XCTAssertEqual(Distributions.studentTQuantile(0.995, df: 4), 4.604094871349992, accuracy: 1e-8)
        XCTAssertEqual(Distributions.studentTCDF(2.0, df: 5), 0.9490302605850709, accuracy: 1e-10)
        XCTAssertEqual(Distributions.studentTCDF(-0.5, df: 2.5), 0.3288489599348574, accuracy: 1e-7)
        XCTAssertEqual(Distributions.twoSidedP(0, df: 3), 1, accuracy: 1e-12)
        XCTAssertEqual(Distributions.studentTQuantile(0.9, df: .infinity), 1.2815515655446004, accuracy: 1e-9)
    }
}
