import ArgumentParser
import Foundation

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migration cost of a workload between two devices (placeholder until wired).")
    func run() throws { throw ExitCode(1) }
}
