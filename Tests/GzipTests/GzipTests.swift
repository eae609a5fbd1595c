import Foundation
import Gzip
import XCTest

final class GzipTests: XCTestCase {
    func testRoundTripOfEmptySmallAndLargeBodies() throws {
        var rng = SystemRandomNumberGenerator()
        let large = Data((0..<300_000).map { i in i % 7 == 0 ? UInt8.random(in: 0...255, using: &rng) : UInt8(i % 31) })
        for body in [Data(), Data("{\"a\":1}".utf8), large] {
            let packed = Gzip.compress(body)
            XCTAssertEqual(Array(packed.prefix(2)), [0x1f, 0x8b], "a gzip member starts with its magic bytes")
            XCTAssertEqual(try Gzip.decompress(packed, limit: body.count + 1), body)
        }
    }

    /// A member written by the system's gzip(1) is read: the format is the standard one, not zlib's own framing.
    func testReadsWhatGzipOneWrites() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Data(String(repeating: "portbench result document\n", count: 500).utf8)
        let file = dir.appendingPathComponent("doc.json")
        try text.write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-k", "-9", file.path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let packed = try Data(contentsOf: dir.appendingPathComponent("doc.json.gz"))
        XCTAssertEqual(try Gzip.decompress(packed, limit: 1 << 20), text)
    }

    func testRefusesCorruptTruncatedTrailingAndOversizedBodies() {
        let body = Data(String(repeating: "x", count: 10_000).utf8)
        let packed = Gzip.compress(body)
        XCTAssertThrowsError(try Gzip.decompress(Data("{\"plain\": true}".utf8), limit: 1 << 20))
        XCTAssertThrowsError(try Gzip.decompress(packed.prefix(packed.count - 6), limit: 1 << 20)) { error in
            XCTAssertEqual(error as? GzipError, .corrupt("truncated gzip data"))
        }
        XCTAssertThrowsError(try Gzip.decompress(packed + Data([1, 2, 3]), limit: 1 << 20)) { error in
            XCTAssertEqual(error as? GzipError, .corrupt("data after the end of the gzip member"))
        }
        XCTAssertThrowsError(try Gzip.decompress(packed, limit: 9_999)) { error in
            XCTAssertEqual(error as? GzipError, .tooLarge(limit: 9_999))
        }
        var flipped = packed
        flipped[flipped.count - 5] ^= 0xff  // the CRC-32 in the trailer
        XCTAssertThrowsError(try Gzip.decompress(flipped, limit: 1 << 20))
    }

    /// The trailer's length only sizes the first buffer: a body that grows past it, or a trailer that lies, still
    /// inflates to the same bytes or is refused, never cut short or read past the limit.
    func testTheTrailersLengthIsOnlyAHint() throws {
        let body = Data((0..<300_000).map { i in UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> 13 % 40) })
        let packed = Gzip.compress(body)
        XCTAssertEqual(try Gzip.decompress(packed, limit: 300_000), body, "exactly at the limit")
        for lie: UInt32 in [0, 1, 4096, 299_999, 300_001, .max] {
            var tampered = packed
            withUnsafeBytes(of: lie.littleEndian) { tampered.replaceSubrange((packed.count - 4)..., with: $0) }
            XCTAssertThrowsError(try Gzip.decompress(tampered, limit: 1 << 20), "ISIZE \(lie)")
            XCTAssertThrowsError(try Gzip.decompress(tampered, limit: 1000), "ISIZE \(lie)") { error in
                XCTAssertEqual(error as? GzipError, .tooLarge(limit: 1000))
            }
        }
    }
}
