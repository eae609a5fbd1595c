import Publish
import XCTest

final class EndpointTests: XCTestCase {
    func testHTTPSAnywhereAndTrailingSlashDropped() throws {
        XCTAssertEqual(try Endpoint.parse("https://results.example.org/").base, "https://results.example.org")
        XCTAssertEqual(
            try Endpoint.parse("https://Results.example.org:8443/pb//").runsURL,
            "https://results.example.org:8443/pb/api/v1/runs")
        XCTAssertEqual(try Endpoint.parse("https://x.org").runURL("abc"), "https://x.org/api/v1/runs/abc")
    }

    func testPlainHTTPOnlyToLoopback() throws {
        for url in ["http://127.0.0.1:8080", "http://127.9.8.7", "http://localhost:1/", "http://[::1]:9000"] {
            XCTAssertNoThrow(try Endpoint.parse(url), url)
        }
        XCTAssertEqual(try Endpoint.parse("http://[::1]:9000/").base, "http://[::1]:9000")
        for url in ["http://results.example.org", "http://10.0.0.1", "http://128.0.0.1", "http://[::2]"] {
            XCTAssertThrowsError(try Endpoint.parse(url, option: "--endpoint"), url) { error in
                XCTAssertTrue(error is PublishInputError)
                XCTAssertTrue("\(error)".contains("--endpoint"), "\(error)")
                XCTAssertTrue("\(error)".contains("--allow-http"), "\(error)")
            }
        }
        XCTAssertEqual(
            try Endpoint.parse("http://results.example.org/", allowHTTP: true).base, "http://results.example.org")
    }

    func testRefusedForms() {
        for url in [
            "ftp://x.org", "results.example.org", "https://", "https://u:p@x.org", "https://x.org/?a=1",
            "https://x.org/#f", "not a url at all",
        ] {
            XCTAssertThrowsError(try Endpoint.parse(url), url)
        }
    }

    func testEnvironmentFallbackNamesTheVariable() throws {
        XCTAssertNil(try Endpoint.resolve(nil, environment: [:], allowHTTP: false))
        let env = ["PORTBENCH_ENDPOINT": "https://env.example.org/"]
        XCTAssertEqual(try Endpoint.resolve(nil, environment: env, allowHTTP: false)?.base, "https://env.example.org")
        XCTAssertEqual(
            try Endpoint.resolve("https://cli.example.org", environment: env, allowHTTP: false)?.base,
            "https://cli.example.org")
        XCTAssertThrowsError(
            try Endpoint.resolve(nil, environment: ["PORTBENCH_ENDPOINT": "http://x.org"], allowHTTP: false)
        ) { XCTAssertTrue("\($0)".contains("PORTBENCH_ENDPOINT"), "\($0)") }
    }
}
