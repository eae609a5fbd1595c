import ArgumentParser
import PortbenchCommands

extension ExportRequest.Format: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert result documents for other tools: bmf (Bencher Metric Format JSON).",
        discussion: """
            One benchmark per case, <workload>/<scenario>/<backend>: latency (median ns, 95% interval), throughput \
            (tokens/s), or instructions for cases counted with --instrument callgrind.
            """)

    @Argument(help: "Result documents (a case may appear in one of them only).") var results: [String]
    @Option(help: "Output format: bmf.") var format: ExportRequest.Format = .bmf
    @Option(help: "Write here instead of standard output.") var out: String?

    func run() throws {
        var r = ExportRequest()
        r.files = results
        r.format = format
        r.out = out
        try execute { try Commands.export(r, note: note) }
    }
}
