import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

/// Where a run's weights and inputs come from, and where outputs go.
public struct RunOptions {
    public var policy: RepetitionPolicy
    public var seed: UInt64
    public var perOp: Bool
    /// A Hugging Face safetensors checkpoint and the layer to take from it (seeded weights when nil).
    public var weightsFile: String?
    public var layerIndex: Int
    public var weightPrefix: String
    /// A `.npy` input [tokens, hidden] (seeded N(0,1) when nil).
    public var inputFile: String?
    /// Folder for `<workload>/<scenario>/{input,output}.npy`.
    public var dumpOutputs: OutputFolder?
    /// Time the CPU reference (on by default; off to run only another backend).
    public var reference: Bool = true
    /// Re-measure memory bandwidth beside each decode case (off in tests that inject a fixed calibration).
    public var remeasureBandwidth: Bool = true
    /// Re-measure the ceiling of a case that ran faster than it, and judge the case again (off under callgrind and in
    /// tests that inject a fixed calibration).
    public var recheckCeilings: Bool = true
    /// The run's id, in the document and its default file name.
    public var runId: String = UUID().uuidString.lowercased()
    /// Run even when a weight or the input holds NaN or ±Inf (the document then lists them in `nonfinite_inputs`).
    public var allowNonFinite: Bool = false
    /// The memory the run may use (default: the machine's and the process's limits).
    public var memory: MemoryBudget = .current()
    /// Under `run --instrument callgrind` (the child valgrind runs): count each timed repetition in this region.
    public var region: CallgrindRegion?
    /// Another backend to time on every case (the XLA backend, wired by the CLI); returns its samples and details.
    public var external: ExternalBackend?
    /// The part of the suite this run is (`--shard i/n`), recorded in the document; the suite is already cut to it.
    public var shard: Shard?

    public init(
        policy: RepetitionPolicy, seed: UInt64 = 42, perOp: Bool = false, weightsFile: String? = nil,
        layerIndex: Int = 0, weightPrefix: String = "", inputFile: String? = nil, dumpOutputs: OutputFolder? = nil
    ) {
        self.policy = policy
        self.seed = seed
        self.perOp = perOp
        self.weightsFile = weightsFile
        self.layerIndex = layerIndex
        self.weightPrefix = weightPrefix
        self.inputFile = inputFile
        self.dumpOutputs = dumpOutputs
    }
}

/// A backend measured outside this module (XLA through PJRT in a worker process).
public struct ExternalBackend {
    public var name: Backend
    public var measure: (WorkloadSpec, Scenario) throws -> (sampling: SamplingOutcome, details: BackendDetails)

    public init(
        name: Backend,
        measure: @escaping (WorkloadSpec, Scenario) throws -> (sampling: SamplingOutcome, details: BackendDetails)
    ) {
        self.name = name
        self.measure = measure
    }
}

/// Progress events of a suite run, for the CLI to print.
public enum RunEvent {
    case calibrating(String)
    case preparing(index: Int, total: Int, workload: String, scenario: String, detail: String)
    case repetition(index: Int, total: Int, workload: String, scenario: String, rep: Int, of: Int, seconds: Double)
    case finished(CaseResult)
    case failed(RunFailure)
}

/// Runs every case of a suite on the CPU reference and assembles the result document.
public struct SuiteRunner {
    public let suite: Suite
    public let options: RunOptions

    public init(suite: Suite, options: RunOptions) {
        self.suite = suite
        self.options = options
    }

    /// Every graph of the suite, lowered (cheap: shapes only).
    public var graphs: [(workload: WorkloadSpec, graph: LayerGraph)] {
        suite.entries.flatMap { e in e.scenarios.map { (e.workload, LayerGraph.lower(e.workload.config, $0)) } }
    }

