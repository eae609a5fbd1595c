import Foundation
import PortbenchSchema
import TestSupport
import XCTest

/// `run --instrument callgrind`: what it refuses (exit 2, naming the option), a missing valgrind (exit 1), and one
/// counted run of tiny-llama when valgrind is installed.
final class InstrumentTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-instrument") }

    func testRefusesWhatCannotBeCounted() throws {
        let out = dir.appendingPathComponent("r.json").path
        let cases: [([String], String)] = [
            (["--backend", "xla"], "--backend xla: --instrument callgrind counts the CPU reference only"),
            (["--backend", "cpu,xla"], "--backend cpu,xla: --instrument callgrind counts the CPU reference only"),
            (["--per-op"], "--per-op: --instrument callgrind counts whole repetitions"),
            (
                ["--target-width", "0.05"],
                "--target-width: --instrument callgrind counts a fixed number of repetitions"
            ),
            (["--enforce-goals"], "--enforce-goals: --instrument callgrind counts instructions"),
            (
                ["--instrument-child"],
                "--instrument-child is internal to --instrument callgrind and runs only under valgrind"
            ),
        ]
        for (extra, message) in cases {
            let r = try Binary.run(["run", "tiny-llama", "--instrument", "callgrind", "--out", out] + extra)
            XCTAssertEqual(r.code, 2, "\(extra): \(r.err)")
            XCTAssertTrue(r.err.contains(message), "\(extra): \(r.err)")
        }
        let sim = try Binary.run(["run", "tiny-llama", "--cache-sim", "--out", out])
        XCTAssertEqual(sim.code, 2)
        XCTAssertTrue(sim.err.contains("--cache-sim needs --instrument callgrind"), sim.err)
        let unknown = try Binary.run(["run", "tiny-llama", "--instrument", "perf", "--out", out])
        XCTAssertEqual(unknown.code, 2)
        XCTAssertTrue(unknown.err.contains("--instrument"), unknown.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    /// Without valgrind the run stops before any work, exit 1 (the machine, not the input), saying how to install it.
    func testMissingValgrindIsAnEnvironmentError() throws {
        let out = dir.appendingPathComponent("r.json").path
        let none = try Binary.run(
            ["run", "tiny-llama", "--instrument", "callgrind", "--out", out],
            environment: ["PATH": dir.path, "PORTBENCH_VALGRIND": nil])
        XCTAssertEqual(none.code, 1, none.err)
        XCTAssertTrue(
            none.err.contains("needs valgrind, which is not on PATH; install it with ci/install-deps.sh"), none.err)
        let bad = try Binary.run(
            ["run", "tiny-llama", "--instrument", "callgrind", "--out", out],
            environment: ["PORTBENCH_VALGRIND": dir.appendingPathComponent("valgrind").path])
        XCTAssertEqual(bad.code, 1, bad.err)
        XCTAssertTrue(bad.err.contains("PORTBENCH_VALGRIND="), bad.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testCountsEveryCaseOfTinyLlama() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind") else {
            throw XCTSkip("valgrind is not installed (ci/install-deps.sh installs it)")
        }
        let out = dir.appendingPathComponent("r.json")
        let r = try Binary.run([
            "run", "tiny-llama", "--instrument", "callgrind", "--cache-sim", "--repetitions", "2", "--out", out.path,
        ])
        XCTAssertEqual(r.code, 0, r.err)
        let doc = try ResultDocument.read(from: out)
        XCTAssertEqual(doc.cases.count, 2)
        XCTAssertTrue(doc.instrumentNote?.contains("must not be compared with native runs") ?? false)
        for c in doc.cases {
            let counts = try XCTUnwrap(c.instrument, "\(c.scenario)")
            XCTAssertEqual(counts.instrument, .callgrind)
            XCTAssertEqual(counts.instructions.count, 2)
            XCTAssertTrue(counts.instructions.allSatisfy { $0 > 0 }, "\(counts.instructions)")
            let cycles = try XCTUnwrap(counts.estimatedCycles)
            XCTAssertTrue(zip(cycles, counts.instructions).allSatisfy { $0 >= $1 }, "\(cycles)")
            XCTAssertTrue(counts.valgrindVersion.hasPrefix("valgrind-"), counts.valgrindVersion)
            XCTAssertTrue(counts.codePath.contains("under valgrind"), counts.codePath)
        }
    }
}
