import DeviceModels
import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema
import Workload

/// `portbench migrate`: a workload moved between two devices (modelled), or cpu:openblas → xla:cpu (measured).
public struct MigrateRequest: Sendable {
    public var paths = SpecPaths()
    public var model = ModelRequest()
    public var workload = ""
    public var from = ""
    public var to = ""
    public var format = "table"
    public var out: String?
    public var seed: UInt64 = 42
    public var numerics = true
    public var modelDevice = "tpu-v6e"
    public var repetitions = 5
    public var pjrtPlugin: String?
    public var xlaPrecision = "fp32"

    public init() {}

    /// cpu:openblas → xla:cpu is measured on this machine rather than modelled.
    var isMeasured: Bool { ["cpu", "cpu:openblas"].contains(from) && ["xla:cpu", "xla-cpu"].contains(to) }
}

extension Commands {
    public static func migrate(_ r: MigrateRequest, note: @escaping Note) throws -> CommandOutput {
        let f = try format(r.format, allowed: OutputFormat.allCases)
        let options = try r.model.options()
        let catalog = try r.paths.catalog()
        let w = try r.paths.workload(r.workload)
        let outFile = try output(r.out, inputs: [w.file].compactMap { $0 } + catalog.files)
        if r.isMeasured {
            return try migrateMeasured(r, w, catalog: catalog, options: options, format: f, out: outFile, note: note)
        }
        let (a, b) = (try catalog.device(r.from), try catalog.device(r.to))
        if r.numerics {
            // The emulation runs the reference executor: refuse, before allocating, a case that would not fit.
            try MemoryBudget.current().check(w.scenarios.map { (w, LayerGraph.lower(w.config, $0)) }, external: false)
            note("emulating \(w.name) numerics on the CPU for each side (--no-numerics skips this)")
        }
        let report = try MigrationReport.make(
            workload: w, from: a, to: b, catalog: catalog, options: options, numerics: r.numerics, seed: r.seed)
        let doc = ResultDocument.modelled([report], seed: r.seed)
        try write(doc, to: outFile, note: note)
        switch f {
        case .json: return CommandOutput(try OutputFormat.json(doc))
        case .markdown: return CommandOutput(MigrationRender(report: report).markdown())
        case .table: return CommandOutput(MigrationRender(report: report).table())
        }
    }

    static func migrateMeasured(
        _ r: MigrateRequest, _ w: WorkloadSpec, catalog: DeviceCatalog, options: AdapterOptions,
        format f: OutputFormat, out: OutputFile?, note: @escaping Note
    ) throws -> CommandOutput {
        try checkRepetitions(r.repetitions)
        let policy = RepetitionPolicy(warmup: 1, repetitions: r.repetitions)
        let xla = try XLAWiring.shapes(plugin: r.pjrtPlugin, precision: r.xlaPrecision, seed: r.seed, policy: policy)
        let device = try catalog.device(r.modelDevice)
        let runner = MeasuredMigrationRunner(
            policy: policy, seed: r.seed, xla: xla, model: makeAdapter(for: device, catalog: catalog),
            modelOptions: options)
        let results = try runner.run(w) { note("  \($0)") }
        let doc = ResultDocument.modelled([], seed: r.seed, measured: results)
        try write(doc, to: out, note: note)
        switch f {
        case .json: return CommandOutput(try OutputFormat.json(doc))
        case .markdown: return CommandOutput(MeasuredMigrationRender(results: results).render(markdown: true))
        case .table: return CommandOutput(MeasuredMigrationRender(results: results).render(markdown: false))
        }
    }

    static func write(_ doc: ResultDocument, to file: OutputFile?, note: Note) throws {
        guard let file else { return }
        try doc.write(to: file)
        note("wrote \(file.path)")
    }
}
