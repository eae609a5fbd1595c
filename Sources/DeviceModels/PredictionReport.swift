import Foundation
import PortbenchSchema
import Workload

extension LayerPrediction {
    /// One layer's prediction from its execution plan on a device.
    public init(graph: LayerGraph, plan: ExecutionPlan, device: DeviceProfile, peak: Double) {
        let tokens = Double(graph.scenario.tokens)
        self.init(
            scenario: graph.scenario.name, seconds: plan.seconds, tokensPerSecond: tokens / plan.seconds,
            modelFlopsUtilization: graph.totalCost.flops / plan.seconds / peak, hbmBytes: plan.bytes,
            launches: plan.launches,
            paddingWasteFlops: plan.paddingWasteFlops, bytesSavedByFusion: plan.bytesSavedByFusion,
            joulesPerToken: device.powerW.value * plan.seconds / tokens,
            dollarsPerMillionTokens: device.pricePerChipHour.map { $0.value / 3600 * plan.seconds / tokens * 1e6 },
            boundShare: plan.kernels.filter { $0.bound == .compute }.reduce(0) { $0 + $1.seconds } / plan.seconds,
            hazards: plan.hazards)
    }
}

extension PredictionReport {
    public static func make(
        workload w: WorkloadSpec, device: DeviceProfile, catalog: DeviceCatalog, options: AdapterOptions
    ) throws -> PredictionReport {
        let adapter = makeAdapter(for: device, catalog: catalog)
        let layers = w.scenarios.map { s -> LayerPrediction in
            let g = LayerGraph.lower(w.config, s)
            let plan = adapter.lower(g, options: options)
            return LayerPrediction(graph: g, plan: plan, device: device, peak: adapter.peak(plan.precision))
        }
        let serving = try w.serve.map { try ServePredictor(adapter: adapter, options: options).predict(w, $0) }
        return PredictionReport(
            workload: w.name, device: device.name, style: device.style, options: options, layers: layers,
            serving: serving)
    }
}
