import Foundation
import XCTest

/// Golden files of this target (the shared helper in TestSupport links XLABackend): a mismatch fails with the first
/// differing line; PORTBENCH_RECORD_GOLDEN=1, or a missing file, writes the file and fails, naming it.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = folder.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["PORTBENCH_RECORD_GOLDEN"] == "1"
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try Data(text.utf8).write(to: url, options: .atomic)
            XCTFail(
                "recorded \(url.path); review it and re-run without PORTBENCH_RECORD_GOLDEN", file: file, line: line)
            return
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        guard stored != text else { return }
        let old = stored.components(separatedBy: "\n"), new = text.components(separatedBy: "\n")
        let i = zip(old, new).enumerated().first { $1.0 != $1.1 }?.offset ?? min(old.count, new.count)
        let a = i < old.count ? old[i] : "(no line)", b = i < new.count ? new[i] : "(no line)"
        XCTFail(
            "golden \(name) differs at line \(i + 1):\n- \(a)\n+ \(b)\nre-run with PORTBENCH_RECORD_GOLDEN=1 if intended",
            file: file, line: line)
    }
}
