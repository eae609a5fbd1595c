import ArgumentParser
import Foundation
import Measurement
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

/// Runs a command body, turning input errors into exit code 2 and other failures into 1, with one clear line.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as SpecError {
        note("error: \(e)")
        throw ExitCode(2)
    } catch let e as WeightError {
        note("error: \(e)")
        throw ExitCode(2)
    } catch let e as SafeTensorsError {
        note("error: \(e)")
        throw ExitCode(2)
    } catch let e as NPYError {
        note("error: \(e)")
        throw ExitCode(2)
    } catch let e as ValidationError {
        note("error: \(e)")
        throw ExitCode(2)
    } catch {
        note("error: \(error)")
        throw ExitCode(1)
    }
}

/// Fixed-width text tables for the terminal.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    func render() -> String {
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

func fmt(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }

func human(flops: Double) -> String {
    if flops >= 1e12 { return fmt(flops / 1e12) + " T" }
    if flops >= 1e9 { return fmt(flops / 1e9) + " G" }
    return fmt(flops / 1e6) + " M"
}
