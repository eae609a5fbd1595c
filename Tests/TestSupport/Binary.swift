import Foundation

/// Runs the `portbench` binary SwiftPM built beside the test bundle, from the repository root.
public enum Binary {
    /// A class of this module, so `Bundle(for:)` names the binary the tests are linked into.
    private final class Marker {}

    /// The products folder holds `portbench`. On Linux the test bundle is an executable in that folder
    /// (.build/debug/portbenchPackageTests.xctest) and its bundle is the folder itself; on macOS the bundle is the
    /// .xctest folder inside it.
    public static var url: URL {
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [
            bundle.appendingPathComponent("portbench"),
            bundle.deletingLastPathComponent().appendingPathComponent("portbench"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs the binary with `args`; `environment` entries are set over (or, when nil, removed from) this process's.
    public static func run(
        _ args: [String], environment: [String: String?] = [:]
    ) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = url
        p.arguments = args
        if !environment.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment { env[k] = v }
            p.environment = env
        }
        p.currentDirectoryURL = Repo.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
