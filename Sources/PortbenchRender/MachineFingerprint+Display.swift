import Foundation
import PortbenchSchema

extension MachineFingerprint {
    /// The OPENBLAS_* variables in force, sorted ("OPENBLAS_CORETYPE=Haswell …"), or "none".
    var environmentText: String {
        let env = openblasEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return env.isEmpty ? "none" : env.joined(separator: " ")
    }

    /// The run settings that change timings: threads, OpenBLAS core, OPENBLAS_* variables.
    var settingsLine: String {
        "threads \(openblas.threads), OpenBLAS core \(openblas.corename) (\(openblas.config)), OPENBLAS_*: "
            + environmentText
    }

    /// The commit, marked when the tree was dirty.
    var commitText: String { ReportFormatting.shortCommit(gitCommit) + (gitDirty ? " (dirty)" : "") }

    /// (field, value) rows of the fingerprint, as the report prints them.
    var rows: [(String, String)] {
        [
            ("CPU", cpuModel), ("cores", "\(cores)"), ("memory", "\(memoryBytes >> 30) GiB"), ("OS", os),
            ("kernel", kernel), ("host", hostname), ("Swift", swiftVersion),
            ("OpenBLAS", "\(openblas.version), \(openblas.config)"), ("OpenBLAS core", openblas.corename),
            ("OpenBLAS threads", "\(openblas.threads)"), ("OPENBLAS_*", environmentText), ("commit", commitText),
            ("comparability key", comparabilityKey),
        ]
    }
}
