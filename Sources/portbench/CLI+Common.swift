import ArgumentParser
import Foundation
import PortbenchCommands
import PortbenchSchema

/// Options every command that reads specs shares.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of workload specs (default: $PORTBENCH_WORKLOADS or ./Workloads).")
    var workloads: String?

    @Option(name: .long, help: "Folder of device profiles and styles.yaml (default: $PORTBENCH_DEVICES or ./Devices).")
    var devices: String?

    var paths: SpecPaths { SpecPaths(workloads: workloads, devices: devices) }

    /// The same options as arguments for a child `portbench run`.
    var arguments: [String] {
        (workloads.map { ["--workloads", $0] } ?? []) + (devices.map { ["--devices", $0] } ?? [])
    }
}

/// Flags shared by the commands that drive device models.
struct ModelOptions: ParsableArguments {
    @Option(help: "Precision: fp32, tf32, bf16, fp16, fp8-e4m3, fp8-e5m2.") var precision: String = "bf16"
    @Option(help: "Chips (default: the smallest count that fits).") var chips: Int?
    @Flag(name: .customLong("eager"), help: "CUDA: no graph capture (a launch overhead per kernel).") var eager = false
    @Flag(name: .customLong("unfused-attention"), help: "CUDA: materialise attention scores in HBM.") var unfused =
        false
    @Flag(name: .customLong("no-bucketing"), help: "XLA: compile every distinct sequence length.") var noBucketing =
        false

    var request: ModelRequest {
        var m = ModelRequest()
        m.precision = precision
        m.chips = chips
        m.eager = eager
        m.unfusedAttention = unfused
        m.noBucketing = noBucketing
        return m
    }
}

/// Writes to standard error (progress and diagnostics never mix with the table on stdout).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs one library command: prints its output, exits with its status, and maps errors to the exit-code table
/// (input and usage errors 2, anything else 1), with one clear line on stderr.
func execute(_ body: () throws -> CommandOutput) throws {
    do {
        let out = try body()
        if !out.text.isEmpty { print(out.text) }
        if out.status != .success { throw ExitCode(out.status.rawValue) }
    } catch let e as ExitCode {
        throw e
    } catch let e as InputError {
        note("error: \(e)")
        throw ExitCode(ExitStatus.badInput.rawValue)
    } catch {
        note("error: \(error)")
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}
