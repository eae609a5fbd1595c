import ArgumentParser
import PortbenchCommands

struct Devices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List device profiles with every figure and its public source.")
    @OptionGroup var specs: SpecOptions
    @Flag(help: "Print every sourced figure, not just the summary.") var sources = false

    func run() throws { try execute { try Commands.devices(sources: sources, paths: specs.paths) } }
}
