import Foundation
import PortbenchSchema
import TestSupport
import XCTest

/// The regression commands end to end through the binary: baselines, compare, report, history, noise, ab.
final class RegressionCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-regress") }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// A run of two cases; `slow` scales the gpt2 case.
    func write(
        _ name: String, slow: Double = 1, seed: UInt64 = 1, cpu: String = "Test CPU", commit: String = "c0",
        created: String = "2026-12-01T00:00:00Z"
    ) throws -> String {
        let doc = SyntheticResults.result(
            [
                ("gpt2", SyntheticResults.samples(0.020 * slow, seed: seed)),
                ("bert", SyntheticResults.samples(0.010, seed: seed + 100)),
            ], machine: SyntheticResults.machine(cpu: cpu), created: created, commit: commit)
        try doc.save(dir.appendingPathComponent(name))
        return path(name)
    }

    func testBaselineLifecycle() throws {
        let run = try write("run.json")
        let folder = path("Baselines")
        var r = try Binary.run(["baseline", "save", run, "--name", "nightly-test", "--baselines", folder])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(folder)/nightly-test.json"))
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/nightly-test.json")),
            try Data(contentsOf: URL(fileURLWithPath: run)), "a baseline keeps the document byte for byte")
        r = try Binary.run(["baseline", "save", run, "--name", "nightly-test", "--baselines", folder])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("--replace"), r.err)
        r = try Binary.run(["baseline", "save", run, "--name", "../escape", "--baselines", folder])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("--name"), r.err)
        r = try Binary.run(["baseline", "list", "--baselines", folder])
        XCTAssertTrue(r.out.contains("nightly-test"), r.out)
        r = try Binary.run(["baseline", "show", "nightly-test", "--baselines", folder])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("gpt2"), r.out)
        r = try Binary.run(["baseline", "match", run, "--baselines", folder])
        XCTAssertEqual(r.out.trimmingCharacters(in: .whitespacesAndNewlines), "nightly-test")
        r = try Binary.run(["baseline", "delete", "nope", "--baselines", folder])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("nightly-test"), "lists what is saved: \(r.err)")
        r = try Binary.run(["baseline", "delete", "nightly-test", "--baselines", folder])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(folder)/nightly-test.json"))
    }

    func testCompareExitsThreeOnARegressionAndWritesJSON() throws {
        let base = try write("base.json"), slow = try write("slow.json", slow: 1.25, seed: 2)
        let out = path("cmp.json")
        let r = try Binary.run([
            "compare", "--baseline", base, slow, "--noise", "none", "--format", "json", "--out", out,
        ])
        XCTAssertEqual(r.code, 3, r.err)
        XCTAssertTrue(r.out.hasPrefix("1 regression"), r.out)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        XCTAssertEqual(json["schema"] as? String, "portbench.comparison")
        let table = try Binary.run(["compare", "--baseline", base, slow, "--noise", "none"])
        XCTAssertTrue(table.out.split(separator: "\n").first?.hasPrefix("1 regression") ?? false, table.out)
    }

    func testDifferentMachinesAreRefusedWithTheFieldsNamed() throws {
        let base = try write("base.json", cpu: "AMD EPYC"), other = try write("other.json", cpu: "Intel Xeon")
        var r = try Binary.run(["compare", "--baseline", base, other, "--noise", "none"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("cpu_model") && r.err.contains("Intel Xeon"), r.err)
        r = try Binary.run([
            "compare", "--baseline", base, other, "--noise", "none", "--allow-different-machine", "--format", "md",
        ])
        XCTAssertNotEqual(r.code, 2, r.err)
        let notice = r.out.range(of: "different machines"), table = r.out.range(of: "| workload")
        XCTAssertNotNil(notice, r.out)
        if let notice, let table { XCTAssertLessThan(notice.lowerBound, table.lowerBound, "the notice comes first") }
    }

    func testInconclusiveFailsOnlyWhenAsked() throws {
        let base = try write("base.json"), next = try write("next.json", slow: 1.06, seed: 3)
        let runs = try (1...3).map { try write("n\($0).json", slow: [0.7, 1.0, 1.4][$0 - 1], seed: UInt64(10 + $0)) }
        let profile = path("noise.json")
        var r = try Binary.run(["noise", "--from", runs[0], "--from", runs[1], "--from", runs[2], "--out", profile])
        XCTAssertEqual(r.code, 0, r.err)
        r = try Binary.run(["compare", "--baseline", base, next, "--noise", profile])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("inconclusive"), r.out)
        r = try Binary.run(["compare", "--baseline", base, next, "--noise", profile, "--fail-on-inconclusive"])
        XCTAssertEqual(r.code, 4, r.err)
        // --save puts the profile where `compare --noise auto` (the default) finds it.
        let folder = path("Saved")
        r = try Binary.run(
            ["noise", "--from", runs[0], "--from", runs[1], "--from", runs[2], "--save", "--baselines", folder])
        XCTAssertEqual(r.code, 0, r.err)
        let saved = try FileManager.default.contentsOfDirectory(atPath: "\(folder)/noise")
        XCTAssertEqual(saved.count, 1, "\(saved)")
        r = try Binary.run(["compare", "--baseline", base, next, "--baselines", folder, "--fail-on-inconclusive"])
        XCTAssertEqual(r.code, 4, r.err)
        XCTAssertTrue(r.out.contains("noise profile \(folder)/noise/\(saved[0])"), r.out)
        r = try Binary.run(["noise", "--from", runs[0], "--from", runs[1]])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("3"), r.err)
    }

    func testReportIsWrittenWhateverItSaysAndHistoryFindsTheStep() throws {
        let history = dir.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        for night in 0..<24 {
            let doc = SyntheticResults.result(
                [("gpt2", SyntheticResults.samples(0.020 * (night >= 16 ? 1.12 : 1), n: 9, seed: UInt64(night)))],
                created: String(format: "2026-11-%02dT02:00:00Z", night + 1), commit: "commit\(night)")
            try doc.save(history.appendingPathComponent("night-\(night).json"))
        }
        let last = history.appendingPathComponent("night-23.json").path
        let first = history.appendingPathComponent("night-0.json").path
        var r = try Binary.run(["history", history.path, "--format", "json"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("\"commit_before\" : \"commit15\""), r.out)
        XCTAssertTrue(r.out.contains("\"commit_after\" : \"commit16\""), r.out)
        let html = path("report.html")
        r = try Binary.run([
            "report", last, "--baseline", first, "--noise", "none", "--history", history.path, "--format", "html",
            "--out", html,
        ])
        XCTAssertEqual(r.code, 0, r.err)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        XCTAssertFalse(page.contains("<script"))
        XCTAssertTrue(page.contains("<svg"))
        r = try Binary.run(["report", last, "--baseline", first, "--noise", "none", "--fail-on-regression"])
        XCTAssertEqual(r.code, 3, r.err)
    }

    func testBadInputs() throws {
        let base = try write("base.json")
        let cases: [([String], String)] = [
            (["compare", "--baseline", base, path("missing.json")], "missing.json"),
            (["compare", "--baseline", "no-such-baseline", base, "--baselines", path("B")], "no-such-baseline"),
            (["compare", "--baseline", "auto", base, "--baselines", path("B")], "no baseline"),
            (["compare", "--baseline", base, base, "--min-effect", "1.5"], "--min-effect"),
            (["compare", "--baseline", base, base, "--noise", path("missing-noise.json")], "missing-noise.json"),
            (["compare", "--baseline", base, base, "--out", base], "--out"),
            (["history", path("nothing-here")], "nothing-here"),
            (["ab", "--a", "no-such-rev-xyz", "--b", "HEAD", "--rounds", "3"], "no-such-rev-xyz"),
            (["ab", "--a", "HEAD", "--b", "HEAD", "--rounds", "2"], "--rounds"),
        ]
        for (args, expect) in cases {
            let before = try Data(contentsOf: URL(fileURLWithPath: base))
            let r = try Binary.run(args)
            XCTAssertEqual(r.code, 2, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains(expect), "\(args): \(r.err)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: base)), before, "\(args) changed an input")
        }
    }
}
