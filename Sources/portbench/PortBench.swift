import ArgumentParser
import Foundation

@main
struct PortBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portbench",
        abstract: "Framework-portability benchmark harness for transformer layers.",
        discussion: "Exit codes: 0 success, 1 failure while running, 2 bad input (spec, weights, arguments), 3 a speed goal missed under --enforce-goals.",
        subcommands: [List.self, Validate.self, Run.self, Calibrate.self, Devices.self, Plan.self, Predict.self, Migrate.self, ValidateModels.self, XLAWorkerCommand.self],
        defaultSubcommand: Run.self)
}
