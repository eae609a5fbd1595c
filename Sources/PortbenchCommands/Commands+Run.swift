import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema
import Workload

/// `portbench run`: what to run, how often, on which backends, from which weights and inputs, and where to write.
public struct RunRequest: Sendable {
    public var paths = SpecPaths()
    public var names: [String] = []
    public var scenarios: [String] = []
    public var repetitions: Int?
    public var warmup: Int?
    /// `--target-width`, `--budget`, `--min-repetitions`, `--max-repetitions` (each over the suite's key).
    public var targetWidth: Double?
    public var budget: Double?
    public var minRepetitions: Int?
    public var maxRepetitions: Int?
    public var out: String?
    /// `--shard i/n`: run only the i-th of n balanced parts of the suite's cases (`portbench merge` joins them).
    public var shard: String?
    public var seed: UInt64 = 42
    public var weights: String?
    public var layerIndex = 0
    public var weightPrefix = ""
    public var input: String?
    public var dumpOutputs: String?
    public var calibration: String?
    public var perOp = false
    public var enforceGoals = false
    public var backend: String?
    public var pjrtPlugin: String?
    public var xlaPrecision = "fp32"
    public var allowNonFinite = false
    public var maxMemoryGB: Double?
    /// `--instrument callgrind`: count the measured region under valgrind instead of trusting the clock.
    public var instrument: Instrument?
    /// `--cache-sim`: with the instrument, also simulate the caches (estimated cycles).
    public var cacheSim = false
    /// Internal: this process is the child valgrind runs (counts each timed repetition, reads the parent's ceilings).
    public var instrumentChild = false
    /// The executable the instrument copies and runs under valgrind (default: this process's own).
    public var executable: String?
    /// Upload the result to `PORTBENCH_ENDPOINT` when that is set (`--no-upload` turns it off).
    public var upload = true

    public init() {}

    /// Values checked before anything is read.
    func validate() throws {
        try checkRepetitions(repetitions)
        try checkRepetitions(minRepetitions, option: "--min-repetitions")
        try checkRepetitions(maxRepetitions, option: "--max-repetitions")
        try checkRange(targetWidth, SpecLimits.targetRelativeWidth, option: "--target-width")
        try checkRange(budget, SpecLimits.budgetSeconds, option: "--budget")
        if let w = warmup, !SpecLimits.warmup.contains(w) {
            throw UsageError(
                "--warmup: expected \(SpecLimits.warmup.lowerBound)...\(SpecLimits.warmup.upperBound), got \(w)")
        }
        if let m = maxMemoryGB, !(m > 0 && m <= 1e6) {
            throw UsageError("--max-memory: expected a size in GB above 0, got \(m)")
        }
        if layerIndex < 0 { throw UsageError("--layer-index must not be negative, got \(layerIndex)") }
        if weights == nil, layerIndex != 0 || !weightPrefix.isEmpty {
            throw UsageError("--layer-index and --weight-prefix need --weights")
        }
        try validateInstrument()
    }
}

