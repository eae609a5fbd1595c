import CCurl
import PortbenchSchema
import XCTest

/// The curl system-library target links and its setopt shims reach libcurl (the upload client builds on them).
final class CCurlShimTests: XCTestCase {
    func testVersionAndTypedSetopt() throws {
        let version = String(cString: curl_version())
        XCTAssertTrue(version.hasPrefix("libcurl/"), version)
        let handle = try XCTUnwrap(curl_easy_init())
        defer { curl_easy_cleanup(handle) }
        XCTAssertEqual(pb_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, 1500), CURLE_OK)
        XCTAssertEqual(pb_curl_setopt_str(handle, CURLOPT_URL, "http://127.0.0.1:9/"), CURLE_OK)
        // An unknown option number is rejected by libcurl itself, proving the call went through.
        XCTAssertNotEqual(pb_curl_setopt_long(handle, CURLoption(rawValue: 99999), 1), CURLE_OK)
    }
}
