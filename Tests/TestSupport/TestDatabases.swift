import Foundation
import XCTest

/// The PostgreSQL the storage and server tests also run against: `PORTBENCH_TEST_POSTGRES_URL`, set by
/// `ci/with-postgres.sh` (which `ci/test.sh` runs the tests under). With `PORTBENCH_REQUIRE_POSTGRES=1` (CI) its
/// absence fails the tests instead of skipping the PostgreSQL half.
public enum TestDatabases {
    public static func postgresURL(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let url = env["PORTBENCH_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        if env["PORTBENCH_REQUIRE_POSTGRES"] == "1" {
            XCTFail("PORTBENCH_REQUIRE_POSTGRES=1 but PORTBENCH_TEST_POSTGRES_URL is not set", file: file, line: line)
        }
        throw XCTSkip("PORTBENCH_TEST_POSTGRES_URL is not set: run under ci/with-postgres.sh for the PostgreSQL half")
    }
}