extension Commands {
    /// Runs a suite: outputs and inputs are checked before any work, then every case is timed and the document written.
    public static func run(_ r: RunRequest, note: @escaping Note) throws -> CommandOutput {
        try r.validate()
        let shard = try r.shard.map { text in
            guard let s = Shard(text) else {
                throw UsageError("--shard: expected i/n with 1 ≤ i ≤ n ≤ \(Shard.maxCount), got '\(text)'")
            }
            return s
        }
        let whole = try r.paths.locator.suite(for: r.names).selecting(scenarios: r.scenarios)
        let suite = try shard.map { try part(of: whole, $0) } ?? whole
        let adaptive = suite.adaptive.overridden(
            by: AdaptiveSettings(
                targetRelativeWidth: r.targetWidth, budgetSeconds: r.budget, minRepetitions: r.minRepetitions,
                maxRepetitions: r.maxRepetitions))
        if let lo = adaptive.minRepetitions, let hi = adaptive.maxRepetitions, lo > hi {
            let from = { (cli: Int?) in cli != nil ? "--" : "\(suite.file ?? suite.name): " }
            throw UsageError(
                "\(from(r.minRepetitions))min-repetitions \(lo) is above "
                    + "\(from(r.maxRepetitions))max-repetitions \(hi)")
        }
        let policy = adaptive.policy(
            warmup: r.warmup ?? suite.warmup ?? 1, repetitions: r.repetitions ?? suite.repetitions ?? 5)
        if r.instrument != nil {
            try r.checkInstrumentPolicy(policy, suite: suite)
            if !r.instrumentChild { return try runInstrumented(r, suite: suite, policy: policy, note: note) }
        }
        let modelCatalog = suite.modelledDevices.isEmpty ? nil : try r.paths.catalog()
        let modelled =
            try modelCatalog?.modelledDevices(suite.modelledDevices, suiteFile: suite.file ?? suite.name) ?? []
        let inputs =
            SpecPaths.files(of: suite) + [r.weights, r.input, r.calibration].compactMap { $0 }
            + (modelCatalog?.files ?? [])
        var options = RunOptions(
            policy: policy, seed: r.seed, perOp: r.perOp, weightsFile: r.weights, layerIndex: r.layerIndex,
            weightPrefix: r.weightPrefix, inputFile: r.input,
            dumpOutputs: try r.dumpOutputs.map { try OutputFolder.check($0, role: "--dump-outputs") })
        options.allowNonFinite = r.allowNonFinite
        options.shard = shard
        if r.instrumentChild {
            options.region = CallgrindRegion()
            options.remeasureBandwidth = false
            options.recheckCeilings = false
        }
        options.memory = .current(explicitBytes: r.maxMemoryGB.map { $0 * 1e9 })
        let outFile = try output(r.out ?? defaultResultPath(suite: suite.name, runId: options.runId), inputs: inputs)!
        if let folder = options.dumpOutputs {
            try SuiteRunner(suite: suite, options: options).checkDumpTargets(folder, inputs: inputs)
        }
        let backends =
            r.instrumentChild
            ? [.cpuReference] : try XLAWiring.backends(requested: r.backend, plugin: r.pjrtPlugin, note: note)
        options.reference = backends.contains(.cpuReference)
        if backends.contains(.xla) {
            options.external = try XLAWiring.backend(plugin: r.pjrtPlugin, precision: r.xlaPrecision, options: options)
        }
        let reuse = try r.calibration.map {
            try CalibrationFile.read(URL(fileURLWithPath: $0), checkMachine: !r.instrumentChild)
        }
        note(
            "portbench: suite '\(suite.name)', \(suite.entries.map(\.scenarios.count).reduce(0, +)) scenarios, "
                + (policy.isAdaptive
                    ? "\(policy.warmup)+ warm-up + \(policy.repetitionFloor)–\(policy.repetitionCap) timed runs each"
                    : "\(policy.warmup) warm-up + \(policy.repetitions) timed runs each"))
        var doc = try SuiteRunner(suite: suite, options: options).run(calibration: reuse) {
            note(ProgressLine.text($0))
        }
        doc.minimumEffect = suite.minimumEffect
        if let modelCatalog { doc.recordModelled(suite: suite, devices: modelled, catalog: modelCatalog) }
        try doc.write(to: outFile)
        note("wrote \(outFile.path)")
        automaticUpload([outFile.path], enabled: r.upload && !r.instrumentChild, note: note)
        return CommandOutput(
            RunReport(document: doc).render(perOp: r.perOp),
            status: status(of: doc, enforceGoals: r.enforceGoals, note: note))
    }

    /// The cases of one shard; a shard left without a case is refused (fewer shards than cases are needed).
    static func part(of suite: Suite, _ shard: Shard) throws -> Suite {
        let cases = suite.entries.map(\.scenarios.count).reduce(0, +)
        guard shard.count <= cases else {
            throw UsageError(
                "--shard \(shard.description): suite '\(suite.name)' has \(cases) case(s); use at most \(cases) shards")
        }
        return suite.sharded(shard)
    }

    /// 1 when a case failed; 3 when a goal was missed under `--enforce-goals`; else 0.
    static func status(of doc: ResultDocument, enforceGoals: Bool, note: Note) -> ExitStatus {
        if let failures = doc.failures, !failures.isEmpty {
            note("\(failures.count) case(s) failed; the other results are in the document")
            return .failure
        }
        return enforceGoals && doc.goals.contains(where: { !$0.passed }) ? .performanceCheckFailed : .success
    }

    /// `results/<suite>-<UTC time>-<first 8 of the run id>.json`: two runs in one second never share a name.
    static func defaultResultPath(suite: String, runId: String) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        f.timeZone = TimeZone(identifier: "UTC")
        return "results/\(suite)-\(f.string(from: Date()))-\(runId.prefix(8)).json"
    }
}

/// One progress line per suite-run event (standard error).
enum ProgressLine {
    static func text(_ e: RunEvent) -> String {
        switch e {
        case .calibrating(let what): return "  calibrating \(what)"
        case .preparing(let i, let n, let w, let s, let detail): return "[\(i)/\(n)] \(w)/\(s): preparing (\(detail))"
        case .repetition(let i, let n, let w, let s, let rep, let of, let sec):
            return "[\(i)/\(n)] \(w)/\(s): run \(rep)/\(of) \(fmt(sec * 1e3, 1)) ms"
        case .failed(let f): return "[FAILED] \(f.workload)/\(f.scenario) on \(f.backend.rawValue): \(f.message)"
        case .finished(let c):
            return
                "[done] \(c.workload)/\(c.scenario) \(c.backend.rawValue): median \(fmt(c.stats.median * 1e3, 2)) ms, "
                + "\(fmt((c.metric(.ceilingFraction) ?? 0) * 100, 1))% of the \(c.ceiling.bound.rawValue) ceiling"
        }
    }
}
