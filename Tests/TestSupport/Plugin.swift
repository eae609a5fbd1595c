import Foundation
import XCTest
import XLABackend

/// The PJRT plugin the tests run against; tests that need it skip when ci/install-pjrt.sh has not fetched it.
public enum Plugin {
    /// Where portbench itself looks when run from the repository root (PORTBENCH_PJRT_PLUGIN, else .cache/pjrt/).
    public static var path: String { PJRTClient.defaultPluginPath(root: Repo.root) }

    /// The plugin's path, or XCTSkip when it is absent.
    public static func required() throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("no PJRT plugin at \(path): run `bash ci/install-pjrt.sh` to test the XLA backend")
        }
        return path
    }

    /// One client shared by the tests that only compile and run programs (skips without the plugin).
    public static func client() throws -> PJRTClient {
        _ = try required()
        return shared
    }

    private static let shared = try! PJRTClient(pluginPath: path)

    /// Builds a stand-in plugin from C source with the system C compiler (XCTSkip without one); returns the .so path.
    /// Its folder is left in place: the library may still be loaded when the test ends.
    public static func fake(_ name: String, source: String) throws -> String {
        let dir = try TemporaryDirectory.create("pb-\(name)")
        let c = dir.appendingPathComponent("\(name).c"), so = dir.appendingPathComponent("lib\(name).so")
        try source.write(to: c, atomically: true, encoding: .utf8)
        let cc = Process()
        cc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        cc.arguments = ["cc", "-shared", "-fPIC", "-o", so.path, c.path]
        try cc.run()
        cc.waitUntilExit()
        guard cc.terminationStatus == 0 else { throw XCTSkip("no C compiler to build the \(name) plugin") }
        return so.path
    }
}
