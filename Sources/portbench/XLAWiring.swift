import ArgumentParser
import Foundation
import PortbenchRender
import PortbenchSchema
import Measurement
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
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError(howToGet(path)) }
        return path
    }

    /// The backends to run: as asked, or cpu plus xla when the plugin is there.
    static func backends(requested: String?, plugin: String?) throws -> Set<String> {
        guard let requested else {
            let path = pluginPath(plugin)
            let available = FileManager.default.fileExists(atPath: path)
            if !available { note("note: xla backend off — \(howToGet(path))") }
            return available ? ["cpu", "xla"] : ["cpu"]
        }
        let set = Set(requested.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        guard !set.isEmpty, set.isSubset(of: ["cpu", "xla"]) else {
            throw ValidationError("--backend: expected cpu, xla or cpu,xla, got '\(requested)'")
        }
        if set.contains("xla") { _ = try requirePlugin(plugin) }
        return set
    }

    static func backend(plugin: String?, precision: String, options: RunOptions) throws -> ExternalBackend {
        guard ProgramPrecision(rawValue: precision) != nil else { throw ValidationError("--xla-precision: expected fp32 or bf16, got '\(precision)'") }
        let path = try requirePlugin(plugin)
        return ExternalBackend(name: .xla) { workload, scenario in
            guard let file = workload.file else { throw ValidationError("\(workload.name) has no file for the worker to read") }
            var request = XLAWorkerRequest(workloadFile: file, scenario: scenario.name, precision: precision, seed: options.seed,
                                           warmup: options.policy.warmup, repetitions: options.policy.repetitions, pluginPath: path,
                                           weightsFile: options.weightsFile, layerIndex: options.layerIndex,
                                           weightPrefix: options.weightPrefix, inputFile: options.inputFile)
            request.allowNonFinite = options.allowNonFinite
            let r = try XLAWorkerProcess.run(request)
            return (r.samplesNs, BackendDetails(platform: "xla:" + r.platform.lowercased(), precision: precision,
                                                compileSeconds: r.compileSeconds, relativeL2: r.relativeL2, maxAbsError: r.maxAbsError,
                                                cosineSimilarity: r.cosineSimilarity, fusions: r.fusions, programBytes: r.programBytes))
        }
    }
}

extension XLAWiring {
    /// The measured-migration closure: one XLA case plus every extra shape, in a worker process.
    static func shapes(plugin: String?, precision: String, seed: UInt64, policy: RepetitionPolicy) throws -> MeasuredMigrationRunner.XLAMeasure {
        let path = try requirePlugin(plugin)
        guard ProgramPrecision(rawValue: precision) != nil else { throw ValidationError("--xla-precision: expected fp32 or bf16, got '\(precision)'") }
        return { workload, scenario, lengths in
            guard let file = workload.file else { throw ValidationError("\(workload.name) has no file for the worker to read") }
            var request = XLAWorkerRequest(workloadFile: file, scenario: scenario.name, precision: precision, seed: seed,
                                           warmup: policy.warmup, repetitions: policy.repetitions, pluginPath: path,
                                           weightsFile: nil, layerIndex: 0, weightPrefix: "", inputFile: nil)
            request.lengths = lengths.isEmpty ? nil : lengths
            let r = try XLAWorkerProcess.run(request)
            let details = BackendDetails(platform: "xla:" + r.platform.lowercased(), precision: precision, compileSeconds: r.compileSeconds,
                                         relativeL2: r.relativeL2, maxAbsError: r.maxAbsError, cosineSimilarity: r.cosineSimilarity,
                                         fusions: r.fusions, programBytes: r.programBytes)
            let shapes = (r.shapes ?? []).map { MeasuredShape(length: $0.length, xlaCompileSeconds: $0.compileSeconds,
                                                               xlaMedianSeconds: $0.medianSeconds, referenceMedianSeconds: 0) }
            return (r.samplesNs, details, shapes)
        }
    }
}

/// `portbench xla-worker`: the isolated child that runs one XLA case (internal).
struct XLAWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "xla-worker", abstract: "Internal: run one XLA case from a JSON request on stdin.",
                                                    shouldDisplay: false)
    func run() throws {
        let code = XLAWorker.main()
        if code != 0 { throw ExitCode(code) }
    }
}
