import Foundation
import PortbenchSchema
import TestSupport
import XCTest

/// Device-model predictions recorded by real runs and compared through the binary.
final class ModelledFiguresCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-modelled") }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Two real runs whose device catalogs differ in one figure: the comparison shows the moved prediction, names
    /// the figure, leaves the other device unchanged and exits 0 (a prediction that moved is not a regression).
    func testModelledFiguresAreComparedAndTheirCauseNamed() throws {
        let devicesA = path("devA"), devicesB = path("devB")
        for d in [devicesA, devicesB] {
            try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent("Devices").path, toPath: d)
        }
        let h100 = URL(fileURLWithPath: "\(devicesB)/h100-sxm.yaml")
        let text = try String(contentsOf: h100, encoding: .utf8)
        XCTAssertTrue(text.contains("memory_gbps: {value: 3350,"))
        try text.replacingOccurrences(of: "memory_gbps: {value: 3350,", with: "memory_gbps: {value: 3000,")
            .write(to: h100, atomically: true, encoding: .utf8)
        let workload = Repo.root.appendingPathComponent("Workloads/tiny-llama.yaml").path
        let suite = path("s.yaml")
        try [
            "name: modelled", "repetitions: 1", "warmup: 0", "modelled_devices: [h100-sxm, tpu-v5e]", "entries:",
            "  - workload: \(workload)", "    scenarios: [decode-9]",
        ].joined(separator: "\n").write(toFile: suite, atomically: true, encoding: .utf8)
        for (devices, out) in [(devicesA, "a.json"), (devicesB, "b.json")] {
            let r = try Binary.run(["run", suite, "--backend", "cpu", "--devices", devices, "--out", path(out)])
            XCTAssertEqual(r.code, 0, r.err)
        }
        let a = try ResultDocument.read(from: URL(fileURLWithPath: path("a.json")))
        XCTAssertEqual(a.cases.first?.modelled?.map(\.device), ["h100-sxm", "tpu-v5e"])
        XCTAssertEqual(a.cases.first?.modelled?.first?.provenance, .modelled)
        XCTAssertEqual(a.modelledDevices?.first?.inputs["profile.memory_gbps"], 3350)
        let r = try Binary.run([
            "compare", "--baseline", path("a.json"), path("b.json"), "--format", "md", "--out", path("c.md"),
        ])
        XCTAssertEqual(r.code, 0, r.err)
        let md = try String(contentsOfFile: path("c.md"), encoding: .utf8)
        let lines = md.split(separator: "\n")
        let moved = try XCTUnwrap(lines.first { $0.contains("modelled_s[h100-sxm]") }, md)
        XCTAssertTrue(moved.contains("changed"), String(moved))
        XCTAssertTrue(moved.contains("profile.memory_gbps 3350 → 3000"), String(moved))
        let same = try XCTUnwrap(lines.first { $0.contains("modelled_s[tpu-v5e]") }, md)
        XCTAssertTrue(same.contains("identical"), String(same))
        XCTAssertTrue(md.contains("1 changed"), "the headline counts it")
    }
}
