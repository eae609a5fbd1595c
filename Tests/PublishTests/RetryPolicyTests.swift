import Foundation
import Publish
import XCTest

final class RetryPolicyTests: XCTestCase {
    func testBackoffDoublesFromHalfASecondToThirtyWithFullJitter() {
        var p = RetryPolicy(retryFor: 600, attemptTimeout: 30, random: { 0.999_999 })
        XCTAssertEqual((1...8).map { p.backoffBound(afterAttempt: $0) }, [0.5, 1, 2, 4, 8, 16, 30, 30])
        XCTAssertEqual(p.delay(afterAttempt: 3, retryAfter: nil, remaining: 100), 2, accuracy: 1e-5)
        p.random = { 0 }
        XCTAssertEqual(p.delay(afterAttempt: 3, retryAfter: nil, remaining: 100), 0)
        XCTAssertEqual(p.delay(afterAttempt: 1, retryAfter: 7, remaining: 100), 7, "Retry-After wins over backoff")
        XCTAssertEqual(p.delay(afterAttempt: 1, retryAfter: 700, remaining: 12), 12, "capped by the deadline")
        let real = RetryPolicy()
        for n in 1...12 {
            let d = real.delay(afterAttempt: n, retryAfter: nil, remaining: 1e9)
            XCTAssertTrue(d >= 0 && d <= real.backoffBound(afterAttempt: n))
        }
    }

    func testRetryableStatuses() {
        for s in [408, 429, 500, 502, 503, 504] { XCTAssertTrue(RetryPolicy.isRetryable(status: s), "\(s)") }
        for s in [200, 201, 301, 400, 401, 403, 404, 409, 413, 422] {
            XCTAssertFalse(RetryPolicy.isRetryable(status: s), "\(s)")
        }
    }

    func testRetryAfterSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_445_412_420)  // Wed, 21 Oct 2015 07:27:00 GMT
        XCTAssertEqual(RetryAfter.seconds("120", now: now), 120)
        XCTAssertEqual(RetryAfter.seconds(" 0 ", now: now), 0)
        XCTAssertEqual(RetryAfter.seconds("Wed, 21 Oct 2015 07:28:00 GMT", now: now), 60)
        XCTAssertEqual(RetryAfter.seconds("Wednesday, 21-Oct-15 07:28:30 GMT", now: now), 90)
        XCTAssertEqual(RetryAfter.seconds("Wed Oct 21 07:29:00 2015", now: now), 120)
        XCTAssertEqual(RetryAfter.seconds("Wed, 21 Oct 2015 07:00:00 GMT", now: now), 0, "a past date: now")
        XCTAssertNil(RetryAfter.seconds("soon", now: now))
        XCTAssertNil(RetryAfter.seconds("-5", now: now))
    }
}
