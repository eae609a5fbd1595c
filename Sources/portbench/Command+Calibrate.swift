import ArgumentParser
import PortbenchCommands

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Measure this machine's ceilings: sgemm GFLOP/s for the suite's GEMM shapes and memory read bandwidth.")
    @OptionGroup var specs: SpecOptions
    @OptionGroup var blas: OpenBLASCoreOptions
    @Argument(help: "A suite or workloads whose GEMM shapes to measure (default: the default suite).") var names:
        [String] = []
    @Option(help: "Repetitions per measurement, 1–10000.") var repetitions: Int = 5
    @Option(help: "Write the calibration (with the machine fingerprint) here, for `run --calibration`.") var out:
        String?

    func run() throws {
        try blas.apply()
        var r = CalibrateRequest()
        r.paths = specs.paths
        r.names = names
        r.repetitions = repetitions
        r.out = out
        try execute { try Commands.calibrate(r, note: note) }
    }
}