    /// Checks inputs that can be checked before any work: the memory every case needs, the checkpoint's names, shapes
    /// and values for every workload, and the input file's shape and values against every scenario. Returns the input
    /// and what held NaN or ±Inf (refused unless `allowNonFinite`).
    public func preflight(_ all: [(workload: WorkloadSpec, graph: LayerGraph)]) throws
        -> (input: Tensor?, nonFinite: [NonFiniteError])
    {
        try options.memory.check(all, external: options.external != nil)
        try options.memory.checkCalibration(all.flatMap(\.graph.gemmShapes))
        var nonFinite: [NonFiniteError] = []
        if let file = options.weightsFile {
            for entry in suite.entries {
                nonFinite += try WeightStore.verify(
                    safetensors: file, config: entry.workload.config,
                    weights: LayerGraph.lower(entry.workload.config, entry.scenarios[0]).weights,
                    layerIndex: options.layerIndex, prefix: options.weightPrefix)
            }
        }
        let input = try options.inputFile.map { path in
            let t = try NPY.read(path: path)
            for (w, g) in all where t.shape != g.value(LayerGraph.inputName)!.shape {
                throw NPYError(
                    file: path,
                    message:
                        "shape \(t.shape) does not fit \(w.name)/\(g.scenario.name); expected \(g.value(LayerGraph.inputName)!.shape)"
                )
            }
            if let bad = t.firstNonFinite() {
                nonFinite.append(NonFiniteError(file: path, tensor: "input", index: bad.index, value: bad.value))
            }
            return t
        }
        if let first = nonFinite.first, !options.allowNonFinite { throw first }
        return (input, nonFinite)
    }

    public func run(calibration reuse: Calibration?, events: @escaping (RunEvent) -> Void) throws -> ResultDocument {
        let all = graphs
        let (input, nonFinite) = try preflight(all)
        let shapes = all.flatMap(\.graph.gemmShapes)
        var calibration = Calibration.measure(shapes: shapes, repetitions: options.policy.repetitions, reuse: reuse) {
            events(.calibrating($0))
        }
        var cases: [CaseResult] = []
        var failures: [RunFailure] = []
        var index = 0
        for entry in suite.entries {
            var store: WeightStore?
            for scenario in entry.scenarios {
                index += 1
                let name = (entry.workload.name, scenario.name)
                let graph = LayerGraph.lower(entry.workload.config, scenario)
                let load = LoadAverage.oneMinute()
                var reference: CaseResult?
                // Decode is bound by weight reads: judge it against bandwidth measured right beside it, over as many
                // bytes as it keeps resident, read warm as its repetitions read them (from cache where they fit).
                var remeasured = false
                var caseCalibration =
                    scenario.phase == .decode && options.remeasureBandwidth
                    ? calibration.remeasuringBandwidth(bytes: Calibration.probeBytes(resident: graph.residentBytes))
                    : calibration
                if options.reference {
                    if store == nil {
                        events(
                            .preparing(
                                index: index, total: all.count, workload: name.0, scenario: name.1,
                                detail: String(format: "weights %.2f GB", graph.weightBytes / 1e9)))
                        store = try loadWeights(graph)
                    }
                    let executor = try LayerExecutor(graph: graph, weights: store!)
                    executor.fillSeededInputs(seed: options.seed)
                    if let input { executor.input.copy(from: input) }
                    let runner = CaseRunner(policy: options.policy, perOp: options.perOp, region: options.region)
                    var result = runner.run(executor, workload: name.0, calibration: caseCalibration) { rep, ns in
                        events(
                            .repetition(
                                index: index, total: all.count, workload: name.0, scenario: name.1, rep: rep,
                                of: options.policy.repetitionCap, seconds: Double(ns) * 1e-9))
                    }
                    result.loadAverage = load
                    recheck(&result, graph: graph, calibration: &caseCalibration, done: &remeasured, events: events)
                    if let dir = options.dumpOutputs { try dump(executor, to: dir, workload: name.0, scenario: name.1) }
                    cases.append(result)
                    reference = result
                    events(.finished(result))
                }
                if let external = options.external {
                    events(
                        .preparing(
                            index: index, total: all.count, workload: name.0, scenario: name.1,
                            detail: "\(external.name.rawValue) in a worker process"))
                    do {
                        let externalLoad = LoadAverage.oneMinute()
                        var (sampling, details) = try external.measure(entry.workload, scenario)
                        let origin = options.weightsFile ?? "seeded \(options.seed)"
                        var result = CaseResult.make(
                            graph: graph, workload: name.0, backend: external.name, samplesNs: sampling.samplesNs,
                            weights: origin, calibration: caseCalibration, ops: nil, details: nil, sampling: sampling)
                        result.loadAverage = externalLoad
                        recheck(&result, graph: graph, calibration: &caseCalibration, done: &remeasured, events: events)
                        details.speedupOverReference = reference.map { $0.stats.median / result.stats.median }
                        result.backendDetails = details
                        cases.append(result)
                        events(.finished(result))
                    } catch {
                        let failure = RunFailure(
                            workload: name.0, scenario: name.1, backend: external.name, message: "\(error)")
                        failures.append(failure)
                        events(.failed(failure))
                    }
                }
                // GEMM rates a re-check found faster serve the later cases and the document's table.
                for rate in caseCalibration.gemm { calibration.keepFaster(rate) }
            }
        }
        return ResultDocument(
            runId: options.runId, created: ISO8601DateFormatter().string(from: Date()),
            tool: ResultDocument.toolVersion, suite: suite.name, policy: options.policy, seed: options.seed,
            machine: .current(), calibration: calibration, metrics: Metric.allCases.map(\.descriptor),
            cases: cases, goals: evaluate(goals: suite.goals, cases: cases.filter { $0.backend == .cpuReference }),
            migrations: nil, failures: failures.isEmpty ? nil : failures, measuredMigrations: nil,
            nonfiniteInputs: nonFinite.isEmpty ? nil : nonFinite.map(\.description), shard: options.shard)
    }

