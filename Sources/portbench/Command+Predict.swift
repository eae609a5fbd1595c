import ArgumentParser
import DeviceModels
import Foundation
import PortbenchRender
import PortbenchSchema
import Workload

/// Flags shared by the commands that drive device models.
struct ModelOptions: ParsableArguments {
    @Option(help: "Precision: fp32, tf32, bf16, fp16, fp8-e4m3, fp8-e5m2.") var precision: String = "bf16"
    @Option(help: "Chips (default: the smallest count that fits).") var chips: Int?
    @Flag(name: .customLong("eager"), help: "CUDA: no graph capture (a launch overhead per kernel).") var eager = false
    @Flag(name: .customLong("unfused-attention"), help: "CUDA: materialise attention scores in HBM.") var unfused = false
    @Flag(name: .customLong("no-bucketing"), help: "XLA: compile every distinct sequence length.") var noBucketing = false

    func options() throws -> AdapterOptions {
        guard let p = Precision(rawValue: precision) else {
            throw ValidationError("--precision: unknown '\(precision)'; expected one of: \(Precision.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let c = chips, c < 1 { throw ValidationError("--chips must be at least 1, got \(c)") }
        return AdapterOptions(precision: p, fusedAttention: !unfused, graphCapture: !eager, bucketing: !noBucketing, chips: chips)
    }
}

struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Modelled figures for every scenario of a workload on one device (predictions, not measurements).")
    @OptionGroup var specs: SpecOptions
    @OptionGroup var model: ModelOptions
    @Argument(help: "Workload name or file.") var workload: String
    @Option(help: "Device, e.g. h100-sxm or xla:tpu-v6e.") var device: String
    @Option(help: "table or json.") var format: String = "table"

    func run() throws {
        try guarded {
            guard ["table", "json"].contains(format) else { throw ValidationError("--format: expected table or json, got '\(format)'") }
            let catalog = try specs.catalog()
            let w = try specs.workload(workload)
            let d = try catalog.device(device)
            let report = try PredictionReport.make(workload: w, device: d, catalog: catalog, options: try model.options())
            if format == "json" {
                print(String(decoding: try PredictionReport.encoder().encode(report), as: UTF8.self))
            } else {
                print(report.renderTable())
            }
        }
    }
}
