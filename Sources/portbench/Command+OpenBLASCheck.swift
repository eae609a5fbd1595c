import ArgumentParser
import PortbenchCommands

/// `portbench openblas-check`: the child that self-checks one OpenBLAS core before portbench uses it (internal).
struct OpenBLASCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openblas-check", abstract: "Internal: sgemm self-check of the OpenBLAS core loaded.",
        shouldDisplay: false)
    @Option(help: "The core OpenBLAS must have loaded.") var expect: String?

    func run() throws {
        try execute { Commands.openBLASCheck(expect: expect) }
    }
}
