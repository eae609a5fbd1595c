import DeviceModels
import Foundation
import PortbenchRender
import PortbenchSchema
import Workload

/// `portbench mlperf`: a workload on a device in MLPerf's Offline and Server scenarios (modelled).
public struct MLPerfRequest: Sendable {
    public var workload = ""
    public var device = ""
    public var model = ModelRequest()
    /// Chips in the whole system; a multiple of the chips per copy (default: one copy).
    public var systemChips: Int?
    public var inputLen = 1024
    public var outputLen = 256
    public var ttftP99Milliseconds = 2000.0
    public var tpotP99Milliseconds = 200.0
    public var samples = 2000
    public var seed: UInt64 = 1
    public var maxBatch: Int?
    public var format = "table"
    public var paths = SpecPaths()

    public init() {}

    func validate() throws {
        try checkQueryLengths(input: inputLen, output: outputLen)
        for (flag, v) in [("--ttft-p99-ms", ttftP99Milliseconds), ("--tpot-p99-ms", tpotP99Milliseconds)]
        where !(v > 0 && v <= 1e7) {
            throw UsageError("\(flag): expected a time above 0 ms, got \(v)")
        }
        guard (10...1_000_000).contains(samples) else {
            throw UsageError("--samples: expected 10...1000000, got \(samples)")
        }
        if let b = maxBatch, !SpecLimits.batch.contains(b) {
            throw UsageError(
                "--max-batch: expected \(SpecLimits.batch.lowerBound)...\(SpecLimits.batch.upperBound), got \(b)")
        }
    }
}

extension Commands {
    public static func mlperf(_ r: MLPerfRequest) throws -> CommandOutput {
        try r.validate()
        let f = try format(r.format, allowed: [.table, .json])
        let options = try r.model.options()
        let catalog = try r.paths.catalog()
        let device = try catalog.device(r.device)
        let w = try r.paths.workload(r.workload)
        let predictor = ServePredictor(
            adapter: makeAdapter(for: device, catalog: catalog), options: options, batching: .continuous)
        let simulation = try ServingSimulation(
            predictor: predictor, workload: w, inputLen: r.inputLen, outputLen: r.outputLen, maxBatch: r.maxBatch)
        var scenarios = MLPerfScenarios(simulation: simulation)
        if let system = r.systemChips {
            guard system >= simulation.chips, system % simulation.chips == 0 else {
                throw UsageError(
                    "--system-chips: expected a multiple of the \(simulation.chips) chip(s) one copy of "
                        + "\(w.name) runs on, got \(system)")
            }
            scenarios.copies = system / simulation.chips
        }
        scenarios.samples = r.samples
        scenarios.seed = r.seed
        scenarios.ttftP99Limit = r.ttftP99Milliseconds / 1e3
        scenarios.tpotP99Limit = r.tpotP99Milliseconds / 1e3
        let report = scenarios.report()
        return CommandOutput(f == .json ? try OutputFormat.json(report) : report.renderTable())
    }
}
