import Foundation
import PortbenchSchema

/// The terminal view of a calibration: the machine and OpenBLAS settings, memory bandwidth and every sgemm rate.
public struct CalibrationRender {
    public let machine: MachineFingerprint
    public let calibration: Calibration

    public init(machine: MachineFingerprint, calibration: Calibration) {
        self.machine = machine
        self.calibration = calibration
    }

    public func table() -> String {
        let m = machine, c = calibration
        let env = m.openblasEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
            separator: " ")
        var out = [
            "machine: \(m.cpuModel), \(m.cores) cores, \(m.openblas.config), core \(m.openblas.corename)",
            "OPENBLAS_* in force: \(env)",
            "memory read bandwidth: best \(fmt(c.memoryReadGigabytesPerSecond, 2)) GB/s, median \(fmt(c.memoryReadMedianGigabytesPerSecond, 2)) GB/s "
                + "(\(c.memoryBufferBytes >> 20) MiB buffer)",
        ]
        // Ceilings are the fastest repetition (the most the machine showed), so the column says "best", not "median".
        var t = TextTable(header: ["sgemm shape (m×n×k)", "calls", "best ms", "GFLOP/s"])
        for r in c.gemm {
            t.rows.append([r.shape.label, "\(r.shape.count)", fmt(r.seconds * 1e3, 3), fmt(r.gflops, 1)])
        }
        out.append(t.render())
        return out.joined(separator: "\n")
    }
}
