import ArgumentParser
import Foundation
import Measurement
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
            print("machine: \(machine.cpuModel), \(machine.cores) cores, \(machine.openblas.config), core \(machine.openblas.corename)")
            print("OPENBLAS_* in force: \(machine.openblasEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
            print("memory read bandwidth: best \(fmt(cal.memoryReadGigabytesPerSecond, 2)) GB/s, median \(fmt(cal.memoryReadMedianGigabytesPerSecond, 2)) GB/s (\(cal.memoryBufferBytes >> 20) MiB buffer)")
            var t = TextTable(header: ["sgemm shape (m×n×k)", "calls", "median ms", "GFLOP/s"])
            for r in cal.gemm { t.rows.append([r.shape.label, "\(r.shape.count)", fmt(r.seconds * 1e3, 3), fmt(r.gflops, 1)]) }
            print(t.render())
            if let outFile {
                try CalibrationFile(machine: machine, calibration: cal).write(outFile)
                note("wrote \(outFile.path)")
            }
        }
    }
}
