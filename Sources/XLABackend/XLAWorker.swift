import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

/// What the parent asks an isolated XLA worker process to do: one case.
public struct XLAWorkerRequest: Codable, Sendable {
    public var workloadFile: String
    public var scenario: String
    public var precision: String
    public var seed: UInt64
    public var warmup: Int
    public var repetitions: Int
    public var pluginPath: String
    public var weightsFile: String?
    public var layerIndex: Int
    public var weightPrefix: String
    public var inputFile: String?
    /// When set: also compile and time the scenario at each of these lengths (sequence for prefill, context for decode).
    public var lengths: [Int]?
    /// Run even when a weight or the input holds NaN or ±Inf (as the parent was told with `--allow-nonfinite`).
    public var allowNonFinite = false
    /// An adaptive repetition policy to time the case with (`warmup` and `repetitions` alone when nil).
    public var policy: RepetitionPolicy?

    public init(
        workloadFile: String, scenario: String, precision: String, seed: UInt64, warmup: Int, repetitions: Int,
        pluginPath: String, weightsFile: String?, layerIndex: Int, weightPrefix: String, inputFile: String?,
        policy: RepetitionPolicy? = nil
    ) {
        self.workloadFile = workloadFile
        self.scenario = scenario
        self.precision = precision
        self.seed = seed
        self.warmup = warmup
        self.repetitions = repetitions
        self.pluginPath = pluginPath
        self.weightsFile = weightsFile
        self.layerIndex = layerIndex
        self.weightPrefix = weightPrefix
        self.inputFile = inputFile
        self.policy = policy
    }
}

/// One compiled shape's measured compile time and run time.
public struct ShapeTiming: Codable, Sendable {
    public var length: Int
    public var compileSeconds: Double
    public var medianSeconds: Double
}

/// What a worker measured: compile time apart from run time, every run sample, numerics against the fp32
/// reference on the same weights and inputs, and what XLA compiled.
public struct XLAWorkerResponse: Codable, Sendable {
    public var platform: String
    public var compileSeconds: Double
    public var samplesNs: [UInt64]
    public var relativeL2: Double
    public var maxAbsError: Double
    public var cosineSimilarity: Double
    public var fusions: Int
    public var programBytes: Int
    public var programFormat: String
    public var shapes: [ShapeTiming]?
    public var error: String?
    /// Who failed, when `error` is set: the request (bad data) or the PJRT plugin.
    public var failure: WorkerFailure?
    /// How the repetition policy ran: warm-up count, why it stopped, and whether it missed its target width.
    public var warmupCount: Int?
    public var stopReason: StopReason?
    public var noisy: Bool?
}

/// Why a worker returned no measurement: the request was rejected (bad data, a spec it cannot read), or the
/// PJRT plugin reported an error. A plugin that crashes leaves no response at all (see `XLAWorkerProcess`).
public enum WorkerFailure: String, Codable, Sendable {
    case rejected
    case plugin
}

/// The worker side: runs in a child process (`portbench xla-worker`), so an XLA abort loses one case, not the run.
public enum XLAWorker {
    public static func serve(_ r: XLAWorkerRequest) -> XLAWorkerResponse {
        do {
            return try measure(r)
        } catch {
            return XLAWorkerResponse(
                platform: "", compileSeconds: 0, samplesNs: [], relativeL2: 0, maxAbsError: 0,
                cosineSimilarity: 0, fusions: 0, programBytes: 0, programFormat: "", shapes: nil, error: "\(error)",
                failure: error is PJRTError ? .plugin : .rejected)
        }
    }

    static func measure(_ r: XLAWorkerRequest) throws -> XLAWorkerResponse {
        let spec = try WorkloadSpec.load(url: URL(fileURLWithPath: r.workloadFile))
        guard let scenario = spec.scenario(named: r.scenario) else {
            throw SpecError(file: r.workloadFile, path: "scenarios", message: "no scenario '\(r.scenario)'")
        }
        guard let precision = ProgramPrecision(rawValue: r.precision) else {
            throw SpecError(file: "request", path: "precision", message: "expected fp32 or bf16, got '\(r.precision)'")
        }
        let graph = LayerGraph.lower(spec.config, scenario)
        let weights = try WeightStore.forLayer(
            graph, safetensors: r.weightsFile, layerIndex: r.layerIndex, prefix: r.weightPrefix,
            seed: r.seed, allowNonFinite: r.allowNonFinite)
        let reference = try LayerExecutor(graph: graph, weights: weights)
        reference.fillSeededInputs(seed: r.seed)
        if let input = r.inputFile {
            let t = try NPY.read(path: input)
            if !r.allowNonFinite { try t.checkFinite(file: input, tensor: "input") }
            reference.input.copy(from: t)
        }

        let client = try PJRTClient(pluginPath: r.pluginPath)
        let runner = try XLALayerRunner(client: client, graph: graph, precision: precision, weights: weights) {
            reference.tensor($0)
        }
        let got = try runner.output().array
        let policy = r.policy ?? RepetitionPolicy(warmup: r.warmup, repetitions: r.repetitions)
        let sampling = try policy.sample(clock: { DispatchTime.now().uptimeNanoseconds }) { _ = try runner.run() }
        reference.run()
        let d = OutputComparison(reference: reference.output.array, candidate: got)
        let summary = try runner.compiledSummary()
        let shapes = try r.lengths.map {
            try $0.map { try timeShape(client, spec, scenario, length: $0, precision: precision, weights: weights, r) }
        }
        return XLAWorkerResponse(
            platform: client.platform, compileSeconds: runner.compileSeconds, samplesNs: sampling.samplesNs,
            relativeL2: d.relativeL2, maxAbsError: d.maxAbsError, cosineSimilarity: d.cosineSimilarity,
            fusions: summary.fusions,
            programBytes: summary.bytes, programFormat: summary.format, shapes: shapes, error: nil,
            warmupCount: sampling.warmupCount, stopReason: sampling.stopReason, noisy: sampling.isNoisy)
    }

    /// Compiles (timed) and runs the scenario at another length: the cost of meeting a new shape.
    static func timeShape(
        _ client: PJRTClient, _ spec: WorkloadSpec, _ s: Scenario, length: Int, precision: ProgramPrecision,
        weights: WeightStore, _ r: XLAWorkerRequest
    ) throws -> ShapeTiming {
        let graph = LayerGraph.lower(spec.config, s.with(length: length))
        let exec = try LayerExecutor(graph: graph, weights: weights)
        exec.fillSeededInputs(seed: r.seed)
        let runner = try XLALayerRunner(client: client, graph: graph, precision: precision, weights: weights) {
            exec.tensor($0)
        }
        let times = try runner.time(warmup: max(1, r.warmup), repetitions: max(3, r.repetitions)).sorted()
        return ShapeTiming(
            length: length, compileSeconds: runner.compileSeconds, medianSeconds: Double(times[times.count / 2]) * 1e-9)
    }

    /// Worker entry: one JSON request on stdin, one JSON response on stdout.
    public static func main() -> Int32 {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let request = try? JSONCoding.decoder().decode(XLAWorkerRequest.self, from: data) else {
            FileHandle.standardError.write("xla-worker: expected one JSON request on stdin\n".data(using: .utf8)!)
            return 2
        }
        let response = serve(request)
        guard let encoded = try? JSONCoding.compactEncoder().encode(response) else {
            FileHandle.standardError.write(Data("xla-worker: the response could not be encoded\n".utf8))
            return ExitStatus.failure.rawValue
        }
        FileHandle.standardOutput.write(encoded)
        return response.error == nil ? 0 : ExitStatus.failure.rawValue
    }
}
