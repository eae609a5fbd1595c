import ArgumentParser
import PortbenchCommands

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nightly series per case, metric and machine, with change points (E-divisive means).",
        discussion: "Documents are ordered by their `created` time; change points name the commits on either side.")

    @Argument(help: "Result documents, or folders of them.") var inputs: [String]
    @Option(name: .customLong("metric"), help: "Metrics to follow (repeatable; default median_s).") var metrics:
        [String] = ["median_s"]
    @Option(name: .customLong("min-shift"), help: "Smallest relative shift reported as a change point.")
    var minShift = 0.03
    @Option(help: "Permutations of the significance test.") var permutations = 199
    @Option(help: "Output format: table or json.") var format: ReportFormat = .table
    @Option(help: "Write the history here.") var out: String?

    func run() throws {
        var r = HistoryRequest()
        r.inputs = inputs
        r.metrics = metrics
        r.minimumShift = minShift
        r.permutations = permutations
        r.format = format
        r.out = out
        try execute { try Commands.history(r, note: note) }
    }
}
