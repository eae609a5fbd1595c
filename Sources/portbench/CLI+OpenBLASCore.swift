import ArgumentParser
import Foundation
import PortbenchCommands

/// `--openblas-core` on the commands that run kernels: decided before any work, re-executing this process with
/// `OPENBLAS_CORETYPE` set when portbench picks a core (OpenBLAS reads it only when it is loaded).
struct OpenBLASCoreOptions: ParsableArguments {
    @Option(
        name: .customLong("openblas-core"),
        help:
            "auto (replace an OpenBLAS fallback with the best core that passes a self-check), keep, or a core name (e.g. Haswell, SkylakeX)."
    ) var openblasCore: String = "auto"

    /// Decides, and re-executes (same arguments) when a core was picked; returns only to go on.
    func apply() throws {
        try execute {
            if let environment = try Commands.openBLASCore(openblasCore, note: note) {
                try reexec(with: environment)
            }
            return CommandOutput("")
        }
    }

    /// execve of this executable with the same arguments and `environment` set over this process's.
    func reexec(with environment: [String: String]) throws {
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let args = CommandLine.arguments
        let cArgs = args.map { strdup($0) } + [nil], cEnv = env.map { strdup($0) } + [nil]
        execve("/proc/self/exe", cArgs, cEnv)
        throw OpenBLASCoreError("cannot re-execute /proc/self/exe: \(String(cString: strerror(errno)))")
    }
}
