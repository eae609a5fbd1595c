import ArgumentParser
import Foundation
import Measurement
import Workload
#if PORTBENCH_XLA
import XLABackend
#endif

/// Connects the optional XLA backend to `run`: present only when the build found the PJRT header.
enum XLAWiring {
    static let howToGet = "the xla backend needs the PJRT plugin: run `bash ci/install-pjrt.sh`, then `touch Package.swift` and rebuild (or pass --pjrt-plugin PATH to a build that has it)"

    static var built: Bool {
        #if PORTBENCH_XLA
        return true
        #else
        return false
        #endif
    }

    static func pluginPath(_ explicit: String?) -> String {
        #if PORTBENCH_XLA
        return PJRTClient.defaultPluginPath(explicit: explicit)
        #else
        return explicit ?? ProcessInfo.processInfo.environment["PORTBENCH_PJRT_PLUGIN"] ?? ".cache/pjrt/pjrt_c_api_cpu_plugin.so"
        #endif
    }

    /// The backends to run: as asked, or cpu plus xla when the plugin is there.
    static func backends(requested: String?, plugin: String?) throws -> Set<String> {
        guard let requested else {
            let available = built && FileManager.default.fileExists(atPath: pluginPath(plugin))
            if !available { note("note: xla backend off — \(howToGet)") }
            return available ? ["cpu", "xla"] : ["cpu"]
        }
        let set = Set(requested.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        guard !set.isEmpty, set.isSubset(of: ["cpu", "xla"]) else {
            throw ValidationError("--backend: expected cpu, xla or cpu,xla, got '\(requested)'")
        }
        if set.contains("xla"), !built { throw ValidationError(howToGet) }
        return set
    }

    static func backend(plugin: String?, precision: String, options: RunOptions) throws -> ExternalBackend {
        #if PORTBENCH_XLA
        guard ProgramPrecision(rawValue: precision) != nil else { throw ValidationError("--xla-precision: expected fp32 or bf16, got '\(precision)'") }
        let path = pluginPath(plugin)
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no PJRT plugin at \(path); \(howToGet)") }
        return ExternalBackend(name: "xla") { workload, scenario in
            guard let file = workload.file else { throw ValidationError("\(workload.name) has no file for the worker to read") }
            let request = XLAWorkerRequest(workloadFile: file, scenario: scenario.name, precision: precision, seed: options.seed,
                                           warmup: options.policy.warmup, repetitions: options.policy.repetitions, pluginPath: path,
                                           weightsFile: options.weightsFile, layerIndex: options.layerIndex,
                                           weightPrefix: options.weightPrefix, inputFile: options.inputFile)
            let r = try XLAWorkerProcess.run(request)
            return (r.samplesNs, BackendDetails(platform: "xla:" + r.platform.lowercased(), precision: precision,
                                                compileSeconds: r.compileSeconds, relativeL2: r.relativeL2, maxAbsError: r.maxAbsError,
                                                cosineSimilarity: r.cosineSimilarity, fusions: r.fusions, programBytes: r.programBytes))
        }
        #else
        throw ValidationError(howToGet)
        #endif
    }
}

extension XLAWiring {
    /// The measured-migration closure: one XLA case plus every extra shape, in a worker process.
    static func shapes(plugin: String?, precision: String, seed: UInt64, policy: RepetitionPolicy) throws -> MeasuredMigrationRunner.XLAMeasure {
        #if PORTBENCH_XLA
        let path = pluginPath(plugin)
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no PJRT plugin at \(path); \(howToGet)") }
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
        #else
        throw ValidationError(howToGet)
        #endif
    }
}

/// `portbench xla-worker`: the isolated child that runs one XLA case (internal).
struct XLAWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "xla-worker", abstract: "Internal: run one XLA case from a JSON request on stdin.",
                                                    shouldDisplay: false)
    func run() throws {
        #if PORTBENCH_XLA
        let code = XLAWorker.main()
        if code != 0 { throw ExitCode(code) }
        #else
        note("error: \(XLAWiring.howToGet)")
        throw ExitCode(2)
        #endif
    }
}
