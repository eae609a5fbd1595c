import DeviceModels
import Foundation
import PortbenchRender
import PortbenchSchema
import Workload

/// How the device models run a workload: precision, chips and each style's switches.
public struct ModelRequest: Sendable {
    public var precision = "bf16"
    public var chips: Int?
    public var eager = false
    public var unfusedAttention = false
    public var noBucketing = false

    public init() {}

    public func options() throws -> AdapterOptions {
        guard let p = Precision(rawValue: precision) else {
            throw UsageError(
                "--precision: unknown '\(precision)'; expected one of: \(Precision.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if let c = chips, !SpecLimits.chips.contains(c) {
            throw UsageError("--chips: expected 1...\(SpecLimits.chips.upperBound), got \(c)")
        }
        return AdapterOptions(
            precision: p, fusedAttention: !unfusedAttention, graphCapture: !eager, bucketing: !noBucketing, chips: chips
        )
    }
}

/// A format name from the command line, among the ones a command offers.
func format(_ text: String, allowed: [OutputFormat], extra: [String] = []) throws -> OutputFormat {
    guard let f = OutputFormat(rawValue: text), allowed.contains(f) else {
        let names = allowed.map(\.rawValue) + extra
        throw UsageError("--format: expected \(names.joined(separator: ", ")), got '\(text)'")
    }
    return f
}

extension Commands {
    /// Modelled figures for every scenario of a workload on one device.
    public static func predict(
        workload: String, device: String, model: ModelRequest, format text: String,
        paths: SpecPaths
    ) throws -> CommandOutput {
        let f = try format(text, allowed: [.table, .json])
        let options = try model.options()
        let catalog = try paths.catalog()
        let w = try paths.workload(workload)
        let report = try PredictionReport.make(
            workload: w, device: try catalog.device(device), catalog: catalog, options: options)
        return CommandOutput(f == .json ? try OutputFormat.json(report) : report.renderTable())
    }

    /// How a style lowers one scenario: kernels, fusions, padding, chips (modelled times).
    public static func plan(workload: String, scenario: String?, device: String, model: ModelRequest, paths: SpecPaths)
        throws -> CommandOutput
    {
        let options = try model.options()
        let catalog = try paths.catalog()
        let w = try paths.workload(workload)
        guard let s = scenario.map({ w.scenario(named: $0) }) ?? w.scenarios.first else {
            throw SpecError(
                file: w.file ?? w.name, path: "--scenario",
                message: "no scenario '\(scenario ?? "")'; it has: \(w.scenarios.map(\.name).joined(separator: ", "))")
        }
        let d = try catalog.device(device)
        let plan = makeAdapter(for: d, catalog: catalog).lower(LayerGraph.lower(w.config, s), options: options)
        var t = TextTable(header: [
            "unit", "kind", "ops", "GFLOP", "executed GFLOP", "MB moved", "launches", "µs (modelled)", "bound",
            "detail",
        ])
        for k in plan.kernels {
            t.rows.append([
                k.name, k.kind, k.ops.joined(separator: "+"), fmt(k.flops / 1e9, 3), fmt(k.executedFlops / 1e9, 3),
                fmt(k.bytes / 1e6, 2), "\(k.launches)", fmt(k.seconds * 1e6, 1), k.bound.rawValue, k.note,
            ])
        }
        let lines =
            [
                "\(w.name)/\(s.name) on \(d.name): \(d.style.rawValue)-style plan in \(plan.precision.rawValue) — times MODELLED",
                t.render(),
                String(
                    format:
                        "total %.1f µs; %d launches; padding waste %.2f GFLOP, %.1f MB; fusion saved %.1f MB of HBM traffic",
                    plan.seconds * 1e6, plan.launches, plan.paddingWasteFlops / 1e9, plan.paddingWasteBytes / 1e6,
                    plan.bytesSavedByFusion / 1e6),
            ] + plan.hazards.map { "hazard: \($0)" }
        return CommandOutput(lines.joined(separator: "\n"))
    }
}
