import Foundation
import PortbenchSchema
import Workload

/// Modelled figures for one layer scenario on one device.
public struct LayerPrediction: Codable, Equatable, Sendable {
    public var scenario: String
    public var provenance = "modelled"
    public var seconds: Double
    public var tokensPerSecond: Double
    public var modelFlopsUtilization: Double
    public var hbmBytes: Double
    public var launches: Int
    public var paddingWasteFlops: Double
    public var bytesSavedByFusion: Double
    public var joulesPerToken: Double
    public var dollarsPerMillionTokens: Double?
    public var boundShare: Double
    public var hazards: [String]

    public init(graph: LayerGraph, plan: ExecutionPlan, device: DeviceProfile, peak: Double) {
        scenario = graph.scenario.name
        seconds = plan.seconds
        let tokens = Double(graph.scenario.tokens)
        tokensPerSecond = tokens / plan.seconds
        modelFlopsUtilization = graph.totalCost.flops / plan.seconds / peak
        hbmBytes = plan.bytes
        launches = plan.launches
        paddingWasteFlops = plan.paddingWasteFlops
        bytesSavedByFusion = plan.bytesSavedByFusion
        joulesPerToken = device.powerW.value * plan.seconds / tokens
        dollarsPerMillionTokens = device.pricePerChipHour.map { $0.value / 3600 * plan.seconds / tokens * 1e6 }
        boundShare = plan.kernels.filter { $0.bound == "compute" }.reduce(0) { $0 + $1.seconds } / plan.seconds
        hazards = plan.hazards
    }
}

/// Everything `portbench predict` shows for a workload on a device: every layer scenario and serve scenario.
public struct PredictionReport: Codable, Equatable, Sendable {
    public var workload: String
    public var device: String
    public var style: ExecutionStyle
    public var options: AdapterOptions
    public var provenance = "modelled"
    public var layers: [LayerPrediction]
    public var serving: [ServePrediction]

    public static func make(workload w: WorkloadSpec, device: DeviceProfile, catalog: DeviceCatalog, options: AdapterOptions) throws -> PredictionReport {
        let adapter = makeAdapter(for: device, catalog: catalog)
        let layers = w.scenarios.map { s -> LayerPrediction in
            let g = LayerGraph.lower(w.config, s)
            let plan = adapter.lower(g, options: options)
            return LayerPrediction(graph: g, plan: plan, device: device, peak: adapter.peak(plan.precision))
        }
        let serving = try w.serve.map { try ServePredictor(adapter: adapter, options: options).predict(w, $0) }
        return PredictionReport(workload: w.name, device: device.name, style: device.style, options: options, layers: layers, serving: serving)
    }

    public static func encoder() -> JSONEncoder { JSONCoding.encoder() }
}
