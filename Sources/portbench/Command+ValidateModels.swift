import ArgumentParser
import PortbenchCommands

struct ValidateModels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-models",
        abstract: "Predict a table of published (or your own) results and report each error and the MAPE per style.")
    @OptionGroup var specs: SpecOptions
    @Option(help: "Validation table (format: Validation/README.md).") var table: String = "Validation/published.yaml"
    @Option(help: "table, json, or html (the errors as a page with a log-log chart).") var format: String = "table"
    @Option(
        help: "Row id: print why its prediction is what it is (prefill/decode split, per-layer time, batch, chips).")
    var explain: String?
    @Flag(help: "Fit each style's free parameters (source: fitted in styles.yaml) to the table and print the fit.")
    var fit = false
    @Flag(help: "Leave-one-source-out error per style: each source's rows predicted by a fit without them.")
    var crossValidate = false

    func validate() throws {
        guard [explain != nil, fit, crossValidate].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --explain, --fit and --cross-validate")
        }
    }

    func run() throws {
        let mode: Commands.ValidationMode =
            fit ? .fit : crossValidate ? .crossValidate : explain.map { .explain($0) } ?? .errors
        try execute {
            try Commands.validateModels(table: table, format: format, mode: mode, paths: specs.paths)
        }
    }
}
