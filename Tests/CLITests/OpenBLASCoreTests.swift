import Foundation
import PortbenchSchema
import TestSupport
import XCTest

/// `--openblas-core` as a user meets it: a named core is self-checked, loaded and recorded; a core set in the
/// environment is kept under `auto` and `keep`, and said on stderr.
final class OpenBLASCoreCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-blas") }

    /// `calibrate` of tiny-llama (the cheapest command that runs kernels and writes a fingerprint).
    func calibrate(_ extra: [String], environment: [String: String?]) throws -> (MachineFingerprint, String) {
        let out = dir.appendingPathComponent("c-\(UUID().uuidString).json")
        let r = try Binary.run(
            ["calibrate", "tiny-llama", "--repetitions", "1", "--out", out.path] + extra, environment: environment)
        XCTAssertEqual(r.code, 0, r.err)
        let file = try JSONCoding.decoder().decode(CalibrationFile.self, from: Data(contentsOf: out))
        return (file.machine, r.err)
    }

    func testNamedCoreIsCheckedLoadedAndRecorded() throws {
        let (machine, err) = try calibrate(
            ["--openblas-core", "Prescott"], environment: ["OPENBLAS_CORETYPE": "Sandybridge"])
        XCTAssertEqual(machine.openblas.corename, "Prescott")
        XCTAssertEqual(machine.openblas.coreSource, .option)
        XCTAssertEqual(machine.openblasEnvironment["OPENBLAS_CORETYPE"], "Prescott")
        XCTAssertTrue(err.contains("Prescott passed its sgemm self-check"), err)
        XCTAssertTrue(err.contains("re-running with OPENBLAS_CORETYPE=Prescott"), err)
    }

    func testTheEnvironmentsCoreIsKeptByAutoAndKeep() throws {
        for option in ["auto", "keep"] {
            let (machine, err) = try calibrate(
                ["--openblas-core", option],
                environment: ["OPENBLAS_CORETYPE": "Sandybridge", "PORTBENCH_OPENBLAS_CORE": nil])
            XCTAssertEqual(machine.openblas.corename, "Sandybridge", option)
            XCTAssertEqual(machine.openblas.coreSource, .environment, option)
            XCTAssertTrue(err.contains("OPENBLAS_CORETYPE=Sandybridge from the environment is kept"), err)
            XCTAssertFalse(err.contains("re-running"), err)
            if let best = machine.openblas.bestCore, best != "Sandybridge" {
                XCTAssertTrue(err.contains("warning: "), "a fallback is said loudly: \(err)")
            }
        }
    }
}
