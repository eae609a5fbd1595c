import ArgumentParser
import DeviceModels
import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema
import Workload

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What moving a workload between two devices costs, per scenario: speed, numerics, memory fit, padding, recompilations, energy, money, hazards.",
        discussion: "Times are modelled from device profiles; numeric drift is emulated on this CPU against the fp32 reference.")
    @OptionGroup var specs: SpecOptions
    @OptionGroup var model: ModelOptions
    @Argument(help: "Workload name or file.") var workload: String
    @Option(help: "Source device, e.g. cuda:h100-sxm.") var from: String
    @Option(help: "Target device, e.g. xla:tpu-v6e.") var to: String
    @Option(help: "table, json or markdown.") var format: String = "table"
    @Option(help: "Also write the JSON result document here.") var out: String?
    @Option(help: "Seed for the emulation's weights and inputs.") var seed: UInt64 = 42
    @Flag(name: .customLong("no-numerics"), help: "Skip the CPU emulation of each side's precision.") var noNumerics = false
    @Option(name: .customLong("model-device"), help: "Measured cpu:openblas → xla:cpu moves: the TPU whose modelled figures sit beside.") var modelDevice: String = "tpu-v6e"
    @Option(help: "Measured moves: timed repetitions per case.") var repetitions: Int = 5
    @Option(name: .customLong("pjrt-plugin"), help: "Measured moves: PJRT plugin path.") var pjrtPlugin: String?
    @Option(name: .customLong("xla-precision"), help: "Measured moves: fp32 or bf16 XLA programs.") var xlaPrecision: String = "fp32"

    /// cpu:openblas → xla:cpu is measured on this machine rather than modelled.
    var isMeasured: Bool { ["cpu", "cpu:openblas"].contains(from) && ["xla:cpu", "xla-cpu"].contains(to) }

    func run() throws {
        try guarded {
            guard ["table", "json", "markdown"].contains(format) else {
                throw ValidationError("--format: expected table, json or markdown, got '\(format)'")
            }
            let catalog = try specs.catalog()
            let w = try specs.workload(workload)
            let outFile = try output(out, inputs: [w.file].compactMap { $0 } + catalog.devices.map(\.file))
            if isMeasured { return try runMeasured(w, catalog: catalog, out: outFile) }
            let (a, b) = (try catalog.device(from), try catalog.device(to))
            if !noNumerics { note("emulating \(w.name) numerics on the CPU for each side (--no-numerics skips this)") }
            let report = try MigrationReport.make(workload: w, from: a, to: b, catalog: catalog, options: try model.options(),
                                                  numerics: !noNumerics, seed: seed)
            let doc = ResultDocument.modelled([report], seed: seed)
            if let outFile {
                try doc.write(to: outFile)
                note("wrote \(outFile.path)")
            }
            switch format {
            case "json": print(String(decoding: try ResultDocument.encoder().encode(doc), as: UTF8.self))
            case "markdown": print(MigrationRender(report: report).markdown())
            default: print(MigrationRender(report: report).table())
            }
        }
    }

    func runMeasured(_ w: WorkloadSpec, catalog: DeviceCatalog, out outFile: OutputFile?) throws {
        guard SpecLimits.repetitions.contains(repetitions) else {
            throw ValidationError("--repetitions: expected \(SpecLimits.repetitions.lowerBound)...\(SpecLimits.repetitions.upperBound), got \(repetitions)")
        }
        let policy = RepetitionPolicy(warmup: 1, repetitions: repetitions)
        let xla = try XLAWiring.shapes(plugin: pjrtPlugin, precision: xlaPrecision, seed: seed, policy: policy)
        let device = try catalog.device(modelDevice)
        let runner = MeasuredMigrationRunner(policy: policy, seed: seed, xla: xla, model: makeAdapter(for: device, catalog: catalog),
                                             modelOptions: try model.options())
        let results = try runner.run(w) { note("  \($0)") }
        let doc = ResultDocument.modelled([], seed: seed, measured: results)
        if let outFile {
            try doc.write(to: outFile)
            note("wrote \(outFile.path)")
        }
        switch format {
        case "json": print(String(decoding: try ResultDocument.encoder().encode(doc), as: UTF8.self))
        case "markdown": print(MeasuredMigrationRender(results: results).render(markdown: true))
        default: print(MeasuredMigrationRender(results: results).render(markdown: false))
        }
    }
}
