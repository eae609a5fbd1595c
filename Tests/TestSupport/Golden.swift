import Foundation
import XCTest

/// What checking a text against its golden file found.
public enum GoldenOutcome: Equatable {
    /// The stored file holds exactly the text.
    case matched
    /// The stored file differs; `diff` names the first differing lines.
    case mismatched(diff: String)
    /// The text was written to `path` (record mode, or there was no file): nothing was checked.
    case recorded(path: String)
}

/// Golden files in the style of swift-snapshot-testing: a committed file holds the expected text, and recording a
/// new one always fails the test, so that a test can never pass while it writes its own expectation.
public enum Golden {
    /// Set to 1 to rewrite every golden file a test checks (each such test then fails, naming the file it wrote).
    public static let recordVariable = "PORTBENCH_RECORD_GOLDEN"

    /// Whether the environment asks to record.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// Compares `text` with the file at `url`, or writes `text` there when `record` is true or there is no file.
    public static func check(_ text: String, against url: URL, record: Bool) throws -> GoldenOutcome {
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            return .recorded(path: url.path)
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        guard let diff = diff(stored: stored, produced: text) else { return .matched }
        return .mismatched(diff: diff)
    }

    /// The first `limit` lines that differ between the stored and the produced text (nil when they are equal).
    public static func diff(stored: String, produced: String, limit: Int = 5) -> String? {
        guard stored != produced else { return nil }
        let old = stored.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = produced.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func show(_ line: String?) -> String {
            guard let line else { return "(no line)" }
            let shown = line.count > 200 ? String(line.prefix(200)) + "…" : line
            // Quoted when a difference could hide in trailing blanks or a carriage return.
            return shown.contains("\r") || shown.hasSuffix(" ") || shown.hasSuffix("\t")
                ? shown.debugDescription : shown
        }
        var out = ["stored \(old.count) lines, produced \(new.count); first differences (- stored, + produced):"]
        var differing = 0
        for i in 0..<max(old.count, new.count) {
            let a = i < old.count ? old[i] : nil, b = i < new.count ? new[i] : nil
            guard a != b else { continue }
            differing += 1
            if differing <= limit { out += ["line \(i + 1):", "- \(show(a))", "+ \(show(b))"] }
        }
        if differing > limit { out.append("… and \(differing - limit) more differing lines") }
        return out.joined(separator: "\n")
    }

    /// The failure message for an outcome (nil for a match).
    public static func message(_ outcome: GoldenOutcome, name: String) -> String? {
        switch outcome {
        case .matched:
            return nil
        case .mismatched(let diff):
            return
                "golden \(name) does not match:\n\(diff)\nIf the change is intended, re-run with \(recordVariable)=1, "
                + "review the rewritten file and commit it."
        case .recorded(let path):
            return "recorded \(path); review it and re-run without \(recordVariable) to check against it "
                + "(a test never passes while recording)"
        }
    }
}

/// Checks `text` against the golden file `folder/name`. On a mismatch the test fails with the first differing
/// lines. With PORTBENCH_RECORD_GOLDEN=1 (`record`), or when the file does not exist yet, the text is written to
/// the file and the test fails, saying which file was recorded.
public func assertGolden(
    _ text: String, named name: String, in folder: URL, record: Bool = Golden.isRecording,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        if let message = Golden.message(
            try Golden.check(text, against: folder.appendingPathComponent(name), record: record), name: name)
        {
            XCTFail(message, file: file, line: line)
        }
    } catch {
        XCTFail("golden \(name): \(error)", file: file, line: line)
    }
}
