import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema

/// `portbench calibrate`: the suite whose GEMM shapes to measure, how often, and where to save the result.
public struct CalibrateRequest: Sendable {
    public var paths = SpecPaths()
    public var names: [String] = []
    public var repetitions = 5
    public var out: String?

    public init() {}
}

extension Commands {
    /// Measures this machine's ceilings (sgemm per shape, memory read bandwidth) and optionally saves them.
    public static func calibrate(_ r: CalibrateRequest, note: @escaping Note) throws -> CommandOutput {
        try checkRepetitions(r.repetitions)
        let suite = try r.paths.locator.suite(for: r.names)
        let outFile = try output(r.out, inputs: SpecPaths.files(of: suite))
        let runner = SuiteRunner(
            suite: suite, options: RunOptions(policy: RepetitionPolicy(repetitions: r.repetitions)))
        let shapes = runner.graphs.flatMap(\.graph.gemmShapes)
        try MemoryBudget.current().checkCalibration(shapes)
        let cal = Calibration.measure(shapes: shapes, repetitions: r.repetitions) { note("  measuring \($0)") }
        let machine = MachineFingerprint.current()
        if let outFile {
            try CalibrationFile(machine: machine, calibration: cal).write(outFile)
            note("wrote \(outFile.path)")
        }
        return CommandOutput(CalibrationRender(machine: machine, calibration: cal).table())
    }
}
