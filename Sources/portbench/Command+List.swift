import ArgumentParser
import PortbenchCommands

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List workloads, their scenarios and FLOPs per scenario.")
    @OptionGroup var specs: SpecOptions

    func run() throws { try execute { try Commands.list(specs.paths) } }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check workload and suite files; report every problem with file, key and line.")
    @OptionGroup var specs: SpecOptions
    @Argument(help: "Workload or suite files.") var files: [String]

    func run() throws { try execute { Commands.validate(files, paths: specs.paths, note: note) } }
}
