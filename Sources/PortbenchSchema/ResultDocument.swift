import Foundation

/// Median time of one op of the graph, from a separate profiled pass.
public struct OpTiming: Codable, Equatable, Sendable {
    public var name: String
    public var kind: String
    public var flops: Double
    public var bytes: Double
    public var medianSeconds: Double

    public init(name: String, kind: String, flops: Double, bytes: Double, medianSeconds: Double) {
        self.name = name
        self.kind = kind
        self.flops = flops
        self.bytes = bytes
        self.medianSeconds = medianSeconds
    }
}

/// One measured (workload, scenario, backend) case with every raw sample.
public struct CaseResult: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend
    public var provenance: Provenance
    public var phase: Phase
    public var batch: Int
    public var seq: Int
    public var context: Int
    public var tokens: Int
    public var flops: Double
    public var weightBytes: Double
    public var bytes: Double
    public var weights: String
    public var samplesNs: [UInt64]
    public var stats: SampleStatistics
    public var metrics: [String: Double]
    public var ceiling: Ceiling
    public var ops: [OpTiming]?
    /// For backends other than the CPU reference: compile time, numerics against the reference, what was compiled.
    public var backendDetails: BackendDetails?
    /// What a reader should know before trusting the case's numbers (absent when nothing is flagged).
    public var flags: [CaseFlag]?
    /// Warm-up runs before the timed ones (the settle rule may add to the policy's `warmup`).
    public var warmupCount: Int?
    /// Why the timed repetitions stopped.
    public var stopReason: StopReason?
    /// The machine's 1-minute load average when the case started.
    public var loadAverage: Double?
    /// With `run --instrument callgrind`: the measured region's counts per repetition (times then mean nothing).
    public var instrument: InstrumentCounts?
    /// With the `below-physical` flag: why the OpenBLAS ceiling sits far under the physical roofline.
    public var physicalGapCauses: [PhysicalGapCause]?
    /// Device-model predictions for this case's layer (suites with `modelled_devices`; on the first case of each
    /// workload and scenario in the run).
    public var modelled: [ModelledFigure]?

    public func metric(_ m: Metric) -> Double? { metrics[m.rawValue] }
    public func flagged(_ f: CaseFlag) -> Bool { flags?.contains(f) ?? false }

    public init(
        workload: String, scenario: String, backend: Backend, provenance: Provenance, phase: Phase, batch: Int,
        seq: Int, context: Int, tokens: Int, flops: Double, weightBytes: Double, bytes: Double, weights: String,
        samplesNs: [UInt64], stats: SampleStatistics, metrics: [String: Double], ceiling: Ceiling,
        ops: [OpTiming]? = nil, backendDetails: BackendDetails? = nil, flags: [CaseFlag]? = nil,
        warmupCount: Int? = nil, stopReason: StopReason? = nil, loadAverage: Double? = nil,
        physicalGapCauses: [PhysicalGapCause]? = nil
    ) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.provenance = provenance
        self.phase = phase
        self.batch = batch
        self.seq = seq
        self.context = context
        self.tokens = tokens
        self.flops = flops
        self.weightBytes = weightBytes
        self.bytes = bytes
        self.weights = weights
        self.samplesNs = samplesNs
        self.stats = stats
        self.metrics = metrics
        self.ceiling = ceiling
        self.ops = ops
        self.backendDetails = backendDetails
        self.flags = flags
        self.warmupCount = warmupCount
        self.stopReason = stopReason
        self.loadAverage = loadAverage
        self.physicalGapCauses = physicalGapCauses
    }
}

/// A noise or trust flag on a measured case.
public enum CaseFlag: String, Codable, CaseIterable, Sendable {
    /// The case ran faster than the ceiling measured for it (a fraction above 100%), even after the ceiling was
    /// re-measured right after the case: the ceilings are OpenBLAS's own rates under this machine's settings and other
    /// backends bring their own kernels.
    case aboveCeiling = "above-ceiling"
    /// An adaptive case stopped on its budget or repetition cap before its median interval reached the target width.
    case noisy
    /// Near its OpenBLAS ceiling (≥ 70%) yet far below the physical roofline (< 50%): the ceiling itself is low;
    /// `physical_gap_causes` names the likely reasons.
    case belowPhysical = "below-physical"
}

/// What an external backend (XLA through PJRT) reports beside its run samples.
public struct BackendDetails: Codable, Equatable, Sendable {
    public var platform: String
    public var precision: ProgramPrecision
    /// Compilation, measured apart from the runs.
    public var compileSeconds: Double
    public var relativeL2: Double
    public var maxAbsError: Double
    public var cosineSimilarity: Double
    public var fusions: Int
    public var programBytes: Int
    /// Reference median ÷ this backend's median, when the run timed both.
    public var speedupOverReference: Double?

