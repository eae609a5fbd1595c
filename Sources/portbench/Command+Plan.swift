import ArgumentParser
import DeviceModels
import Foundation
import PortbenchRender
import PortbenchSchema
import Workload

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show how a style lowers a layer scenario: kernels, fusions, padding, chips (modelled times).")
    @OptionGroup var specs: SpecOptions
    @OptionGroup var model: ModelOptions
    @Argument(help: "Workload name or file.") var workload: String
    @Option(help: "Scenario name (default: the first).") var scenario: String?
    @Option(help: "Device, e.g. cuda:h100-sxm, xla:tpu-v6e, lpu:groq-lpu.") var device: String

    func run() throws {
        try guarded {
            let catalog = try specs.catalog()
            let w = try specs.workload(workload)
            guard let s = scenario.map({ w.scenario(named: $0) }) ?? w.scenarios.first else {
                throw SpecError(file: w.file ?? w.name, path: "scenarios", message: "no scenario '\(scenario ?? "")'; it has: \(w.scenarios.map(\.name).joined(separator: ", "))")
            }
            let d = try catalog.device(device)
            let plan = makeAdapter(for: d, catalog: catalog).lower(LayerGraph.lower(w.config, s), options: try model.options())
            print("\(w.name)/\(s.name) on \(d.name): \(d.style.rawValue)-style plan in \(plan.precision.rawValue) — times MODELLED")
            var t = TextTable(header: ["unit", "kind", "ops", "GFLOP", "executed GFLOP", "MB moved", "launches", "µs (modelled)", "bound", "detail"])
            for k in plan.kernels {
                t.rows.append([k.name, k.kind, k.ops.joined(separator: "+"), fmt(k.flops / 1e9, 3), fmt(k.executedFlops / 1e9, 3),
                               fmt(k.bytes / 1e6, 2), "\(k.launches)", fmt(k.seconds * 1e6, 1), k.bound, k.note])
            }
            print(t.render())
            print(String(format: "total %.1f µs; %d launches; padding waste %.2f GFLOP, %.1f MB; fusion saved %.1f MB of HBM traffic",
                         plan.seconds * 1e6, plan.launches, plan.paddingWasteFlops / 1e9, plan.paddingWasteBytes / 1e6, plan.bytesSavedByFusion / 1e6))
            for h in plan.hazards { print("hazard: \(h)") }
        }
    }
}
