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
            "machine: \(m.cpuModel), \(m.cores) cores, \(m.openblas.config), core \(m.openblas.corename)\(m.coreSourceText)",
            "OPENBLAS_* in force: \(env)",
            "memory read bandwidth: best \(fmt(c.memoryReadGigabytesPerSecond, 2)) GB/s, median \(fmt(c.memoryReadMedianGigabytesPerSecond, 2)) GB/s "
                + "(\(c.memoryBufferBytes >> 20) MiB buffer)",
        ]
        if let warning = m.coreFallbackWarning { out.insert(warning, at: 1) }
        for p in c.peakFlops ?? [] {
            out.append("peak fp32 \(p.isa.label): \(fmt(p.gflops, 1)) GFLOP/s (\(p.threads) threads)")
        }
        // Ceilings are the fastest repetition (the most the machine showed), so the column says "best", not "median".
        let peak = c.peakGflops
        var t = TextTable(
            header: ["sgemm shape (m×n×k)", "calls", "best ms", "GFLOP/s"] + (peak != nil ? ["of peak fp32"] : []))
        for r in c.gemm {
            t.rows.append(
                [r.shape.label, "\(r.shape.count)", fmt(r.seconds * 1e3, 3), fmt(r.gflops, 1)]
                    + (peak.map { [fmt(r.gflops / $0 * 100, 1) + "%"] } ?? []))
        }
        out.append(t.render())
        return out.joined(separator: "\n")
    }
}
