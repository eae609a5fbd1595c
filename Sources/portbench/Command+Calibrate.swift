import ArgumentParser
import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema
import Workload

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure this machine's ceilings: sgemm GFLOP/s for the suite's GEMM shapes and memory read bandwidth.")
    @OptionGroup var specs: SpecOptions
    @Argument(help: "A suite or workloads whose GEMM shapes to measure (default: the default suite).") var names: [String] = []
    @Option(help: "Repetitions per measurement.") var repetitions: Int = 5
    @Option(help: "Write the calibration (with the machine fingerprint) here, for `run --calibration`.") var out: String?

    func run() throws {
        try guarded {
            guard SpecLimits.repetitions.contains(repetitions) else {
                throw ValidationError("--repetitions: expected \(SpecLimits.repetitions.lowerBound)...\(SpecLimits.repetitions.upperBound), got \(repetitions)")
            }
            let suite = try specs.locator.suite(for: names)
            let outFile = try output(out, inputs: SpecOptions.files(of: suite))
            let runner = SuiteRunner(suite: suite, options: RunOptions(policy: RepetitionPolicy(repetitions: repetitions)))
            let cal = Calibration.measure(shapes: runner.graphs.flatMap(\.graph.gemmShapes), repetitions: repetitions) { note("  measuring \($0)") }
            let machine = MachineFingerprint.current()
            print(CalibrationRender(machine: machine, calibration: cal).table())
            if let outFile {
                try CalibrationFile(machine: machine, calibration: cal).write(outFile)
                note("wrote \(outFile.path)")
            }
        }
    }
}
