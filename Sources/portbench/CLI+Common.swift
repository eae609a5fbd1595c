import ArgumentParser
import Foundation
import Kernels
import Measurement
import PortbenchRender
import PortbenchSchema
import Reference
import DeviceModels
import Workload

/// Options every command that reads specs shares.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of workload specs (default: $PORTBENCH_WORKLOADS or ./Workloads).")
    var workloads: String?

    @Option(name: .long, help: "Folder of device profiles and styles.yaml (default: $PORTBENCH_DEVICES or ./Devices).")
    var devices: String?

    var locator: SpecLocator {
        let dir = workloads ?? ProcessInfo.processInfo.environment["PORTBENCH_WORKLOADS"] ?? "Workloads"
        return SpecLocator(workloadsDirectory: URL(fileURLWithPath: dir))
    }

    /// The spec files a suite was read from (outputs must never overwrite them).
    static func files(of suite: Suite) -> [String] {
        [suite.file].compactMap { $0 } + suite.entries.compactMap(\.workload.file)
    }

    func catalog() throws -> DeviceCatalog {
        let dir = devices ?? ProcessInfo.processInfo.environment["PORTBENCH_DEVICES"] ?? "Devices"
        return try DeviceCatalog.load(directory: URL(fileURLWithPath: dir))
    }

    /// One workload by name or path.
    func workload(_ name: String) throws -> WorkloadSpec {
        let suite = try locator.suite(for: [name])
        guard suite.entries.count == 1 else {
            throw SpecError(file: name, path: "", message: "expected one workload, got a suite of \(suite.entries.count)")
        }
        return suite.entries[0].workload
    }
}

/// Writes to standard error (progress and diagnostics never mix with the table on stdout).
func note(_ text: String) {
    FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
}

/// Runs a command body, turning input and usage errors into `ExitStatus.badInput` and other failures into
/// `ExitStatus.failure`, with one clear line on stderr.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as InputError {
        note("error: \(e)")
        throw ExitCode(ExitStatus.badInput.rawValue)
    } catch let e as ValidationError {
        note("error: \(e.message)")
        throw ExitCode(ExitStatus.badInput.rawValue)
    } catch {
        note("error: \(error)")
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}

/// Checks where a command will write before it does any work (see `OutputFile`).
func output(_ path: String?, role: String = "--out", inputs: [String]) throws -> OutputFile? {
    try path.map { try OutputFile.check($0, role: role, inputs: inputs) }
}

