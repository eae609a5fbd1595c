import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import XLABackend

/// The load-time check of a plugin's reported PJRT version and table size against portbench's declarations.
final class PJRTCompatibilityTests: XCTestCase {
    let expected = PJRTABI.expected

    func message(_ abi: PJRTABI) -> String? {
        do { try abi.check() } catch { return "\(error)" }
        return nil
    }

    func testWhatPortbenchWasWrittenFor() {
        XCTAssertEqual(expected, PJRTABI(major: 0, minor: 81, apiSize: 608, versionSize: 24))
    }

    func testSameMajorWithATableReachingEveryCalledSlotPasses() {
        XCTAssertNil(message(expected))
        XCTAssertNil(message(PJRTABI(major: 0, minor: 115, apiSize: 1144, versionSize: 24)), "a newer minor version")
        XCTAssertNil(
            message(PJRTABI(major: 0, minor: 40, apiSize: 608, versionSize: 24)), "an older one that has every slot")
    }

    func testAnotherMajorVersionIsRefused() throws {
        let m = try XCTUnwrap(message(PJRTABI(major: 1, minor: 2, apiSize: 2000, versionSize: 24)))
        XCTAssertTrue(m.hasPrefix("PJRT version:"), m)
        XCTAssertTrue(m.contains("implements PJRT C API 1.2") && m.contains("written for PJRT C API 0.81"), m)
    }

    func testATableEndingBeforeTheLastCalledSlotIsRefused() throws {
        let m = try XCTUnwrap(message(PJRTABI(major: 0, minor: 20, apiSize: 600, versionSize: 24)))
        XCTAssertTrue(m.contains("PJRT_Api table is 600 bytes (API 0.20)") && m.contains("up to byte 608"), m)
    }

    func testAVersionStructTooShortToReadIsRefused() throws {
        let m = try XCTUnwrap(message(PJRTABI(major: 0, minor: 81, apiSize: 1144, versionSize: 16)))
        XCTAssertTrue(m.contains("PJRT_Api_Version struct is 16 bytes"), m)
    }

    /// A stand-in plugin whose GetPjrtApi returns a table claiming `major.minor` and `size` bytes (all slots NULL).
    func plugin(major: Int, minor: Int, size: Int) throws -> String {
        try Plugin.fake(
            "v\(major)-\(minor)-\(size)",
            source: """
                #include <stddef.h>
                struct version { size_t struct_size; void *extension_start; int major, minor; };
                static struct { size_t struct_size; void *extension_start; struct version v; void *slots[256]; }
                    api = { \(size), NULL, { 24, NULL, \(major), \(minor) } };
                const void *GetPjrtApi(void) { return &api; }
                """)
    }

    func testLoadingAnIncompatiblePluginFailsBeforeAnyCall() throws {
        let newer = try plugin(major: 1, minor: 0, size: 1144)
        XCTAssertThrowsError(try PJRTClient(pluginPath: newer)) { e in
            XCTAssertTrue("\(e)".contains(newer) && "\(e)".contains("PJRT C API 1.0"), "\(e)")
        }
        let short = try plugin(major: 0, minor: 30, size: 400)
        XCTAssertThrowsError(try PJRTClient(pluginPath: short)) { e in
            XCTAssertTrue("\(e)".contains("PJRT_Api table is 400 bytes"), "\(e)")
        }
    }
}
