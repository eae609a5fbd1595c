import Foundation
import PortbenchSchema
import TestSupport
import XCTest

/// Bad input as a careless or hostile user gives it: every case must exit 2, name the file (or option) and the
/// field in its message, write nothing, and leave every input exactly as it was (content, type, link target).
final class BadInputTests: XCTestCase {
    /// One bad input: files laid out in a fresh sandbox, the arguments (`$D` is the sandbox), and what the message names.
    struct Case {
        var name: String
        var files: [String: Content] = [:]
        var args: [String]
        var expect: [String]
    }

    enum Content {
        case text(String)
        case bytes(Data)
        case link(String)
        case folder
    }

    static func repoText(_ path: String) -> String {
        (try? String(contentsOf: Repo.root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
    static func repoData(_ path: String) -> Data {
        (try? Data(contentsOf: Repo.root.appendingPathComponent(path))) ?? Data()
    }

    // MARK: the cases

    static let tinyLlama = repoText("Workloads/tiny-llama.yaml")
    static func workload(_ from: String, _ to: String) -> String {
        precondition(tinyLlama.contains(from), "tiny-llama.yaml has no '\(from)'")
        return tinyLlama.replacingOccurrences(of: from, with: to)
    }
    /// `run` on a mutated tiny-llama spec.
    static func spec(_ name: String, _ from: String, _ to: String, _ expect: [String]) -> Case {
        Case(
            name: name, files: ["w.yaml": .text(workload(from, to))],
            args: ["run", "$D/w.yaml", "--backend", "cpu", "--out", "$D/out/r.json"], expect: ["$D/w.yaml"] + expect)
    }

    static let specCases: [Case] = [
        spec("hidden huge", "hidden: 32", "hidden: 1000000000", ["layer.hidden", "1...65536"]),
        spec("hidden zero", "hidden: 32", "hidden: 0", ["layer.hidden", "got 0"]),
        spec("heads negative", "heads: 4", "heads: -4", ["layer.heads", "got -4"]),
        spec("kv_heads not a divisor", "kv_heads: 2", "kv_heads: 3", ["layer.kv_heads", "divisible"]),
        spec("odd head_dim with rope", "head_dim: 8", "head_dim: 7", ["layer.head_dim", "even head_dim"]),
        spec("ffn huge", "ffn: 64", "ffn: 2000000", ["layer.ffn", "1...1048576"]),
        spec("eps zero", "eps: 1.0e-5", "eps: 0", ["layer.norm.eps", "(0.0, 1.0]"]),
        spec("eps nan", "eps: 1.0e-5", "eps: .nan", ["layer.norm.eps", "nan"]),
        spec("theta negative", "theta: 10000.0", "theta: -1", ["layer.position.theta", "got -1"]),
        spec("theta infinite", "theta: 10000.0", "theta: .inf", ["layer.position.theta", "inf"]),
        spec("batch zero", "batch: 2, seq: 7", "batch: 0, seq: 7", ["scenarios[0].batch", "got 0"]),
        spec("seq huge", "seq: 7", "seq: 99999999", ["scenarios[0].seq", "1...4194304"]),
        spec("context zero", "context: 9", "context: 0", ["scenarios[1].context", "got 0"]),
        spec("scenario name escapes results/", "name: prefill-7", "name: ../../x", ["scenarios[0].name", "'../../x'"]),
        spec("workload name with a slash", "name: tiny-llama", "name: a/b", ["name", "'a/b'"]),
        spec("duplicate key", "  hidden: 32\n", "  hidden: 32\n  hidden: 64\n", ["duplicate key 'hidden'"]),
        spec("unknown key", "  ffn: 64", "  ffn: 64\n  fnn: 64", ["layer.fnn", "unknown key"]),
        spec("unknown activation", "activation: swiglu", "activation: relu6", ["layer.activation", "relu6"]),
        spec("not YAML", "scenarios:", "scenarios: [unclosed", ["not valid YAML"]),
        spec("hidden is text", "hidden: 32", "hidden: abc", ["layer.hidden", "expected an integer"]),
        spec("hidden is fractional", "hidden: 32", "hidden: 32.5", ["layer.hidden", "expected an integer"]),
        spec("experts on a dense layer", "  ffn: 64", "  ffn: 64\n  experts: 4", ["layer.experts", "moe-decoder"]),
        spec(
            "duplicate scenario", "decode-9, phase: decode", "prefill-7, phase: decode",
            ["scenarios[1]", "duplicate scenario"]),
        spec("length weight negative", "seq: 7}", "seq: 7, lengths: [{length: 4, weight: -1}]}", ["lengths[0].weight"]),
        spec("length zero", "seq: 7}", "seq: 7, lengths: [{length: 0, weight: 1}]}", ["lengths[0].length", "got 0"]),
        spec(
            "deep nesting", "description: Toy",
            "description: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\nx: Toy",
            ["nesting"]),
        spec("nested aliases", "description: Toy", "description: Toy\n" + aliasBomb, ["aliases"]),
        Case(
            name: "empty spec", files: ["w.yaml": .text("")],
            args: ["run", "$D/w.yaml", "--backend", "cpu", "--out", "$D/out/r.json"],
            expect: ["$D/w.yaml", "empty"]),
        Case(
            name: "missing workloads folder", args: ["list", "--workloads", "$D/nope"],
            expect: ["$D/nope", "--workloads"]),
        Case(
            name: "spec is an endless device", args: ["run", "/dev/zero", "--out", "$D/out/r.json"],
            expect: ["/dev/zero", "not a regular file"]),
        Case(
            name: "spec over the size cap",
            files: ["w.yaml": .text(tinyLlama + "# " + String(repeating: "x", count: 1 << 20) + "\n")],
            args: ["run", "$D/w.yaml", "--out", "$D/out/r.json"], expect: ["$D/w.yaml", "at most 1048576"]),
        spec(
            "every dimension at its cap", "batch: 2, seq: 7", "batch: 65536, seq: 4194304",
            ["scenarios[0]", "2^48 elements"]),
        spec(
            "length distribution too large", "seq: 7}", "seq: 7, lengths: [{length: 4194304, weight: 1}]}",
            ["scenarios[0]", "2^48"]
        )
        .replacing("batch: 2, seq: 7", "batch: 65536, seq: 7"),
    ]

    static let aliasBomb =
        "sources: &a [x, x, x, x, x, x, x, x]\n"
        + (1...10).map { "s\($0): &a\($0) [*a\($0 == 1 ? "" : "\($0 - 1)"), *a\($0 == 1 ? "" : "\($0 - 1)")]" }.joined(
            separator: "\n")

    /// A suite in `$D/suites/s.yaml` over the sandbox's copy of tiny-llama.
    static func suite(_ name: String, _ body: String, _ expect: [String]) -> Case {
        Case(
            name: name, files: ["w.yaml": .text(tinyLlama), "suites/s.yaml": .text(body)],
            args: ["run", "$D/suites/s.yaml", "--backend", "cpu", "--out", "$D/out/r.json"],
            expect: ["$D/suites/s.yaml"] + expect)
    }

    static let suiteCases: [Case] = [
        suite(
            "suite models an unknown device",
            "name: s\nmodelled_devices: [h100-sxm, no-such-gpu]\nentries:\n  - workload: ../w.yaml\n",
            ["modelled_devices[1]", "unknown device 'no-such-gpu'"]),
        suite(
            "suite models a device twice",
            "name: s\nmodelled_devices: [h100-sxm, h100-sxm]\nentries:\n  - workload: ../w.yaml\n",
            ["modelled_devices[1]", "listed twice"]),
        suite(
            "suite names itself", "name: s\nentries:\n  - workload: s.yaml\n",
            ["entries[0].workload", "this suite itself"]),
        suite(
            "suite names a missing file", "name: s\nentries:\n  - workload: ../nope.yaml\n",
            ["entries[0].workload", "no workload file"]),
        suite(
            "same scenario twice",
            "name: s\nentries:\n  - workload: ../w.yaml\n  - workload: ../w.yaml\n    scenarios: [prefill-7]\n",
            ["entries[1]", "already in this suite"]),
        suite(
            "repetitions huge", "name: s\nrepetitions: 1000000000000\nentries:\n  - workload: ../w.yaml\n",
            ["repetitions", "1...10000"]),
        suite("warmup negative", "name: s\nwarmup: -1\nentries:\n  - workload: ../w.yaml\n", ["warmup", "0...1000"]),
        suite(
            "suite name escapes results/", "name: ../../x\nentries:\n  - workload: ../w.yaml\n", ["name", "'../../x'"]),
        suite("no entries", "name: s\nentries: []\n", ["entries", "at least one entry"]),
        suite(
            "goal above 1",
            "name: s\nentries:\n  - workload: ../w.yaml\n    goals: [{scenario: prefill-7, min_gemm_fraction: 1.5}]\n",
            ["goals[0].min_gemm_fraction", "got 1.5"]),
        suite(
            "entry names a suite", "name: s\nentries:\n  - workload: t.yaml\n", ["entries[0].workload", "is a suite"]
        )
        .adding("suites/t.yaml", .text("name: t\nentries:\n  - workload: ../w.yaml\n")),
        suite(
            "unknown scenario", "name: s\nentries:\n  - workload: ../w.yaml\n    scenarios: [prefill-8]\n",
            ["scenarios[0]", "prefill-8"]),
        suite(
            "target width zero", "name: s\ntarget_relative_width: 0\nentries:\n  - workload: ../w.yaml\n",
            ["s.yaml:2", "target_relative_width", "(0.0, 1.0]"]),
        suite(
            "target width is text", "name: s\ntarget_relative_width: tight\nentries:\n  - workload: ../w.yaml\n",
            ["s.yaml:2", "target_relative_width", "expected a number"]),
        suite(
            "budget negative", "name: s\nbudget_seconds: -1\nentries:\n  - workload: ../w.yaml\n",
            ["s.yaml:2", "budget_seconds", "got -1"]),
        suite(
            "budget infinite", "name: s\nbudget_seconds: .inf\nentries:\n  - workload: ../w.yaml\n",
            ["budget_seconds", "inf"]),
        suite(
            "max repetitions huge", "name: s\nmax_repetitions: 100000\nentries:\n  - workload: ../w.yaml\n",
            ["s.yaml:2", "max_repetitions", "1...10000"]),
        suite(
            "min repetitions zero", "name: s\nmin_repetitions: 0\nentries:\n  - workload: ../w.yaml\n",
            ["s.yaml:2", "min_repetitions", "got 0"]),
        suite(
            "min repetitions above max",
            "name: s\nmin_repetitions: 50\nmax_repetitions: 10\nentries:\n  - workload: ../w.yaml\n",
            ["s.yaml:2", "min_repetitions", "above max_repetitions 10"]),
        Case(
            name: "suite min repetitions above --max-repetitions",
            files: [
                "w.yaml": .text(tinyLlama),
                "suites/s.yaml": .text("name: s\nmin_repetitions: 50\nentries:\n  - workload: ../w.yaml\n"),
            ],
            args: ["run", "$D/suites/s.yaml", "--backend", "cpu", "--max-repetitions", "10", "--out", "$D/out/r.json"],
            expect: ["$D/suites/s.yaml", "min-repetitions 50", "--max-repetitions 10"]),
    ]

    /// `migrate` over a sandbox copy of Devices/ with one file changed.
    static func devices(
        _ name: String, _ file: String, _ from: String, _ to: String, _ expect: [String], extra: [String: Content] = [:]
    ) -> Case {
        var files = deviceFiles
        let original = repoText("Devices/\(file)")
        precondition(original.contains(from), "Devices/\(file) has no '\(from)'")
        files["dev/\(file)"] = .text(original.replacingOccurrences(of: from, with: to))
        files.merge(extra) { $1 }
        return Case(
            name: name, files: files,
            args: [
                "migrate", "tiny-llama", "--from", "h100-sxm", "--to", "tpu-v6e", "--no-numerics", "--devices",
                "$D/dev",
                "--out", "$D/out/m.json",
            ],
            expect: ["$D/dev/\(file)"] + expect)
    }

    static let deviceFiles: [String: Content] = {
        let dir = Repo.root.appendingPathComponent("Devices")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return Dictionary(
            uniqueKeysWithValues: names.filter { $0.hasSuffix(".yaml") }.map {
                ("dev/\($0)", Content.text(repoText("Devices/\($0)")))
            })
    }()

    static let deviceCases: [Case] = [
        devices(
            "compute_units zero", "h100-sxm.yaml", "compute_units: {value: 132", "compute_units: {value: 0",
            ["compute_units.value", "got 0"]),
        devices(
            "memory bandwidth zero", "h100-sxm.yaml", "memory_gbps: {value: 3350", "memory_gbps: {value: 0",
            ["memory_gbps.value", "got 0"]),
        devices(
            "negative peak", "h100-sxm.yaml", "bf16: {value: 989.4", "bf16: {value: -5",
            ["peak_tflops.bf16.value", "got -5"]),
        devices(
            "nan figure", "h100-sxm.yaml", "power_w: {value: 700", "power_w: {value: .nan", ["power_w.value", "nan"]),
        devices(
            "uncited source", "h100-sxm.yaml", "power_w: {value: 700, source: spec}",
            "power_w: {value: 700, source: blog}",
            ["power_w.source", "'blog'"]),
        devices(
            "missing figure", "h100-sxm.yaml", "sram_mb: {value: 50, source: spec}\n", "",
            ["sram_mb", "missing required key"]),
        devices(
            "duplicate key", "h100-sxm.yaml", "power_w: {value: 700, source: spec}",
            "power_w: {value: 700, source: spec}\npower_w: {value: 1, source: spec}",
            ["duplicate key 'power_w'"]),
        devices(
            "price negative", "h100-sxm.yaml", "price_per_chip_hour: {value: 2.49", "price_per_chip_hour: {value: -1",
            ["price_per_chip_hour.value"]),
        devices("short-name collision", "h200.yaml", "name: h200", "name: h100", ["name", "collides with 'h100-sxm'"]),
        Case(
            name: "two files, one device name",
            files: deviceFiles.merging(["dev/z-copy.yaml": .text(repoText("Devices/h100-sxm.yaml"))]) { $1 },
            args: ["devices", "--devices", "$D/dev"],
            expect: ["$D/dev/z-copy.yaml", "$D/dev/h100-sxm.yaml", "name", "collides"]),
        Case(
            name: "missing devices folder", args: ["devices", "--devices", "$D/nope"], expect: ["$D/nope", "--devices"]),
    ]

    static let styleCases: [Case] = [
        devices(
            "efficiency above 1", "styles.yaml", "gemm_efficiency: {value: 0.55", "gemm_efficiency: {value: 1.5",
            ["cuda.gemm_efficiency.value", "got 1.5"]),
        devices(
            "efficiency zero", "styles.yaml", "compute_efficiency: {value: 0.80", "compute_efficiency: {value: 0",
            ["lpu.compute_efficiency.value", "got 0"]),
        devices(
            "misspelt parameter", "styles.yaml", "  gemm_tile:", "  gemm_tyle:", ["cuda.gemm_tyle", "unknown key"]),
        devices(
            "missing parameter", "styles.yaml", "  c2c_latency_us:", "  # c2c_latency_us:", ["lpu", "c2c_latency_us"]),
        devices(
            "parameter of another style", "styles.yaml", "  gemm_tile:",
            "  c2c_latency_us: {value: 1, source: unverified}\n  gemm_tile:",
            ["cuda.c2c_latency_us", "unknown key"]),
        devices(
            "engine block not whole", "styles.yaml", "kv_block_tokens: {value: 64,", "kv_block_tokens: {value: 64.5,",
            ["engines.trt-llm.kv_block_tokens", "whole number"]),
        devices(
            "engine memory basis", "styles.yaml", "memory_of: free", "memory_of: spare",
            ["engines.trt-llm.memory_of", "spare"]),
        devices(
            "negative overhead", "styles.yaml", "step_overhead_us: {value: 10.0", "step_overhead_us: {value: -10",
            ["xla.step_overhead_us.value"]),
    ]

    static let tableText = repoText("Validation/published.yaml")
    static func table(_ name: String, _ from: String, _ to: String, _ expect: [String]) -> Case {
        precondition(tableText.contains(from), "published.yaml has no '\(from)'")
        return Case(
            name: name, files: ["t.yaml": .text(tableText.replacingOccurrences(of: from, with: to))],
            args: ["validate-models", "--table", "$D/t.yaml"], expect: ["$D/t.yaml"] + expect)
    }

    static let tableCases: [Case] = [
        table(
            "chips near 2^63", "device: h100-sxm, chips: 1,", "device: h100-sxm, chips: 9223372036854775807,",
            ["rows[0].chips", "1...1000000"]),
        table("value zero", "value: 26150", "value: 0", ["rows[0].value", "got 0"]),
        table(
            "duplicate row id", "id: trtllm-llama7b-h100-short", "id: trtllm-gptj-h100",
            ["rows[1].id", "duplicate row id"]),
        table(
            "batch zero", "batch: 1024, input_len: 128, output_len: 128, device: h100-sxm, chips: 1",
            "batch: 0, input_len: 128, output_len: 128, device: h100-sxm, chips: 1",
            ["rows[0].batch", "got 0"]),
        table("unknown precision", "precision: fp16", "precision: fp7", ["rows[5].precision", "fp7"]),
        table(
            "unknown engine", "engine: vllm, note:", "engine: sglang, note:",
            ["].engine", "sglang", "trt-llm, vllm, jetstream, groq"]),
        table(
            "serving setting too large", "batch: 1024, input_len: 128, output_len: 128, device: h100-sxm, chips: 1",
            "batch: 65536, input_len: 4194304, output_len: 128, device: h100-sxm, chips: 1", ["rows[0]", "2^48"]),
        Case(
            name: "empty table", files: ["t.yaml": .text("sources:\n  - {id: a, url: u, date: d}\nrows: []\n")],
            args: ["validate-models", "--table", "$D/t.yaml"], expect: ["$D/t.yaml", "rows", "at least one row"]),
    ]

    // MARK: checkpoints and inputs

    static let fixture = "Tests/ReferenceTests/Fixtures/llama-prefill.safetensors"
    static func weightsRun(_ extra: [String] = []) -> [String] {
        [
            "run", "tiny-llama", "--scenario", "prefill-7", "--backend", "cpu", "--weights", "$D/w.safetensors",
            "--layer-index", "3",
            "--out", "$D/out/r.json",
        ] + extra
    }

    static func st(_ name: String, _ file: Data, _ expect: [String]) -> Case {
        Case(
            name: name, files: ["w.safetensors": .bytes(file)], args: weightsRun(),
            expect: ["$D/w.safetensors"] + expect)
    }

    /// The fixture with one fp32 element of `tensor` replaced by `value`.
    static func fixtureWith(_ tensor: String, element: Int, value: Float) -> Data {
        var d = repoData(fixture)
        let n = d.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try! JSONSerialization.jsonObject(with: d.subdata(in: 8..<(8 + n))) as! [String: Any]
        let offsets = (header[tensor] as! [String: Any])["data_offsets"] as! [Int]
        let at = 8 + n + offsets[0] + 4 * element
        withUnsafeBytes(of: value.bitPattern.littleEndian) { d.replaceSubrange(at..<(at + 4), with: $0) }
        return d
    }

    static let tensorCases: [Case] = [
        st(
            "negative data_offsets",
            FileBytes.safetensors(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}}"#, data: Data(count: 8)),
            ["tensor 'a'", "data_offsets"]),
        st(
            "overlapping data_offsets",
            FileBytes.safetensors(
                #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#,
                data: Data(count: 12)),
            ["tensor 'b'", "overlaps"]),
        st(
            "offsets near 2^63",
            FileBytes.safetensors(
                #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[9223372036854775800,9223372036854775807]}}"#,
                data: Data(count: 8)),
            ["tensor 'a'", "data_offsets"]),
        st(
            "offsets past 2^63",
            FileBytes.safetensors(
                #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,99999999999999999999]}}"#, data: Data(count: 8)),
            ["out of range"]),
        st(
            "gap between tensors",
            FileBytes.safetensors(
                #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#,
                data: Data(count: 12)),
            ["tensor 'b'", "gap"]),
        st("header longer than the file", FileBytes.safetensors("{}", length: 4096), ["header length 4096"]),
        st("header over the format's cap", FileBytes.safetensors("{}", length: 200_000_000), ["cap"]),
        st(
            "duplicate tensor name",
            FileBytes.safetensors(
                #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                data: Data(count: 8)),
            ["duplicate key \"a\""]),
        st(
            "header nested too deep",
            FileBytes.safetensors(
                "{\"__metadata__\":" + String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000) + "}"),
            ["nested deeper"]),
        st(
            "unknown dtype",
            FileBytes.safetensors(#"{"a":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}"#, data: Data(count: 4)),
            ["tensor 'a'", "F33"]),
        st(
            "shape does not match bytes",
            FileBytes.safetensors(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: Data(count: 8)),
            ["tensor 'a'", "shape [3]"]),
        st("truncated file", Data([1, 2, 3]), ["too short"]),
        Case(
            name: "weights from a device",
            args: ["run", "tiny-llama", "--weights", "/dev/zero", "--out", "$D/out/r.json"],
            expect: ["/dev/zero", "not a regular file"]),
        Case(
            name: "input .npy from a device",
            args: ["run", "tiny-llama", "--input", "/dev/zero", "--out", "$D/out/r.json"],
            expect: ["/dev/zero", "not a regular file"]),
        st(
            "NaN in a weight", fixtureWith("model.layers.3.self_attn.q_proj.weight", element: 37, value: .nan),
            ["model.layers.3.self_attn.q_proj.weight", "[1, 5]", "--allow-nonfinite"]),
        st(
            "Inf in a weight", fixtureWith("model.layers.3.mlp.down_proj.weight", element: 0, value: .infinity),
            ["model.layers.3.mlp.down_proj.weight", "[0, 0]", "inf"]),
    ]

    static func npy(_ name: String, _ file: Data, _ expect: [String]) -> Case {
        Case(
            name: name, files: ["x.npy": .bytes(file)],
            args: [
                "run", "tiny-llama", "--scenario", "prefill-7", "--backend", "cpu", "--input", "$D/x.npy", "--out",
                "$D/out/r.json",
            ],
            expect: ["$D/x.npy"] + expect)
    }

    static let good = "'descr': '<f4', 'fortran_order': False, 'shape': (14, 32)"
    static let npyCases: [Case] = [
        npy("bad magic", Data("hello world, not numpy".utf8), ["bad magic"]),
        npy(
            "duplicate descr", FileBytes.npy("{\(good), 'descr': '<f8', }", payload: 448 * 4), ["duplicate key 'descr'"]
        ),
        npy(
            "fortran order",
            FileBytes.npy("{'descr': '<f4', 'fortran_order': True, 'shape': (14, 32), }", payload: 448 * 4),
            ["fortran_order"]),
        npy(
            "big-endian",
            FileBytes.npy("{'descr': '>f4', 'fortran_order': False, 'shape': (14, 32), }", payload: 448 * 4),
            ["'>f4'", "big-endian"]),
        npy("data shorter than shape", FileBytes.npy("{\(good), }", payload: 100), ["100 data bytes", "[14, 32]"]),
        npy(
            "header past the file", Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 0xFF, 0x0F]) + Data("{".utf8),
            ["truncated header"]),
        npy("version 9.0", FileBytes.npy("{\(good), }", payload: 448 * 4, major: 9), ["version 9.0"]),
        npy(
            "missing shape", FileBytes.npy("{'descr': '<f4', 'fortran_order': False, }", payload: 448 * 4),
            ["expected exactly descr, fortran_order, shape"]),
        npy(
            "wrong shape for the scenario",
            FileBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 32), }", payload: 96 * 4),
            ["shape [3, 32] does not fit", "prefill-7"]),
        npy(
            "NaN in the input",
            {
                var d = FileBytes.npy("{\(good), }", payload: 448 * 4)
                withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) {
                    d.replaceSubrange((d.count - 8)..<(d.count - 4), with: $0)
                }
                return d
            }(), ["tensor 'input'", "[13, 30]"]),
    ]

    // MARK: output paths and arguments

    static let calibrationText = repoText("Tests/SchemaTests/Fixtures/v1-calibration.json")
    static func calibration(_ name: String, _ edit: (String) -> String, _ expect: [String]) -> Case {
        Case(
            name: name, files: ["cal.json": .text(edit(calibrationText))],
            args: ["run", "tiny-llama", "--backend", "cpu", "--calibration", "$D/cal.json", "--out", "$D/out/r.json"],
            expect: ["$D/cal.json"] + expect)
    }

    static let calibrationCases: [Case] = [
        calibration(
            "NaN sgemm rate", { $0.replacingFirst(#""gflops" : "#, with: #""gflops" : "nan", "x" : "#) },
            ["gemm[0].gflops", "nan"]),
        calibration(
            "infinite bandwidth",
            {
                $0.replacingFirst(
                    #""memory_read_gigabytes_per_second" : "#,
                    with: #""memory_read_gigabytes_per_second" : "inf", "y" : "#)
            },
            ["memory_read_gigabytes_per_second", "inf"]),
        calibration(
            "zero-row GEMM shape", { $0.replacingFirst(#""m" : "#, with: #""m" : 0, "z" : "#) }, ["gemm[0].shape"]),
        calibration(
            "not a calibration", { _ in "{\"schema\": 1}" },
            ["not a portbench calibration file", "schema: expected a string"]),
    ]

    static let outputCases: [Case] = [
        Case(
            name: "--out is the workload spec", files: ["w.yaml": .text(tinyLlama)],
            args: ["run", "$D/w.yaml", "--backend", "cpu", "--out", "$D/w.yaml"],
            expect: ["--out", "$D/w.yaml", "input of this command"]),
        Case(
            name: "--out is the weights", files: ["w.safetensors": .bytes(repoData(fixture))],
            args: Array(weightsRun().dropLast()) + ["$D/w.safetensors"],
            expect: ["--out", "$D/w.safetensors", "input of this command"]),
        Case(
            name: "--out is the input .npy", files: ["x.npy": .bytes(FileBytes.npy("{\(good), }", payload: 448 * 4))],
            args: [
                "run", "tiny-llama", "--scenario", "prefill-7", "--backend", "cpu", "--input", "$D/x.npy", "--out",
                "$D/x.npy",
            ],
            expect: ["--out", "$D/x.npy", "input of this command"]),
        Case(
            name: "--out is the calibration", files: ["cal.json": .text("{}")],
            args: ["run", "tiny-llama", "--backend", "cpu", "--calibration", "$D/cal.json", "--out", "$D/cal.json"],
            expect: ["--out", "$D/cal.json", "input of this command"]),
        Case(
            name: "--out is a hard link to the weights", files: ["w.safetensors": .bytes(repoData(fixture))],
            args: Array(weightsRun().dropLast()) + ["$D/hard.safetensors"],
            expect: ["--out", "$D/hard.safetensors", "input of this command"]),
        Case(
            name: "--out is a symlink", files: ["target.json": .text("keep me"), "link.json": .link("target.json")],
            args: ["run", "tiny-llama", "--backend", "cpu", "--out", "$D/link.json"],
            expect: ["--out", "$D/link.json", "symbolic link"]),
        Case(
            name: "--out is a symlink to the spec", files: ["w.yaml": .text(tinyLlama), "link.json": .link("w.yaml")],
            args: ["run", "$D/w.yaml", "--backend", "cpu", "--out", "$D/link.json"],
            expect: ["--out", "$D/link.json", "symbolic link"]),
        Case(
            name: "--out is a character device", args: ["run", "tiny-llama", "--backend", "cpu", "--out", "/dev/null"],
            expect: ["--out", "/dev/null", "not a regular file"]),
        Case(
            name: "--out is a folder", files: ["out": .folder],
            args: ["run", "tiny-llama", "--backend", "cpu", "--out", "$D/out"],
            expect: ["--out", "$D/out", "is a directory"]),
        Case(
            name: "--out under a file", files: ["plain.txt": .text("x")],
            args: ["run", "tiny-llama", "--backend", "cpu", "--out", "$D/plain.txt/r.json"],
            expect: ["--out", "$D/plain.txt", "not a folder"]),
        Case(
            name: "--dump-outputs is a file", files: ["plain.txt": .text("x")],
            args: [
                "run", "tiny-llama", "--backend", "cpu", "--dump-outputs", "$D/plain.txt", "--out", "$D/out/r.json",
            ],
            expect: ["--dump-outputs", "$D/plain.txt", "not a folder"]),
        Case(
            name: "calibrate --out is the suite", files: ["w.yaml": .text(tinyLlama)],
            args: ["calibrate", "$D/w.yaml", "--out", "$D/w.yaml"],
            expect: ["--out", "$D/w.yaml", "input of this command"]),
        Case(
            name: "migrate --out is a device profile", files: deviceFiles,
            args: [
                "migrate", "tiny-llama", "--from", "h100", "--to", "v6e", "--no-numerics", "--devices", "$D/dev",
                "--out", "$D/dev/h200.yaml",
            ],
            expect: ["--out", "$D/dev/h200.yaml", "input of this command"]),
        Case(
            name: "migrate --out is the style parameters", files: deviceFiles,
            args: [
                "migrate", "tiny-llama", "--from", "h100", "--to", "v6e", "--no-numerics", "--devices", "$D/dev",
                "--out", "$D/dev/styles.yaml",
            ],
            expect: ["--out", "$D/dev/styles.yaml", "input of this command"]),
    ]

    static let argumentCases: [Case] = [
        Case(
            name: "--openblas-core unknown",
            args: ["run", "tiny-llama", "--openblas-core", "Bogus", "--out", "$D/out/r.json"],
            expect: ["--openblas-core", "'Bogus'", "Cooperlake"]),
        Case(
            name: "--openblas-core the CPU cannot run",
            args: ["calibrate", "tiny-llama", "--openblas-core", "Bulldozer", "--out", "$D/out/c.json"],
            expect: ["--openblas-core Bulldozer", "fma4"]),
        Case(
            name: "--repetitions huge",
            args: ["run", "tiny-llama", "--repetitions", "1000000000000", "--out", "$D/out/r.json"],
            expect: ["--repetitions", "1...10000"]),
        Case(
            name: "--repetitions zero", args: ["run", "tiny-llama", "--repetitions", "0", "--out", "$D/out/r.json"],
            expect: ["--repetitions", "got 0"]),
        Case(
            name: "--target-width zero", args: ["run", "tiny-llama", "--target-width", "0", "--out", "$D/out/r.json"],
            expect: ["--target-width", "(0.0, 1.0]", "got 0"]),
        Case(
            name: "--target-width above 1",
            args: ["run", "tiny-llama", "--target-width", "1.5", "--out", "$D/out/r.json"],
            expect: ["--target-width", "got 1.5"]),
        Case(
            name: "--budget nan", args: ["run", "tiny-llama", "--budget", "nan", "--out", "$D/out/r.json"],
            expect: ["--budget", "nan"]),
        Case(
            name: "--budget negative", args: ["run", "tiny-llama", "--budget=-2", "--out", "$D/out/r.json"],
            expect: ["--budget", "got -2"]),
        Case(
            name: "--max-repetitions zero",
            args: ["run", "tiny-llama", "--max-repetitions", "0", "--out", "$D/out/r.json"],
            expect: ["--max-repetitions", "got 0"]),
        Case(
            name: "--min-repetitions huge",
            args: ["run", "tiny-llama", "--min-repetitions", "20000", "--out", "$D/out/r.json"],
            expect: ["--min-repetitions", "1...10000"]),
        Case(
            name: "--min-repetitions above --max-repetitions",
            args: [
                "run", "tiny-llama", "--min-repetitions", "50", "--max-repetitions", "10", "--out", "$D/out/r.json",
            ],
            expect: ["--min-repetitions 50", "--max-repetitions 10"]),
        Case(
            name: "--warmup negative", args: ["run", "tiny-llama", "--warmup", "-1", "--out", "$D/out/r.json"],
            expect: ["--warmup"]),
        Case(
            name: "--backend unknown", args: ["run", "tiny-llama", "--backend", "gpu", "--out", "$D/out/r.json"],
            expect: ["--backend", "'gpu'"]),
        Case(
            name: "--layer-index negative",
            args: ["run", "tiny-llama", "--layer-index", "-1", "--out", "$D/out/r.json"], expect: ["--layer-index"]),
        Case(
            name: "unknown option", args: ["run", "tiny-llama", "--frobnicate", "--out", "$D/out/r.json"],
            expect: ["--frobnicate"]),
        Case(
            name: "--max-memory zero", args: ["run", "tiny-llama", "--max-memory", "0", "--out", "$D/out/r.json"],
            expect: ["--max-memory"]),
        Case(
            name: "case larger than --max-memory",
            args: ["run", "llama-3.3-70b", "--backend", "cpu", "--max-memory", "0.5", "--out", "$D/out/r.json"],
            expect: ["Workloads/llama-3.3-70b.yaml", "scenario", "needs about", "--max-memory"]),
        Case(
            name: "migrate --format pdf",
            args: ["migrate", "tiny-llama", "--from", "h100", "--to", "v6e", "--format", "pdf"],
            expect: ["--format", "'pdf'"]),
        Case(
            name: "unknown device", args: ["predict", "tiny-llama", "--device", "nonesuch"],
            expect: ["nonesuch", "device", "known:"]),
        Case(
            name: "ambiguous short device name", args: ["predict", "tiny-llama", "--device", "tpu"],
            expect: ["'tpu' is ambiguous", "tpu-v6e"]),
        Case(
            name: "unknown scenario", args: ["run", "tiny-llama", "--scenario", "prefill-8", "--out", "$D/out/r.json"],
            expect: ["Workloads/tiny-llama.yaml", "--scenario", "prefill-8"]),
    ]

    /// A shard document cut from the v1 run fixture: shard `index` of 2 holds the prefill (1) or decode (2) cases.
    static func shardText(_ index: Int, edit: (inout ResultDocument) -> Void = { _ in }) -> Content {
        let url = Repo.root.appendingPathComponent("Tests/SchemaTests/Fixtures/v1-run.json")
        guard var d = try? ResultDocument.read(from: url) else { return .text("") }
        d.runId = "shard-\(index)"
        d.shard = Shard(index: index, count: 2)
        d.cases = d.cases.filter { $0.scenario.hasPrefix(index == 1 ? "prefill" : "decode") }
        edit(&d)
        return .bytes((try? JSONCoding.encoder().encode(d)) ?? Data())
    }
    static func merge(_ name: String, second: Content, _ expect: [String]) -> Case {
        Case(
            name: name, files: ["a.json": shardText(1), "b.json": second],
            args: ["merge", "$D/a.json", "$D/b.json", "--out", "$D/out/m.json"], expect: expect)
    }

    static let mergeCases: [Case] = [
        merge(
            "merge: shard index twice", second: shardText(2) { $0.shard = Shard(index: 1, count: 2) },
            ["$D/b.json", "shard.index", "$D/a.json"]),
        merge(
            "merge: other commit", second: shardText(2) { $0.machine.gitCommit = "0123" },
            ["$D/b.json", "machine.git_commit", "0123"]),
        merge("merge: other suite", second: shardText(2) { $0.suite = "nightly" }, ["$D/b.json", "suite", "nightly"]),
        merge("merge: other machine", second: shardText(2) { $0.machine.cores = 64 }, ["$D/b.json", "machine.cores"]),
        merge(
            "merge: other OpenBLAS threads", second: shardText(2) { $0.machine.openblas.threads = 64 },
            ["$D/b.json", "machine.openblas.threads"]),
        merge(
            "merge: a case in two shards", second: shardText(2) { $0.cases.append($0.cases[0]) },
            ["$D/b.json", "cases", "tiny-llama/decode-9"]),
        merge("merge: not a shard", second: shardText(2) { $0.shard = nil }, ["$D/b.json", "shard", "--shard"]),
        merge(
            "merge: a shard missing", second: shardText(2) { $0.shard = Shard(index: 2, count: 3) },
            ["$D/b.json", "shard.count"]),
        merge(
            "merge: not a result document", second: .text("{}"),
            ["$D/b.json", "not a portbench.result document", "schema: missing"]),
        Case(
            name: "merge: shard 2 of 2 missing", files: ["a.json": shardText(1)],
            args: ["merge", "$D/a.json", "--out", "$D/out/m.json"], expect: ["$D/a.json", "shard.count", "2/2"]),
        Case(
            name: "merge: --out is a shard", files: ["a.json": shardText(1), "b.json": shardText(2)],
            args: ["merge", "$D/a.json", "$D/b.json", "--out", "$D/b.json"], expect: ["--out", "$D/b.json"]),
        Case(
            name: "merge: no --out", files: ["a.json": shardText(1), "b.json": shardText(2)],
            args: ["merge", "$D/a.json", "$D/b.json"], expect: ["--out"]),
        Case(
            name: "--shard out of range", args: ["run", "tiny-llama", "--shard", "3/2", "--out", "$D/out/r.json"],
            expect: ["--shard", "'3/2'"]),
        Case(
            name: "--shard more shards than cases",
            args: ["run", "tiny-llama", "--backend", "cpu", "--shard", "1/9", "--out", "$D/out/r.json"],
            expect: ["--shard 1/9", "use at most"]),
    ]

    static var all: [Case] {
        specCases + suiteCases + deviceCases + styleCases + tableCases + tensorCases + npyCases + calibrationCases
            + outputCases + argumentCases + mergeCases
    }

    // MARK: the check

    func testEveryBadInputExits2NamesTheFieldAndWritesNothing() throws {
        let cases = Self.all
        XCTAssertGreaterThanOrEqual(cases.count, 60)
        print("bad-input cases: \(cases.count)")
        var failures: [String] = []
        for c in cases {
            if let problem = try check(c) { failures.append("\(c.name): \(problem)") }
        }
        XCTAssertEqual(failures, [], "\(failures.count) of \(cases.count) bad inputs were handled wrongly")
    }

    /// Runs one case in a fresh sandbox; returns what went wrong, or nil.
    func check(_ c: Case) throws -> String? {
        try TemporaryDirectory.with("pb-bad") { sandbox in try check(c, in: sandbox) }
    }

    func check(_ c: Case, in sandbox: URL) throws -> String? {
        try lay(c.files, in: sandbox)
        if c.name == "--out is a hard link to the weights" {
            try FileManager.default.linkItem(
                at: sandbox.appendingPathComponent("w.safetensors"),
                to: sandbox.appendingPathComponent("hard.safetensors"))
        }
        let before = try Snapshot(sandbox)
        let devNull = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        let r = try Binary.run(c.args.map { $0.replacingOccurrences(of: "$D", with: sandbox.path) })
        let message = r.err
        if r.code != 2 { return "exit \(r.code), expected 2; stderr: \(message.prefix(300))" }
        for e in c.expect.map({ $0.replacingOccurrences(of: "$D", with: sandbox.path) }) where !message.contains(e) {
            return "message does not name '\(e)': \(message.prefix(400))"
        }
        let after = try Snapshot(sandbox)
        if after != before { return "the sandbox changed: \(before.difference(after))" }
        if try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType != devNull {
            return "/dev/null changed type"
        }
        return nil
    }

    func lay(_ files: [String: Content], in dir: URL) throws {
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch content {
            case .text(let t): try Data(t.utf8).write(to: url)
            case .bytes(let d): try d.write(to: url)
            case .link(let target):
                try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            case .folder: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }
    }
}

extension String {
    /// The string with its first occurrence of `target` replaced (the fixture must hold it).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { preconditionFailure("no '\(target)' to replace") }
        return replacingCharacters(in: r, with: replacement)
    }
}

extension BadInputTests.Case {
    /// The same case with another edit to its spec file `w.yaml`.
    func replacing(_ from: String, _ to: String) -> Self {
        var c = self
        if case .text(let t)? = c.files["w.yaml"] {
            c.files["w.yaml"] = .text(t.replacingOccurrences(of: from, with: to))
        }
        return c
    }

    func adding(_ path: String, _ content: BadInputTests.Content) -> Self {
        var c = self
        c.files[path] = content
        return c
    }
}

/// Every entry under a folder with its type, content and link target (links not followed).
struct Snapshot: Equatable {
    var entries: [String: String]

    init(_ dir: URL) throws {
        entries = [:]
        let fm = FileManager.default
        for path in fm.subpaths(atPath: dir.path) ?? [] {
            let full = dir.appendingPathComponent(path).path
            let attrs = try fm.attributesOfItem(atPath: full)
            switch attrs[.type] as? FileAttributeType {
            case .typeSymbolicLink?: entries[path] = "link → " + (try fm.destinationOfSymbolicLink(atPath: full))
            case .typeDirectory?: entries[path] = "folder"
            case .typeRegular?:
                let d = try Data(contentsOf: URL(fileURLWithPath: full))
                entries[path] = "file \(d.count) bytes, hash \(d.hashValue)"
            default: entries[path] = "other \(String(describing: attrs[.type]))"
            }
        }
    }

    func difference(_ other: Snapshot) -> String {
        let keys = Set(entries.keys).union(other.entries.keys).sorted()
        return keys.filter { entries[$0] != other.entries[$0] }
            .map { "\($0): \(entries[$0] ?? "absent") → \(other.entries[$0] ?? "absent")" }.joined(separator: "; ")
    }
}
