import ArgumentParser
import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema
import Workload

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time workloads on the CPU reference (OpenBLAS, fp32) and write a result document.",
        discussion: "With no names, runs Workloads/suites/default.yaml. Names may be a suite, workloads, or file paths.")

    @OptionGroup var specs: SpecOptions
    @Argument(help: "A suite, or one or more workloads (names or paths).") var names: [String] = []
    @Option(help: "Run only the scenarios with this name (repeatable).") var scenario: [String] = []
    @Option(help: "Timed repetitions per scenario (default: the suite's, else 5).") var repetitions: Int?
    @Option(help: "Untimed warm-up runs per scenario (default: the suite's, else 1).") var warmup: Int?
    @Option(help: "Result document path (default: results/<suite>-<UTC time>-<run id>.json).") var out: String?
    @Option(help: "Seed for weights and inputs.") var seed: UInt64 = 42
    @Option(help: "Hugging Face safetensors checkpoint to take the layer's weights from.") var weights: String?
    @Option(name: .customLong("layer-index"), help: "Which layer of --weights to load.") var layerIndex: Int = 0
    @Option(name: .customLong("weight-prefix"), help: "Prefix of every tensor name in --weights (e.g. 'transformer.').") var weightPrefix: String = ""
    @Option(help: "A .npy input [tokens, hidden] instead of seeded N(0,1).") var input: String?
    @Option(name: .customLong("dump-outputs"), help: "Write <workload>/<scenario>/{input,output}.npy under this folder.") var dumpOutputs: String?
    @Option(help: "Reuse ceilings from `portbench calibrate --out FILE`; missing shapes are measured.") var calibration: String?
    @Flag(name: .customLong("per-op"), help: "Also time every op separately and print the breakdown.") var perOp = false
    @Flag(name: .customLong("enforce-goals"), help: "Exit with code 3 when a suite speed goal is missed.") var enforceGoals = false
    @Option(help: "Backends: cpu, xla, or cpu,xla (default: cpu,xla when the PJRT plugin is installed, else cpu).") var backend: String?
    @Option(name: .customLong("pjrt-plugin"), help: "PJRT plugin for the xla backend (default: $PORTBENCH_PJRT_PLUGIN or .cache/pjrt/pjrt_c_api_cpu_plugin.so).") var pjrtPlugin: String?
    @Option(name: .customLong("xla-precision"), help: "Precision of the XLA programs: fp32 or bf16.") var xlaPrecision: String = "fp32"
    @Flag(name: .customLong("allow-nonfinite"), help: "Run even when a weight or the input holds NaN or ±Inf (listed in the result).") var allowNonFinite = false
    @Option(name: .customLong("max-memory"), help: "The most memory the run may use, in GB (default: the smallest of physical memory, RLIMIT_AS and the cgroup limit).") var maxMemory: Double?

    func validate() throws {
        if let r = repetitions, !SpecLimits.repetitions.contains(r) {
            throw ValidationError("--repetitions: expected \(SpecLimits.repetitions.lowerBound)...\(SpecLimits.repetitions.upperBound), got \(r)")
        }
        if let w = warmup, !SpecLimits.warmup.contains(w) {
            throw ValidationError("--warmup: expected \(SpecLimits.warmup.lowerBound)...\(SpecLimits.warmup.upperBound), got \(w)")
        }
        if let m = maxMemory, !(m > 0 && m <= 1e6) { throw ValidationError("--max-memory: expected a size in GB above 0, got \(m)") }
        if layerIndex < 0 { throw ValidationError("--layer-index must not be negative, got \(layerIndex)") }
        if weights == nil, layerIndex != 0 || !weightPrefix.isEmpty { throw ValidationError("--layer-index and --weight-prefix need --weights") }
    }

    func run() throws {
        try guarded {
            let suite = try specs.locator.suite(for: names).selecting(scenarios: scenario)
            let policy = RepetitionPolicy(warmup: warmup ?? suite.warmup ?? 1, repetitions: repetitions ?? suite.repetitions ?? 5)
            let inputs = SpecOptions.files(of: suite) + [weights, input, calibration].compactMap { $0 }
            var options = RunOptions(policy: policy, seed: seed, perOp: perOp, weightsFile: weights, layerIndex: layerIndex,
                                     weightPrefix: weightPrefix, inputFile: input,
                                     dumpOutputs: try dumpOutputs.map { try OutputFolder.check($0, role: "--dump-outputs") })
            options.allowNonFinite = allowNonFinite
            options.memory = .current(explicitBytes: maxMemory.map { $0 * 1e9 })
            let outFile = try output(out ?? defaultOutPath(suite: suite.name, runId: options.runId), inputs: inputs)!
            if let folder = options.dumpOutputs { _ = try SuiteRunner(suite: suite, options: options).dumpTargets(folder, inputs: inputs) }
            let backends = try XLAWiring.backends(requested: backend, plugin: pjrtPlugin)
            options.reference = backends.contains("cpu")
            if backends.contains("xla") {
                options.external = try XLAWiring.backend(plugin: pjrtPlugin, precision: xlaPrecision, options: options)
            }
            let reuse = try calibration.map { try CalibrationFile.read(URL(fileURLWithPath: $0)) }
            note("portbench: suite '\(suite.name)', \(suite.entries.map(\.scenarios.count).reduce(0, +)) scenarios, "
                 + "\(policy.warmup) warm-up + \(policy.repetitions) timed runs each")
            let doc = try SuiteRunner(suite: suite, options: options).run(calibration: reuse, events: ProgressPrinter.print)
            try doc.write(to: outFile)
            print(RunReport(document: doc).render(perOp: perOp))
            note("wrote \(outFile.path)")
            if let failures = doc.failures, !failures.isEmpty {
                note("\(failures.count) case(s) failed; the other results are in the document")
                throw ExitCode(1)
            }
            if enforceGoals, doc.goals.contains(where: { !$0.passed }) { throw ExitCode(ExitStatus.performanceCheckFailed.rawValue) }
        }
    }

    /// `results/<suite>-<UTC time>-<first 8 of the run id>.json`: two runs in one second never share a name.
    func defaultOutPath(suite: String, runId: String) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        f.timeZone = TimeZone(identifier: "UTC")
        return "results/\(suite)-\(f.string(from: Date()))-\(runId.prefix(8)).json"
    }
}

/// Progress lines on stderr while a suite runs.
enum ProgressPrinter {
    static func print(_ e: RunEvent) {
        switch e {
        case .calibrating(let what): note("  calibrating \(what)")
        case .preparing(let i, let n, let w, let s, let detail): note("[\(i)/\(n)] \(w)/\(s): preparing (\(detail))")
        case .repetition(let i, let n, let w, let s, let rep, let of, let sec):
            note("[\(i)/\(n)] \(w)/\(s): run \(rep)/\(of) \(fmt(sec * 1e3, 1)) ms")
        case .failed(let f): note("[FAILED] \(f.workload)/\(f.scenario) on \(f.backend.rawValue): \(f.message)")
        case .finished(let c):
            note("[done] \(c.workload)/\(c.scenario) \(c.backend.rawValue): median \(fmt(c.stats.median * 1e3, 2)) ms, "
                 + "\(fmt((c.metric(.ceilingFraction) ?? 0) * 100, 1))% of the \(c.ceiling.bound.rawValue) ceiling")
        }
    }
}
