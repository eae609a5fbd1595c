import Foundation
import PortbenchSchema
import TestSupport
import XCTest

/// The `portbench` binary as a user meets it: exit codes, error lines on stderr, and no partial output files.
final class CLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-cli") }

    func testListShowsEveryWorkloadWithFLOPs() throws {
        let r = try Binary.run(["list"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("llama-3-8b"))
        XCTAssertTrue(r.out.contains("227.741"), "Llama-3-8B prefill-512 GFLOP")
    }

    func testValidateReportsFileKeyAndLineWithExitCode2() throws {
        let bad = dir.appendingPathComponent("bad.yaml")
        let text = try String(
            contentsOf: Repo.root.appendingPathComponent("Workloads/tiny-llama.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "kv_heads: 2", with: "kv_heads: 3")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let r = try Binary.run(["validate", "Workloads/tiny-llama.yaml", bad.path])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.out.contains("ok  Workloads/tiny-llama.yaml"))
        XCTAssertTrue(
            r.err.contains("\(bad.path):8: layer.kv_heads: heads (4) must be divisible by kv_heads (3)"), r.err)
    }

    func testBadInputWritesNoResultFile() throws {
        let out = dir.appendingPathComponent("result.json")
        let missing = try Binary.run(["run", "no-such-workload", "--out", out.path])
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.err.contains("no such file, workload or suite"), missing.err)
        let weights = try Binary.run([
            "run", "tiny-llama", "--weights", "Tests/ReferenceTests/Fixtures/gpt2-prefill.safetensors", "--out",
            out.path,
        ])
        XCTAssertEqual(weights.code, 2)
        XCTAssertTrue(
            weights.err.contains("tensor 'model.layers.0.input_layernorm.weight' is missing; expected shape [32]"),
            weights.err)
        let reps = try Binary.run(["run", "tiny-llama", "--repetitions", "0", "--out", out.path])
        XCTAssertEqual(reps.code, 2)
        XCTAssertTrue(reps.err.contains("--repetitions: expected 1...10000, got 0"), reps.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }

    func testRunWithCheckpointAndInputMatchesNumPy() throws {
        let out = dir.appendingPathComponent("r.json"), dump = dir.appendingPathComponent("dump")
        let fx = "Tests/ReferenceTests/Fixtures/"
        let r = try Binary.run([
            "run", "tiny-llama", "--weights", fx + "llama-prefill.safetensors", "--layer-index", "3",
            "--input", fx + "llama-prefill.input.npy", "--repetitions", "2", "--dump-outputs", dump.path, "--out",
            out.path,
        ])
        // tiny-llama has a decode scenario of another shape: the input file cannot fit it, so nothing runs.
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("does not fit tiny-llama/decode-9"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let ok = try Binary.run([
            "run", "tiny-llama", "--scenario", "prefill-7", "--backend", "cpu", "--weights",
            fx + "llama-prefill.safetensors", "--layer-index", "3",
            "--input", fx + "llama-prefill.input.npy", "--repetitions", "2", "--dump-outputs", dump.path, "--out",
            out.path,
        ])
        XCTAssertEqual(ok.code, 0, ok.err)
        XCTAssertTrue(ok.out.contains("measured on the CPU reference"))
        let none = try Binary.run(["run", "tiny-llama", "--scenario", "prefill-99", "--out", out.path + ".x"])
        XCTAssertEqual(none.code, 2)
        XCTAssertTrue(none.err.contains("no scenario 'prefill-99'"), none.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path))
        let got = try Data(contentsOf: dump.appendingPathComponent("tiny-llama/prefill-7/output.npy"))
        let want = try Data(contentsOf: Repo.root.appendingPathComponent(fx + "llama-prefill.expected.npy"))
        XCTAssertEqual(got.count, want.count)
    }
}

/// The device-model commands: everything they print is labelled modelled, and bad input exits with code 2.
final class DeviceModelCLITests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-dm") }

    func testDevicesListsSourcesWhenAsked() throws {
        let r = try Binary.run(["devices", "--sources"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("tpu-v6e"))
        XCTAssertTrue(
            r.out.contains("peak_tflops.bf16 = 989.4   [spec] https://www.glennklockwood.com/garden/processors/h100"),
            r.out)
    }

    func testPredictJSONIsLabelledModelled() throws {
        let r = try Binary.run(["predict", "llama-3-8b", "--device", "xla:tpu-v6e", "--format", "json"])
        XCTAssertEqual(r.code, 0, r.err)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        XCTAssertEqual(json["provenance"] as? String, "modelled")
        XCTAssertEqual((json["layers"] as? [Any])?.count, 4)
        XCTAssertEqual((json["serving"] as? [Any])?.count, 2)
    }

    func testPlanShowsFusionsAndPadding() throws {
        let r = try Binary.run(["plan", "llama-3-8b", "--scenario", "decode-2k", "--device", "tpu-v6e"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("gemm-fusion"))
        XCTAssertTrue(r.out.contains("MODELLED"))
        XCTAssertTrue(r.out.contains("4×2049×128ᵀ→8×2304×256"), r.out)
    }

    func testMigrateMarkdownAndResultDocument() throws {
        let out = dir.appendingPathComponent("mig.json")
        let r = try Binary.run([
            "migrate", "tiny-mixtral", "--from", "cuda:h100-sxm", "--to", "lpu:groq-lpu", "--format", "markdown",
            "--out", out.path,
        ])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("# Migration cost: tiny-mixtral, h100-sxm → groq-lpu"))
        XCTAssertTrue(r.out.contains("all experts must be resident in SRAM"), r.out)
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
        XCTAssertEqual(doc["schema"] as? String, "portbench.result")
        XCTAssertEqual((doc["migrations"] as? [Any])?.count, 1)
    }

    func testValidateModelsPrintsMAPEPerStyle() throws {
        let r = try Binary.run(["validate-models"])
        XCTAssertEqual(r.code, 0, r.err)
        for style in ["cuda", "xla", "lpu"] { XCTAssertTrue(r.out.contains("MAPE \(style): "), r.out) }
        XCTAssertTrue(r.out.contains("pairs ordered as published"), r.out)
    }

    func testValidateModelsJSONAndExplain() throws {
        let r = try Binary.run(["validate-models", "--format", "json"])
        XCTAssertEqual(r.code, 0, r.err)
        let doc = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let rows = doc["rows"] as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(rows.count, 40)
        for key in ["id", "style", "published", "modelled", "error_pct", "batch", "batch_used", "engine"] {
            XCTAssertNotNil(rows[0][key], key)
        }
        XCTAssertEqual(Set((doc["mape"] as! [String: Double]).keys), ["cuda", "xla", "lpu"])
        let ranking = doc["ranking"] as! [[String: Any]]
        XCTAssertFalse(ranking.isEmpty, "the table has rows on different devices with the same settings")
        for key in ["faster", "slower", "published_ratio", "modelled_ratio", "agrees"] {
            XCTAssertNotNil(ranking[0][key])
        }
        let e = try Binary.run(["validate-models", "--explain", "trtllm-llama70b-h100-ttft"])
        XCTAssertEqual(e.code, 0, e.err)
        for text in ["prefill step: batch 1, prompt 128", "decode step:", "per layer µs: compute", "tensor parallel 4"]
        {
            XCTAssertTrue(e.out.contains(text), e.out)
        }
        let missing = try Binary.run(["validate-models", "--explain", "no-such-row"])
        XCTAssertEqual(missing.code, 2)
        XCTAssertTrue(missing.err.contains("no row 'no-such-row'"), missing.err)
        let bad = try Binary.run(["validate-models", "--format", "markdown"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains("expected table, json, html"), bad.err)
    }

    func testValidateModelsDrawsALogLogChartPerStyle() throws {
        let r = try Binary.run(["validate-models", "--format", "html"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("<!DOCTYPE html>"))
        let json = try Binary.run(["validate-models", "--format", "json"])
        let rows = (try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any])["rows"] as! [Any]
        XCTAssertEqual(
            r.out.components(separatedBy: "<circle cx=").count - 1, rows.count + 3, "a point per row + legend")
        for text in ["cuda: MAPE", "xla: MAPE", "lpu: MAPE", "published (log scale)", "#1f77b4", "#e67e22", "#8e44ad"] {
            XCTAssertTrue(r.out.contains(text), text)
        }
        XCTAssertFalse(r.out.contains("<script"), "a page that runs nothing")
        let fit = try Binary.run(["validate-models", "--fit", "--format", "html"])
        XCTAssertEqual(fit.code, 2)
        XCTAssertTrue(fit.err.contains("--format html draws the table of errors"), fit.err)
    }

    func testValidateModelsFitsAndCrossValidatesFreeParameters() throws {
        // Two CUDA rows from two sources only, so the binary's fit runs in seconds.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fitcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let shipped = try String(
            contentsOf: Repo.root.appendingPathComponent("Validation/published.yaml"), encoding: .utf8)
        let lines = shipped.split(separator: "\n", omittingEmptySubsequences: false)
        let rowsAt = lines.firstIndex { $0.hasPrefix("rows:") }!
        let picked = lines[(rowsAt + 1)...].filter {
            $0.contains("{id: nemo-llama7b-h100-tp8-b1,") || $0.contains("{id: trtllm-llama70b-h100-ttft,")
        }
        XCTAssertEqual(picked.count, 2)
        let table = dir.appendingPathComponent("t.yaml")
        try (lines[..<rowsAt].joined(separator: "\n") + "\nrows:\n" + picked.joined(separator: "\n") + "\n")
            .write(to: table, atomically: true, encoding: .utf8)
        let fit = try Binary.run(["validate-models", "--table", table.path, "--fit", "--format", "json"])
        XCTAssertEqual(fit.code, 0, fit.err)
        let doc = try JSONSerialization.jsonObject(with: Data(fit.out.utf8)) as! [String: Any]
        let styles = doc["styles"] as! [[String: Any]]
        XCTAssertEqual(styles.map { $0["style"] as? String }, ["cuda"])
        XCTAssertLessThanOrEqual(styles[0]["mape_fitted"] as! Double, styles[0]["mape_committed"] as! Double)
        XCTAssertFalse((styles[0]["parameters"] as! [Any]).isEmpty)
        let cv = try Binary.run(["validate-models", "--table", table.path, "--cross-validate"])
        XCTAssertEqual(cv.code, 0, cv.err)
        for text in ["leaving each source out", "nemo-llama2-inference", "trtllm-perf"] {
            XCTAssertTrue(cv.out.contains(text), cv.out)
        }
        let both = try Binary.run(["validate-models", "--fit", "--cross-validate"])
        XCTAssertEqual(both.code, 2)
        XCTAssertTrue(both.err.contains("at most one of --explain, --fit and --cross-validate"), both.err)
    }

    func testBadDeviceAndPrecisionAreInputErrors() throws {
        let d = try Binary.run(["predict", "llama-3-8b", "--device", "h900"])
        XCTAssertEqual(d.code, 2)
        XCTAssertTrue(d.err.contains("unknown device 'h900'"), d.err)
        let p = try Binary.run(["migrate", "llama-3-8b", "--from", "h100-sxm", "--to", "tpu-v6e", "--precision", "fp4"])
        XCTAssertNotEqual(p.code, 0)
        XCTAssertTrue(p.err.contains("--precision: unknown 'fp4'"), p.err)
        let t = try Binary.run(["validate-models", "--table", "/nonexistent.yaml"])
        XCTAssertEqual(t.code, 2)
    }

    func testMLPerfScenariosAndBadInput() throws {
        let r = try Binary.run([
            "mlperf", "llama-2-70b", "--device", "h200", "--precision", "fp8-e4m3", "--chips", "1", "--system-chips",
            "8", "--input", "218", "--output", "294", "--samples", "300", "--format", "json",
        ])
        XCTAssertEqual(r.code, 0, r.err)
        let report = try JSONCoding.decoder().decode(MLPerfReport.self, from: Data(r.out.utf8))
        XCTAssertEqual(report.provenance, .modelled)
        XCTAssertEqual(report.copies, 8)
        XCTAssertEqual(
            report.offline.outputTokensPerSecondPerChip * 8, report.offline.outputTokensPerSecond, accuracy: 1e-6)
        XCTAssertLessThanOrEqual(report.server.tpotP99Seconds, 0.2)
        let cases: [([String], String)] = [
            (["mlperf", "llama-2-70b", "--device", "h200", "--chips", "2", "--system-chips", "3"], "--system-chips"),
            (["mlperf", "llama-2-70b", "--device", "h200", "--samples", "5"], "--samples"),
            (["mlperf", "llama-2-70b", "--device", "h200", "--tpot-p99-ms", "0"], "--tpot-p99-ms"),
            (["mlperf", "llama-2-70b", "--device", "h900"], "unknown device 'h900'"),
            (["mlperf", "tiny-llama", "--device", "h200"], "model"),
        ]
        for (args, expect) in cases {
            let bad = try Binary.run(args)
            XCTAssertEqual(bad.code, 2, "\(args): \(bad.err)")
            XCTAssertTrue(bad.err.contains(expect), "\(args): \(bad.err)")
        }
    }

    func testCostPricesEachDeviceAndRefusesBadInput() throws {
        let r = try Binary.run(["cost", "llama-3.3-70b", "--format", "json"])
        XCTAssertEqual(r.code, 0, r.err)
        let report = try JSONCoding.decoder().decode(CostReport.self, from: Data(r.out.utf8))
        XCTAssertEqual(report.provenance, .modelled)
        XCTAssertEqual(report.maxTpotSeconds, 1.0 / 30, accuracy: 1e-12)
        XCTAssertTrue(report.options.contains { $0.device == "h100-sxm" })
        let table = try Binary.run(["cost", "llama-3.3-70b", "--max-tpot-ms", "20"])
        XCTAssertEqual(table.code, 0, table.err)
        XCTAssertTrue(table.out.contains("MODELLED") && table.out.contains("tpu-v6e ÷ h100-sxm"), table.out)
        let cases: [([String], String)] = [
            (["cost", "llama-3.3-70b", "--min-tokens-per-second", "0"], "--min-tokens-per-second"),
            (["cost", "llama-3.3-70b", "--max-tpot-ms", "-1"], "--max-tpot-ms"),
            (["cost", "llama-3.3-70b", "--input", "0"], "--input"),
            (["cost", "llama-3.3-70b", "--relative-to", "h900"], "unknown device 'h900'"),
            (["cost", "llama-3.3-70b", "--format", "xml"], "--format"),
            (["cost", "tiny-llama"], "model"),
        ]
        for (args, expect) in cases {
            let bad = try Binary.run(args)
            XCTAssertEqual(bad.code, 2, "\(args): \(bad.err)")
            XCTAssertTrue(bad.err.contains(expect), "\(args): \(bad.err)")
        }
    }
}

/// The XLA backend from the command line (the tests that run it skip when ci/install-pjrt.sh has not fetched the plugin).
final class XLACLITests: XCTestCase {
    func testRunWithBothBackendsReportsTheRatio() throws {
        _ = try Plugin.required()
        let out = try makeTemporaryDirectory("pb-xla").appendingPathComponent("r.json")
        let r = try Binary.run(["run", "tiny-gpt2", "--backend", "cpu,xla", "--repetitions", "3", "--out", out.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("XLA through PJRT (measured"), r.out)
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
        let cases = doc["cases"] as! [[String: Any]]
        XCTAssertEqual(cases.map { $0["backend"] as! String }, ["cpu-reference", "xla", "cpu-reference", "xla"])
        let details = cases[1]["backend_details"] as! [String: Any]
        XCTAssertNotNil(details["speedup_over_reference"])
        XCTAssertLessThan(details["relative_l2"] as! Double, 1e-5)
        XCTAssertGreaterThan(details["fusions"] as! Int, 0)
    }

    func testMeasuredMigrationToXLA() throws {
        _ = try Plugin.required()
        let r = try Binary.run([
            "migrate", "tiny-llama", "--from", "cpu:openblas", "--to", "xla:cpu", "--repetitions", "3", "--format",
            "markdown",
        ])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.out.contains("# Measured migration"), r.out)
        XCTAssertTrue(r.out.contains("speed ratio (reference ÷ XLA) [measured]"), r.out)
        XCTAssertTrue(r.out.contains("tpu-v6e layer ms [modelled]"), r.out)
    }

    func testBadBackendIsAnInputError() throws {
        let r = try Binary.run(["run", "tiny-llama", "--backend", "tpu"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("--backend: expected cpu, xla or cpu,xla"), r.err)
    }

    func testXLAWithoutAPluginIsAnInputErrorNamingThePath() throws {
        let r = try Binary.run(["run", "tiny-llama", "--backend", "xla", "--pjrt-plugin", "/nonexistent/plugin.so"])
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("no PJRT plugin at /nonexistent/plugin.so; run `bash ci/install-pjrt.sh`"), r.err)
    }

    /// Stops at a missing calibration file, which is read after the backends are chosen (so no timing runs).
    func testWithoutAPluginTheDefaultRunGoesOnWithTheCPUAndSaysHowToGetXLA() throws {
        let r = try Binary.run([
            "run", "tiny-llama", "--pjrt-plugin", "/nonexistent/plugin.so", "--calibration", "/nonexistent/cal.json",
        ])
        XCTAssertTrue(
            r.err.contains("xla backend off — no PJRT plugin at /nonexistent/plugin.so; run `bash ci/install-pjrt.sh`"),
            r.err)
        XCTAssertFalse(r.err.contains("Package.swift"), r.err)
        XCTAssertTrue(r.err.contains("error: /nonexistent/cal.json"), "the run went past the backend choice: \(r.err)")
    }
}
