import Foundation

/// What a noise profile is for: the CPU model and core count, not one host (runners of a kind share one profile).
public struct MachineKind: Codable, Equatable, Hashable, Sendable {
    public var cpuModel: String
    public var cpuSignature: String?
    public var cores: Int

    public init(cpuModel: String, cpuSignature: String?, cores: Int) {
        self.cpuModel = cpuModel
        self.cpuSignature = cpuSignature
        self.cores = cores
    }

    public init(_ machine: MachineFingerprint) {
        self.init(cpuModel: machine.cpuModel, cpuSignature: machine.cpuSignature, cores: machine.cores)
    }

    /// A file-name form: "amd-epyc-f26-m2-2c" (model name, family and model numbers, cores).
    public var slug: String {
        let numbers = (cpuSignature ?? "").split(separator: " ")
        let family = numbers.firstIndex(of: "family").map { "f" + numbers[numbers.index(after: $0)] }
        let model = numbers.firstIndex(of: "model").map { "m" + numbers[numbers.index(after: $0)] }
        let text = ([cpuModel] + [family, model].compactMap { $0 }).joined(separator: " ").lowercased()
        let squeezed = String(text.map { $0.isLetter || $0.isNumber ? $0 : "-" }).split(separator: "-").joined(
            separator: "-")
        return "\(squeezed.isEmpty ? "cpu" : squeezed)-\(cores)c"
    }
}

/// Between-run noise of one case: how much the median of a whole run moves from run to run (log scale).
public struct CaseNoise: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend
    /// `median_s` for timings, `instructions` or `estimated_cycles` for the callgrind instrument.
    public var metric: String
    public var runs: Int
    /// Each run's median (seconds, or counts), in run order: the evidence the figures below come from.
    public var medians: [Double]
    /// Standard deviation of log(run median) beyond what the within-run spread explains.
    public var betweenRunLogSd: Double
    /// Mean within-run standard error of log(median), from each run's own samples.
    public var withinRunLogSe: Double

    public init(
        workload: String, scenario: String, backend: Backend, metric: String, runs: Int, medians: [Double],
        betweenRunLogSd: Double, withinRunLogSe: Double
    ) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.metric = metric
        self.runs = runs
        self.medians = medians
        self.betweenRunLogSd = betweenRunLogSd
        self.withinRunLogSe = withinRunLogSe
    }
}

/// The versioned document `portbench noise` writes: between-run noise per case on one kind of machine.
public struct NoiseProfile: Codable, Equatable, Sendable {
    public static let schemaName = "portbench.noise"
    public static let currentVersion = 1

    public var schema: String = NoiseProfile.schemaName
    public var schemaVersion: Int = NoiseProfile.currentVersion
    public var created: String
    public var tool: String
    public var machineKind: MachineKind
    /// The OpenBLAS core and threads the runs used (a profile is only as good as the settings it was measured at).
    public var openblasCore: String
    public var threads: Int
    public var suite: String
    public var runIds: [String]
    public var cases: [CaseNoise]
    /// Root mean square of the cases' between-run deviations: the floor every case is held to (a profile holds
    /// one kind of metric per run — times, or an instrument's counts — and `betweenRunLogSd` pools per metric).
    public var pooledBetweenRunLogSd: Double

    public init(
        created: String, tool: String, machineKind: MachineKind, openblasCore: String, threads: Int, suite: String,
        runIds: [String], cases: [CaseNoise]
    ) {
        self.created = created
        self.tool = tool
        self.machineKind = machineKind
        self.openblasCore = openblasCore
        self.threads = threads
        self.suite = suite
        self.runIds = runIds
        self.cases = cases
        pooledBetweenRunLogSd = Self.pooled(cases)
    }

    /// The between-run deviation to assume for a case: its own, never below the pooled figure of its metric (the
    /// counts of an instrument are not held to the noise of times, nor times to that of counts).
    public func betweenRunLogSd(workload: String, scenario: String, backend: Backend, metric: String) -> Double {
        let own = cases.first {
            $0.workload == workload && $0.scenario == scenario && $0.backend == backend && $0.metric == metric
        }
        return Swift.max(own?.betweenRunLogSd ?? 0, Self.pooled(cases.filter { $0.metric == metric }))
    }

    /// Root mean square of the cases' between-run deviations (0 for none).
    static func pooled(_ cases: [CaseNoise]) -> Double {
        let squares = cases.map { $0.betweenRunLogSd * $0.betweenRunLogSd }
        return squares.isEmpty ? 0 : (squares.reduce(0, +) / Double(squares.count)).squareRoot()
    }

    public func write(to file: OutputFile) throws { try file.write(JSONCoding.encoder().encode(self)) }

    public static func read(from url: URL) throws -> NoiseProfile {
        try SchemaDocument.read(NoiseProfile.self, from: url, schema: schemaName, versions: 1...currentVersion) {
            ($0.schema, $0.schemaVersion)
        }
    }
}
