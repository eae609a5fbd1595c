import ArgumentParser
import PortbenchCommands

struct ValidateModels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-models",
        abstract: "Predict a table of published (or your own) results and report each error and the MAPE per style.")
    @OptionGroup var specs: SpecOptions
    @Option(help: "Validation table (format: Validation/README.md).") var table: String = "Validation/published.yaml"
    @Option(help: "table or json.") var format: String = "table"
    @Option(
        help: "Row id: print why its prediction is what it is (prefill/decode split, per-layer time, batch, chips).")
    var explain: String?

    func run() throws {
        try execute {
            try Commands.validateModels(table: table, format: format, explain: explain, paths: specs.paths)
        }
    }
}
