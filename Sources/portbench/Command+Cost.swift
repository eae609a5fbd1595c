import ArgumentParser
import PortbenchCommands

struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What serving a model costs on each priced device under a per-query speed (modelled).",
        discussion:
            "For each device with a price, the cheapest precision, chip count and batch (continuous batching) whose "
            + "modelled time per output token meets the constraint, priced per 1M input, 1M output, 1M input + 1M "
            + "output and the 3:1 blend.")
    @OptionGroup var specs: SpecOptions
    @Argument(help: "Workload name or file (needs a model block).") var workload: String
    @Option(help: "Input tokens per query.") var input: Int = 1024
    @Option(help: "Output tokens per query.") var output: Int = 1024
    @Option(help: "Output tokens per second each query must see (default 30).") var minTokensPerSecond: Double?
    @Option(help: "Largest time per output token, ms.") var maxTpotMs: Double?
    @Option(help: "Device the last columns divide by.") var relativeTo: String = "h100-sxm"
    @Option(help: "table or json.") var format: String = "table"

    func run() throws {
        try execute {
            var r = CostRequest()
            r.workload = workload
            r.inputLen = input
            r.outputLen = output
            r.minTokensPerSecond = minTokensPerSecond
            r.maxTpotMilliseconds = maxTpotMs
            r.relativeTo = relativeTo
            r.format = format
            r.paths = specs.paths
            return try Commands.cost(r)
        }
    }
}
