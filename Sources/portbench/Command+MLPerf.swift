import ArgumentParser
import PortbenchCommands

struct MLPerf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlperf",
        abstract: "A workload in MLPerf's Offline and Server scenarios on a device (simulated, modelled).",
        discussion:
            "Simulates continuous batching over the device model's step times: Offline serves every query at once; "
            + "Server finds the highest Poisson arrival rate whose 99th-percentile time to first token and time per "
            + "output token meet the limits (2 s and 200 ms by default, MLPerf's Llama 2 70B limits).")
    @OptionGroup var specs: SpecOptions
    @OptionGroup var model: ModelOptions
    @Argument(help: "Workload name or file (needs a model block).") var workload: String
    @Option(help: "Device: a name, a short name or style:name.") var device: String
    @Option(help: "Chips in the system: a multiple of one copy's chips (default: one copy).") var systemChips: Int?
    @Option(help: "Input tokens per query.") var input: Int = 1024
    @Option(help: "Output tokens per query.") var output: Int = 256
    @Option(help: "Server limit on the 99th-percentile time to first token, ms.") var ttftP99Ms: Double = 2000
    @Option(help: "Server limit on the 99th-percentile time per output token, ms.") var tpotP99Ms: Double = 200
    @Option(help: "Queries per simulation.") var samples: Int = 2000
    @Option(help: "Seed of the arrival times.") var seed: UInt64 = 1
    @Option(help: "Most sequences in flight per copy (default: what fits in memory).") var maxBatch: Int?
    @Option(help: "table or json.") var format: String = "table"

    func run() throws {
        try execute {
            var r = MLPerfRequest()
            r.workload = workload
            r.device = device
            r.model = model.request
            r.systemChips = systemChips
            r.inputLen = input
            r.outputLen = output
            r.ttftP99Milliseconds = ttftP99Ms
            r.tpotP99Milliseconds = tpotP99Ms
            r.samples = samples
            r.seed = seed
            r.maxBatch = maxBatch
            r.format = format
            r.paths = specs.paths
            return try Commands.mlperf(r)
        }
    }
}
