import Foundation
import Measurement
import PortbenchSchema
import Workload
import XLABackend

/// Connects the XLA backend to `run` and `migrate`; its PJRT plugin is looked for at run time only.
enum XLAWiring {
    static func pluginPath(_ explicit: String?) -> String { PJRTClient.defaultPluginPath(explicit: explicit) }

    /// What to do when there is no plugin at `path` (no rebuild is needed once it is there).
    static func howToGet(_ path: String) -> String {
        "no PJRT plugin at \(path); run `bash ci/install-pjrt.sh` (or pass --pjrt-plugin PATH / set PORTBENCH_PJRT_PLUGIN)"
    }

    /// The plugin's path, or a usage error naming where it was looked for.
    static func requirePlugin(_ explicit: String?) throws -> String {
        let path = pluginPath(explicit)
        guard FileManager.default.fileExists(atPath: path) else { throw UsageError(howToGet(path)) }
        return path
    }

    /// The backends to run: as asked (`cpu`, `xla`, `cpu,xla`), or the CPU reference plus XLA when the plugin is there.
    static func backends(requested: String?, plugin: String?, note: Note) throws -> Set<Backend> {
        guard let requested else {
            let path = pluginPath(plugin)
            let available = FileManager.default.fileExists(atPath: path)
            if !available { note("note: xla backend off — \(howToGet(path))") }
            return available ? [.cpuReference, .xla] : [.cpuReference]
        }
        let names = requested.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let set = Set(names.compactMap { ["cpu": Backend.cpuReference, "xla": .xla][$0] })
        guard !names.isEmpty, set.count == Set(names).count else {
            throw UsageError("--backend: expected cpu, xla or cpu,xla, got '\(requested)'")
        }
        if set.contains(.xla) { _ = try requirePlugin(plugin) }
        return set
    }

    static func precision(_ text: String) throws -> ProgramPrecision {
        guard let p = ProgramPrecision(rawValue: text) else {
            throw UsageError("--xla-precision: expected fp32 or bf16, got '\(text)'")
        }
        return p
    }

    /// The `run` backend: every case in an isolated worker process.
    static func backend(plugin: String?, precision: String, options: RunOptions) throws -> ExternalBackend {
        let programPrecision = try self.precision(precision)
        let path = try requirePlugin(plugin)
        return ExternalBackend(name: .xla) { workload, scenario in
            var request = try self.request(
                workload, scenario, precision: precision, seed: options.seed, policy: options.policy, plugin: path)
            request.weightsFile = options.weightsFile
            request.layerIndex = options.layerIndex
            request.weightPrefix = options.weightPrefix
            request.inputFile = options.inputFile
            request.allowNonFinite = options.allowNonFinite
            let r = try XLAWorkerProcess.run(request)
            let sampling = SamplingOutcome(
                samplesNs: r.samplesNs, warmupCount: r.warmupCount ?? request.warmup,
                stopReason: r.stopReason ?? .fixed, isNoisy: r.noisy ?? false)
            return (sampling, details(r, precision: programPrecision))
        }
    }

    /// The measured-migration closure: one XLA case plus every extra shape, in a worker process.
    static func shapes(plugin: String?, precision: String, seed: UInt64, policy: RepetitionPolicy) throws
        -> MeasuredMigrationRunner.XLAMeasure
    {
        let path = try requirePlugin(plugin)
        let programPrecision = try self.precision(precision)
        return { workload, scenario, lengths in
            var request = try self.request(
                workload, scenario, precision: precision, seed: seed, policy: policy, plugin: path)
            request.lengths = lengths.isEmpty ? nil : lengths
            let r = try XLAWorkerProcess.run(request)
            let shapes = (r.shapes ?? []).map {
                MeasuredShape(
                    length: $0.length, xlaCompileSeconds: $0.compileSeconds,
                    xlaMedianSeconds: $0.medianSeconds, referenceMedianSeconds: 0)
            }
            return (r.samplesNs, details(r, precision: programPrecision), shapes)
        }
    }

    static func request(
        _ workload: WorkloadSpec, _ scenario: Scenario, precision: String, seed: UInt64, policy: RepetitionPolicy,
        plugin: String
    ) throws -> XLAWorkerRequest {
        guard let file = workload.file else { throw UsageError("\(workload.name) has no file for the worker to read") }
        return XLAWorkerRequest(
            workloadFile: file, scenario: scenario.name, precision: precision, seed: seed, warmup: policy.warmup,
            repetitions: policy.repetitions, pluginPath: plugin, weightsFile: nil, layerIndex: 0, weightPrefix: "",
            inputFile: nil, policy: policy.isAdaptive ? policy : nil)
    }

    static func details(_ r: XLAWorkerResponse, precision: ProgramPrecision) -> BackendDetails {
        BackendDetails(
            platform: "xla:" + r.platform.lowercased(), precision: precision, compileSeconds: r.compileSeconds,
            relativeL2: r.relativeL2, maxAbsError: r.maxAbsError, cosineSimilarity: r.cosineSimilarity,
            fusions: r.fusions, programBytes: r.programBytes)
    }
}
