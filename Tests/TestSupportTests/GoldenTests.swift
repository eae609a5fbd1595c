import Foundation
import TestSupport
import XCTest

/// Golden.check, the pure part of assertGolden: what it finds and what it writes.
final class GoldenOutcomeTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-golden") }

    func stored(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func testAMissingFileIsRecordedNotMatched() throws {
        let url = dir.appendingPathComponent("new/a.txt")
        XCTAssertEqual(try Golden.check("one\ntwo\n", against: url, record: false), .recorded(path: url.path))
        XCTAssertEqual(try stored(url), "one\ntwo\n")
        XCTAssertEqual(try Golden.check("one\ntwo\n", against: url, record: false), .matched)
    }

    func testRecordModeRewritesTheFileAndNeverMatches() throws {
        let url = dir.appendingPathComponent("a.txt")
        try Data("same\n".utf8).write(to: url)
        XCTAssertEqual(
            try Golden.check("same\n", against: url, record: true), .recorded(path: url.path),
            "an unchanged text is still not a pass while recording")
        XCTAssertEqual(try Golden.check("changed\n", against: url, record: true), .recorded(path: url.path))
        XCTAssertEqual(try stored(url), "changed\n")
    }

    func testAMismatchNamesTheFirstDifferingLinesAndLeavesTheFile() throws {
        let url = dir.appendingPathComponent("a.txt")
        let old = (1...12).map { "l\($0)" }.joined(separator: "\n")
        try Data(old.utf8).write(to: url)
        let new = (1...12).map { $0 == 3 || $0 > 4 ? "L\($0)" : "l\($0)" }.joined(separator: "\n")
        guard case .mismatched(let diff) = try Golden.check(new, against: url, record: false) else {
            return XCTFail("a changed text must be a mismatch")
        }
        XCTAssertTrue(diff.hasPrefix("stored 12 lines, produced 12"), diff)
        XCTAssertTrue(diff.contains("line 3:\n- l3\n+ L3\nline 5:\n- l5\n+ L5"), diff)
        XCTAssertTrue(diff.contains("line 8:"), diff)
        XCTAssertFalse(diff.contains("line 9:"), "only the first five differing lines: \(diff)")
        XCTAssertTrue(diff.hasSuffix("… and 4 more differing lines"), diff)
        XCTAssertEqual(try stored(url), old, "a mismatch writes nothing")
    }

    func testTheDiffShowsMissingLinesAndTrailingBlanks() {
        XCTAssertNil(Golden.diff(stored: "a\nb", produced: "a\nb"))
        XCTAssertEqual(
            Golden.diff(stored: "a\nb\n", produced: "a\nb"),
            "stored 3 lines, produced 2; first differences (- stored, + produced):\nline 3:\n- \n+ (no line)")
        XCTAssertEqual(
            Golden.diff(stored: "a", produced: "a "),
            "stored 1 lines, produced 1; first differences (- stored, + produced):\nline 1:\n- a\n+ \"a \"")
    }

    func testTheEnvironmentVariableTurnsRecordingOn() {
        let name = Golden.recordVariable
        XCTAssertEqual(name, "PORTBENCH_RECORD_GOLDEN")
        let saved = ProcessInfo.processInfo.environment[name]
        defer { if let saved { setenv(name, saved, 1) } else { unsetenv(name) } }
        setenv(name, "1", 1)
        XCTAssertTrue(Golden.isRecording)
        setenv(name, "0", 1)
        XCTAssertFalse(Golden.isRecording)
        unsetenv(name)
        XCTAssertFalse(Golden.isRecording)
    }
}

/// assertGolden itself: recording and mismatches fail the calling test; only a match passes.
final class AssertGoldenTests: XCTestCase {
    /// The failures recorded while `capture` runs, instead of failing this test with them.
    private var captured: [String]?

    func failures(_ capture: () -> Void) -> [String] {
        captured = []
        capture()
        defer { captured = nil }
        return captured ?? []
    }

    #if canImport(Darwin)
        override func record(_ issue: XCTIssue) {
            if captured != nil { captured?.append(issue.compactDescription) } else { super.record(issue) }
        }
    #else
        override func recordFailure(
            withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool
        ) {
            if captured != nil {
                captured?.append(description)
            } else {
                super.recordFailure(
                    withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
            }
        }
    #endif

    func testRecordingFailsTheTestAndNamesTheFile() throws {
        let dir = try makeTemporaryDirectory("pb-golden")
        let path = dir.appendingPathComponent("g.txt").path

        let missing = failures { assertGolden("text\n", named: "g.txt", in: dir, record: false) }
        XCTAssertEqual(missing.count, 1, "\(missing)")
        XCTAssertTrue(missing.first?.contains("recorded \(path)") ?? false, "\(missing)")
        XCTAssertTrue(missing.first?.contains("re-run without PORTBENCH_RECORD_GOLDEN") ?? false, "\(missing)")

        XCTAssertEqual(
            failures { assertGolden("text\n", named: "g.txt", in: dir, record: false) }, [],
            "the recorded file now matches")

        let recording = failures { assertGolden("text\n", named: "g.txt", in: dir, record: true) }
        XCTAssertEqual(recording.count, 1, "recording fails even when the text is unchanged: \(recording)")
        XCTAssertTrue(recording.first?.contains("recorded \(path)") ?? false, "\(recording)")
    }

    func testAMismatchFailsWithTheDiff() throws {
        let dir = try makeTemporaryDirectory("pb-golden")
        try Data("a\nb\n".utf8).write(to: dir.appendingPathComponent("g.txt"))
        let mismatch = failures { assertGolden("a\nB\n", named: "g.txt", in: dir, record: false) }
        XCTAssertEqual(mismatch.count, 1, "\(mismatch)")
        XCTAssertTrue(mismatch.first?.contains("golden g.txt does not match") ?? false, "\(mismatch)")
        XCTAssertTrue(mismatch.first?.contains("line 2:\n- b\n+ B") ?? false, "\(mismatch)")
    }
}
