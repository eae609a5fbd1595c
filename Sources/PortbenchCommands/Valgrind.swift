import Foundation
import Measurement

/// The valgrind (and objcopy) `run --instrument callgrind` drives: found on PATH or through `PORTBENCH_VALGRIND`.
struct Valgrind {
    let path: String
    /// `valgrind --version`, e.g. `valgrind-3.19.0`.
    let version: String

    /// Finds valgrind; missing is an environment problem (exit 1) that names where it looked.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Valgrind {
        let path: String
        if let explicit = environment["PORTBENCH_VALGRIND"] {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw InstrumentError("PORTBENCH_VALGRIND=\(explicit) is not an executable file")
            }
            path = explicit
        } else {
            guard let found = which("valgrind", environment: environment) else {
                throw InstrumentError(
                    "--instrument callgrind needs valgrind, which is not on PATH; install it with ci/install-deps.sh "
                        + "(Debian: apt-get install valgrind) or point PORTBENCH_VALGRIND at it")
            }
            path = found
        }
        let version = try Subprocess.capture(path, ["--version"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return Valgrind(path: path, version: version)
    }

    /// The arguments that count only what the child brackets: instrumentation off until a client request, one dump
    /// file per counted repetition in `folder`.
    func arguments(outputs folder: String, cacheSim: Bool) -> [String] {
        [
            "--tool=callgrind", "-q", "--instr-atstart=no", "--callgrind-out-file=\(folder)/callgrind.out.%p",
            "--cache-sim=\(cacheSim ? "yes" : "no")",
        ]
    }

    /// Set for the counted child: Swift seeds its hashing per process, so dictionary probes — and with them the
    /// counts — would differ from run to run by a constant (about 1,500 instructions a repetition on tiny-llama).
    static let childEnvironment = ["SWIFT_DETERMINISTIC_HASHING": "1"]
    /// A core portbench picked natively (AVX-512, say) may be one valgrind cannot run: the child's OpenBLAS then
    /// detects its own under valgrind. A core the user set stays.
    static var removedVariables: [String] {
        OpenBLASCoreChoice.markerSource(ProcessInfo.processInfo.environment) == .portbench
            ? ["OPENBLAS_CORETYPE", OpenBLASCoreChoice.markerVariable] : []
    }

    /// A copy of `executable` without debug information: Debian's valgrind 3.19 refuses the release binary's
    /// ("Possibly corrupted debuginfo file", DWARF 5 forms it does not know); the symbol table stays for the dumps.
    static func strippedCopy(of executable: String, into folder: String) throws -> String {
        guard let objcopy = which("objcopy", environment: ProcessInfo.processInfo.environment) else {
            throw InstrumentError("--instrument callgrind needs objcopy (binutils) to strip debug information")
        }
        let copy = "\(folder)/portbench"
        _ = try Subprocess.capture(objcopy, ["--strip-debug", executable, copy])
        return copy
    }

    static func which(_ name: String, environment: [String: String]) -> String? {
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