    public init(
        platform: String, precision: ProgramPrecision, compileSeconds: Double, relativeL2: Double, maxAbsError: Double,
        cosineSimilarity: Double, fusions: Int, programBytes: Int, speedupOverReference: Double? = nil
    ) {
        self.platform = platform
        self.precision = precision
        self.compileSeconds = compileSeconds
        self.relativeL2 = relativeL2
        self.maxAbsError = maxAbsError
        self.cosineSimilarity = cosineSimilarity
        self.fusions = fusions
        self.programBytes = programBytes
        self.speedupOverReference = speedupOverReference
    }
}

/// A case that could not be measured (e.g. the XLA worker aborted); the rest of the run is kept.
public struct RunFailure: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend
    public var message: String

    public init(workload: String, scenario: String, backend: Backend, message: String) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.message = message
    }
}

/// A speed goal's outcome.
public struct GoalResult: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var bound: GoalBound
    public var required: Double
    public var reached: Double
    public var passed: Bool

    public init(workload: String, scenario: String, bound: GoalBound, required: Double, reached: Double, passed: Bool) {
        self.workload = workload
        self.scenario = scenario
        self.bound = bound
        self.required = required
        self.reached = reached
        self.passed = passed
    }
}

/// The versioned JSON document `portbench run` writes (schema in docs/result-schema.md).
public struct ResultDocument: Codable, Equatable, Sendable {
    public static let schemaName = "portbench.result"
    public static let currentVersion = 1
    /// Versions this reader accepts: every one written so far (new fields are optional, so v1 documents still load).
    public static let readableVersions = 1...currentVersion

    public var schema: String = ResultDocument.schemaName
    public var schemaVersion: Int = ResultDocument.currentVersion
    public var runId: String
    public var created: String
    public var tool: String
    public var suite: String
    public var policy: RepetitionPolicy
    public var seed: UInt64
    public var machine: MachineFingerprint
    /// Ceilings measured for this run's cases (absent when the document holds only modelled results).
    public var calibration: Calibration?
    public var metrics: [MetricDescriptor]
    public var cases: [CaseResult]
    public var goals: [GoalResult]
    /// Modelled migration reports (`portbench migrate`), labelled as modelled throughout.
    public var migrations: [MigrationReport]?
    /// Cases that failed without stopping the run.
    public var failures: [RunFailure]?
    /// Measured migrations (`portbench migrate --from cpu:openblas --to xla:cpu`).
    public var measuredMigrations: [MeasuredMigration]?
    /// Weights or inputs that held NaN or ±Inf in a run allowed with `--allow-nonfinite` (absent otherwise).
    public var nonfiniteInputs: [String]?
    /// The suite's minimum effect for regression verdicts (`minimum_effect`; absent: the comparison's default, 3%).
    public var minimumEffect: Double?
    /// The part of the suite this run measured (`run --shard i/n`; absent for a whole run).
    public var shard: Shard?
    /// The run ids of the shard documents `portbench merge` joined into this one, in shard order.
    public var mergedFrom: [String]?
    /// With `run --instrument`: what the counts are and why the document's times must not be compared.
    public var instrumentNote: String?
    /// The inputs of the device models behind the cases' `modelled` figures (absent when there are none).
    public var modelledDevices: [ModelledDevice]?

    public static let toolVersion = "portbench 0.1.0"

    /// Writes the document through the one output writer (checked target, temporary file, rename).
    public func write(to file: OutputFile) throws {
        try file.write(JSONCoding.encoder().encode(self))
    }

    public static func read(from url: URL) throws -> ResultDocument {
        try SchemaDocument.read(ResultDocument.self, from: url, schema: schemaName, versions: readableVersions) {
            ($0.schema, $0.schemaVersion)
        }
    }

    public init(
        schema: String = ResultDocument.schemaName, schemaVersion: Int = ResultDocument.currentVersion, runId: String,
        created: String, tool: String, suite: String, policy: RepetitionPolicy, seed: UInt64,
        machine: MachineFingerprint, calibration: Calibration? = nil, metrics: [MetricDescriptor], cases: [CaseResult],
        goals: [GoalResult], migrations: [MigrationReport]? = nil, failures: [RunFailure]? = nil,
        measuredMigrations: [MeasuredMigration]? = nil, nonfiniteInputs: [String]? = nil, shard: Shard? = nil,
        mergedFrom: [String]? = nil
    ) {
        self.schema = schema
        self.schemaVersion = schemaVersion
        self.runId = runId
        self.created = created
        self.tool = tool
        self.suite = suite
        self.policy = policy
        self.seed = seed
        self.machine = machine
        self.calibration = calibration
        self.metrics = metrics
        self.cases = cases
        self.goals = goals
        self.migrations = migrations
        self.failures = failures
        self.measuredMigrations = measuredMigrations
        self.nonfiniteInputs = nonfiniteInputs
        self.shard = shard
        self.mergedFrom = mergedFrom
    }
}

public struct ResultDocumentError: InputError {
    public let file: String
    public let message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}
