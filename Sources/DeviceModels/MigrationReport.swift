import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

extension MigrationReport {
    public static func make(
        workload w: WorkloadSpec, from a: DeviceProfile, to b: DeviceProfile, catalog: DeviceCatalog,
        options: AdapterOptions, numerics: Bool, seed: UInt64
    ) throws -> MigrationReport {
        let (adapterA, adapterB) = (makeAdapter(for: a, catalog: catalog), makeAdapter(for: b, catalog: catalog))
        var weights: WeightStore?
        let rows = try w.scenarios.map { s -> MigrationRow in
            let graph = LayerGraph.lower(w.config, s)
            if numerics, weights == nil { weights = .seeded(for: graph.weights, seed: seed) }
            // Numerics depend only on the effective precision: emulate each distinct one once per scenario.
            var drifts: [Precision: NumericDrift] = [:]
            let drift: (Precision) throws -> NumericDrift? = { p in
                guard let weights else { return nil }
                if let d = drifts[p] { return d }
                let d = try NumericsEmulation.drift(graph: graph, weights: weights, seed: seed, precision: p)
                drifts[p] = d
                return d
            }
            let sideA = try side(w, graph, adapterA, options, drift: drift)
            let sideB = try side(w, graph, adapterB, options, drift: drift)
            return MigrationRow(
                scenario: s.name, from: sideA, to: sideB,
                throughputRatio: sideB.layer.tokensPerSecond / sideA.layer.tokensPerSecond,
                latencyRatio: sideB.layer.seconds / sideA.layer.seconds,
                hazards: hazards(
                    s, from: MigrationEnd(adapter: adapterA, side: sideA),
                    to: MigrationEnd(adapter: adapterB, side: sideB), options: options))
        }
        return MigrationReport(
            workload: w.name, from: a.name, to: b.name, requestedPrecision: options.precision, rows: rows)
    }
    static func side(
        _ w: WorkloadSpec, _ graph: LayerGraph, _ adapter: Adapter, _ options: AdapterOptions,
        drift: (Precision) throws -> NumericDrift?
    ) throws -> MigrationSide {
        let plan = adapter.lower(graph, options: options)
        let layer = LayerPrediction(
            graph: graph, plan: plan, device: adapter.device, peak: adapter.peak(plan.precision))
        // Chips needed is the smallest count that fits, whatever --chips says.
        var fitting = options
        fitting.chips = nil
        let predictor = ServePredictor(adapter: adapter, options: fitting)
        let need: Double
        if let model = w.model {
            need = predictor.memoryNeeded(
                w, model: model, batch: graph.scenario.batch, tokens: graph.scenario.totalLength,
                precision: plan.precision)
        } else {
            need = graph.totalCost.weightBytes * plan.precision.bytes / 4
        }
        let chips = predictor.chips(need: need)
        return MigrationSide(
            device: adapter.device.name, style: adapter.device.style, precision: plan.precision, layer: layer,
            variance: LengthVariance.predict(graph.config, graph.scenario, adapter: adapter, options: options),
            numerics: try drift(plan.precision), chipsNeeded: chips,
            paddingWasteFraction: plan.paddingWasteFlops / max(graph.totalCost.flops, 1))
    }
    /// What a team must change or watch when moving: the target's own hazards, a precision change, and what the
    /// target style says a move into it brings (kernels without an equivalent, dynamic shapes, fit).
    static func hazards(_ s: Scenario, from a: MigrationEnd, to b: MigrationEnd, options: AdapterOptions) -> [String] {
        var out = b.side.layer.hazards
        if a.side.precision != b.side.precision {
            out.append(
                "precision changes: \(a.side.precision.rawValue) on \(a.side.device) → \(b.side.precision.rawValue) on \(b.side.device)"
            )
        }
        out += b.adapter.migrationHazards(from: a, to: b.side, scenario: s, options: options)
        return Array(NSOrderedSet(array: out)) as! [String]
    }
}
