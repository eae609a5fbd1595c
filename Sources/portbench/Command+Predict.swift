import ArgumentParser
import PortbenchCommands

struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Modelled figures for every scenario of a workload on one device (predictions, not measurements).")
    @OptionGroup var specs: SpecOptions
    @OptionGroup var model: ModelOptions
    @Argument(help: "Workload name or file.") var workload: String
    @Option(help: "Device: a name, a short name (h100, v6e, groq) or style:name.") var device: String
    @Option(help: "table or json.") var format: String = "table"

    func run() throws {
        try execute {
            try Commands.predict(
                workload: workload, device: device, model: model.request, format: format, paths: specs.paths)
        }
    }
}

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a style lowers a layer scenario: kernels, fusions, padding, chips (modelled times).")
    @OptionGroup var specs: SpecOptions
    @OptionGroup var model: ModelOptions
    @Argument(help: "Workload name or file.") var workload: String
    @Option(help: "Scenario name (default: the first).") var scenario: String?
    @Option(help: "Device, e.g. cuda:h100-sxm, xla:tpu-v6e, lpu:groq-lpu, or a short name.") var device: String

    func run() throws {
        try execute {
            try Commands.plan(
                workload: workload, scenario: scenario, device: device, model: model.request, paths: specs.paths)
        }
    }
}
