import Foundation
import XCTest

/// Fresh folders under the system temporary directory, named `<prefix>-<UUID>`.
public enum TemporaryDirectory {
    /// Creates a new, empty folder; the caller removes it.
    public static func create(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` in a new folder and removes the folder afterwards, whether `body` returns or throws.
    public static func with<T>(_ prefix: String, _ body: (URL) throws -> T) throws -> T {
        let url = try create(prefix)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}

extension XCTestCase {
    /// A new, empty folder that is removed when the current test ends (passed or failed); callable from
    /// `setUpWithError` or from the test itself.
    public func makeTemporaryDirectory(_ prefix: String) throws -> URL {
        let url = try TemporaryDirectory.create(prefix)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
