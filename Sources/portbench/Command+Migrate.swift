import ArgumentParser
import PortbenchCommands

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "What moving a workload between two devices costs, per scenario: speed, numerics, memory fit, padding, recompilations, energy, money, hazards.",
        discussion:
            "Times are modelled from device profiles; numeric drift is emulated on this CPU against the fp32 reference."
    )
    @OptionGroup var specs: SpecOptions
    @OptionGroup var blas: OpenBLASCoreOptions
    @OptionGroup var model: ModelOptions
    @Argument(help: "Workload name or file.") var workload: String
    @Option(help: "Source device, e.g. cuda:h100-sxm or h100.") var from: String
    @Option(help: "Target device, e.g. xla:tpu-v6e or v6e.") var to: String
    @Option(help: "table, json or markdown.") var format: String = "table"
    @Option(help: "Also write the JSON result document here.") var out: String?
    @Option(help: "Seed for the emulation's weights and inputs.") var seed: UInt64 = 42
    @Flag(name: .customLong("no-numerics"), help: "Skip the CPU emulation of each side's precision.") var noNumerics =
        false
    @Option(
        name: .customLong("model-device"),
        help: "Measured cpu:openblas → xla:cpu moves: the TPU whose modelled figures sit beside.") var modelDevice:
        String = "tpu-v6e"
    @Option(help: "Measured moves: timed repetitions per case.") var repetitions: Int = 5
    @Option(name: .customLong("pjrt-plugin"), help: "Measured moves: PJRT plugin path.") var pjrtPlugin: String?
    @Option(name: .customLong("xla-precision"), help: "Measured moves: fp32 or bf16 XLA programs.") var xlaPrecision:
        String = "fp32"

    func run() throws {
        try blas.apply()
        var r = MigrateRequest()
        r.paths = specs.paths
        r.model = model.request
        r.workload = workload
        r.from = from
        r.to = to
        r.format = format
        r.out = out
        r.seed = seed
        r.numerics = !noNumerics
        r.modelDevice = modelDevice
        r.repetitions = repetitions
        r.pjrtPlugin = pjrtPlugin
        r.xlaPrecision = xlaPrecision
        try execute { try Commands.migrate(r, note: note) }
    }
}
