import Foundation
import XCTest

/// The `portbench` binary as a user meets it: exit codes, error lines on stderr, and no partial output files.
final class CLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// The binary SwiftPM built beside the test bundle (Linux puts the bundle in the products folder itself).
    var binary: URL {
        let bundle = Bundle(for: CLITests.self).bundleURL
        let candidates = [bundle.appendingPathComponent("portbench"), bundle.deletingLastPathComponent().appendingPathComponent("portbench")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func run(_ args: [String]) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = Self.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testListShowsEveryWorkloadWithFLOPs() throws {
        let r = try run(["list"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("llama-3-8b"))
        XCTAssertTrue(r.out.contains("227.741"), "Llama-3-8B prefill-512 GFLOP")
    }

    func testValidateReportsFileKeyAndLineWithExitCode2() throws {
        let bad = dir.appendingPathComponent("bad.yaml")
        let text = try String(contentsOf: Self.root.appendingPathComponent("Workloads/tiny-llama.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "kv_heads: 2", with: "kv_heads: 3")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let r = try run(["validate", "Workloads/tiny-llama.yaml", bad.path])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.out.contains("ok  Workloads/tiny-llama.yaml"))
        XCTAssertTrue(r.err.contains("\(bad.path):8: layer.kv_heads: heads (4) must be divisible by kv_heads (3)"), r.err)
    }

    func testBadInputWritesNoResultFile() throws {
        let out = dir.appendingPathComponent("result.json")
        let missing = try run(["run", "no-such-workload", "--out", out.path])
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.err.contains("no such file, workload or suite"), missing.err)
        let weights = try run(["run", "tiny-llama", "--weights", "Tests/ReferenceTests/Fixtures/gpt2-prefill.safetensors", "--out", out.path])
        XCTAssertEqual(weights.code, 2)
        XCTAssertTrue(weights.err.contains("tensor 'model.layers.0.input_layernorm.weight' is missing; expected shape [32]"), weights.err)
        let reps = try run(["run", "tiny-llama", "--repetitions", "0", "--out", out.path])
        XCTAssertNotEqual(reps.code, 0)
        XCTAssertTrue(reps.err.contains("--repetitions must be at least 1"), reps.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testRunWithCheckpointAndInputMatchesNumPy() throws {
        let out = dir.appendingPathComponent("r.json"), dump = dir.appendingPathComponent("dump")
        let fx = "Tests/ReferenceTests/Fixtures/"
        let r = try run(["run", "tiny-llama", "--weights", fx + "llama-prefill.safetensors", "--layer-index", "3",
                         "--input", fx + "llama-prefill.input.npy", "--repetitions", "2", "--dump-outputs", dump.path, "--out", out.path])
        // tiny-llama has a decode scenario of another shape: the input file cannot fit it, so nothing runs.
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("does not fit tiny-llama/decode-9"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let suite = dir.appendingPathComponent("one.yaml")
        try "name: one\nentries:\n  - workload: \(Self.root.path)/Workloads/tiny-llama.yaml\n    scenarios: [prefill-7]\n"
            .write(to: suite, atomically: true, encoding: .utf8)
        let ok = try run(["run", suite.path, "--weights", fx + "llama-prefill.safetensors", "--layer-index", "3",
                          "--input", fx + "llama-prefill.input.npy", "--repetitions", "2", "--dump-outputs", dump.path, "--out", out.path])
        XCTAssertEqual(ok.code, 0, ok.err)
        XCTAssertTrue(ok.out.contains("measured on the CPU reference"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path))
        let got = try Data(contentsOf: dump.appendingPathComponent("tiny-llama/prefill-7/output.npy"))
        let want = try Data(contentsOf: Self.root.appendingPathComponent(fx + "llama-prefill.expected.npy"))
        XCTAssertEqual(got.count, want.count)
    }
}
