import ArgumentParser
import Foundation
import PortbenchRender
import PortbenchSchema

@main
struct PortBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portbench",
        abstract: "Framework-portability benchmark harness for transformer layers.",
        discussion: "Exit codes: \(ExitStatus.table).",
        subcommands: [
            List.self, Validate.self, Run.self, Merge.self, Calibrate.self, Devices.self, Plan.self, Predict.self,
            Cost.self, MLPerf.self,
            Migrate.self, ValidateModels.self, Compare.self, AB.self, Report.self, Baseline.self, Noise.self,
            History.self, Upload.self, UploadBench.self, Export.self, XLAWorkerCommand.self,
            OpenBLASCheckCommand.self,
        ],
        defaultSubcommand: Run.self)

    /// As ArgumentParser's own entry point, except that argument errors exit with `ExitStatus.badInput` (2), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
    }
}