    /// A case that ran faster than its ceiling: the side it beat is re-measured at once (the faster of the two kept)
    /// and the case judged again; it stays flagged `above-ceiling` only if it still beats it. A scenario's ceiling is
    /// re-measured once (`done`): a second backend beating the ceiling its reference case was just rechecked against
    /// is judged against that, not measured again.
    func recheck(
        _ result: inout CaseResult, graph: LayerGraph, calibration: inout Calibration, done: inout Bool,
        events: (RunEvent) -> Void
    ) {
        guard options.recheckCeilings, result.flagged(.aboveCeiling) else { return }
        defer { result.ceiling.rechecked = true }
        if done { return }
        done = true
        let fraction = (result.metric(.ceilingFraction) ?? 0) * 100
        events(
            .calibrating(
                "\(result.workload)/\(result.scenario) on \(result.backend.rawValue) ran at "
                    + String(format: "%.1f%%", fraction) + " of its ceiling: re-measuring it"))
        calibration = calibration.recheck(
            graph, medianSeconds: result.stats.median,
            probeBytes: Calibration.probeBytes(resident: graph.residentBytes),
            repetitions: Swift.min(options.policy.repetitions, 5)
        ) { events(.calibrating($0)) }
        result.judge(against: Ceiling(graph: graph, calibration: calibration))
    }

    func loadWeights(_ graph: LayerGraph) throws -> WeightStore {
        try .forLayer(
            graph, safetensors: options.weightsFile, layerIndex: options.layerIndex, prefix: options.weightPrefix,
            seed: options.seed, allowNonFinite: options.allowNonFinite)
    }

    /// Checks, before any work, every file `--dump-outputs` will write (none may be an input of the run).
    public func checkDumpTargets(_ folder: OutputFolder, inputs: [String]) throws {
        for e in suite.entries {
            for s in e.scenarios {
                for d in Self.dumped {
                    _ = try folder.file(Self.dumpPath(e.workload.name, s.name, d.file), inputs: inputs)
                }
            }
        }
    }

    /// The graph values `--dump-outputs` writes per case, as `<workload>/<scenario>/<file>.npy`.
    static let dumped = [(file: "input", value: LayerGraph.inputName), (file: "output", value: LayerGraph.outputName)]
    static func dumpPath(_ workload: String, _ scenario: String, _ name: String) -> [String] {
        [workload, scenario, name + ".npy"]
    }

    func dump(_ executor: LayerExecutor, to dir: OutputFolder, workload: String, scenario: String) throws {
        for d in Self.dumped {
            try dir.file(Self.dumpPath(workload, scenario, d.file)).write(NPY.encode(executor.tensor(d.value)))
        }
    }

    public func evaluate(goals: [SpeedGoal], cases: [CaseResult]) -> [GoalResult] {
        goals.compactMap { g in
            guard let c = cases.first(where: { $0.workload == g.workload && $0.scenario == g.scenario }) else {
                return nil
            }
            let reached: Double
            switch g.bound {
            case .ceiling: reached = c.ceiling.seconds / c.stats.median
            case .gemm: reached = c.ceiling.computeSeconds / c.stats.median
            case .bandwidth: reached = c.ceiling.memorySeconds / c.stats.median
            case .physical: reached = (c.ceiling.physicalSeconds ?? 0) / c.stats.median
            }
            return GoalResult(
                workload: g.workload, scenario: g.scenario, bound: g.bound, required: g.minFraction,
                reached: reached, passed: reached >= g.minFraction)
        }
    }
}
