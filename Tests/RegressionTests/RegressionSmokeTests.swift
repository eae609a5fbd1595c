import Regression
import XCTest

final class RegressionSmokeTests: XCTestCase {
    func testDefaultMinimumEffectIsThreePercent() {
        XCTAssertEqual(Regression.defaultMinimumEffect, 0.03)
    }
}
