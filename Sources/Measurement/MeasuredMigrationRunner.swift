import DeviceModels
import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

/// Measures a workload's move from the CPU reference to XLA on this machine, shape by shape, and sets the
/// TPU/XLA-style model's prediction beside it.
public struct MeasuredMigrationRunner {
    /// Runs one XLA case in a worker, also compiling and timing it at each of `lengths`.
    public typealias XLAMeasure = (WorkloadSpec, Scenario, [Int]) throws -> (
        samplesNs: [UInt64], details: BackendDetails, shapes: [MeasuredShape]
    )

    public let policy: RepetitionPolicy
    public let seed: UInt64
    public let xla: XLAMeasure
    public let model: Adapter
    public let modelOptions: AdapterOptions

    public init(
        policy: RepetitionPolicy, seed: UInt64, xla: @escaping XLAMeasure, model: Adapter, modelOptions: AdapterOptions
    ) {
        self.policy = policy
        self.seed = seed
        self.xla = xla
        self.model = model
        self.modelOptions = modelOptions
    }

    public func run(_ w: WorkloadSpec, progress: (String) -> Void) throws -> [MeasuredMigration] {
        var weights: WeightStore?
        return try w.scenarios.map { s in
            let graph = LayerGraph.lower(w.config, s)
            if weights == nil { weights = .seeded(for: graph.weights, seed: seed) }
            progress("\(w.name)/\(s.name): CPU reference")
            let reference = try referenceMedian(graph, weights!)
            let lengths = s.lengths.count > 1 ? MeasuredMigration.shapesToMeasure(s.lengths) : []
            progress("\(w.name)/\(s.name): XLA in a worker\(lengths.isEmpty ? "" : " (+\(lengths.count) shapes)")")
            var (samples, details, shapes) = try xla(w, s, lengths)
            for i in shapes.indices {
                shapes[i].referenceMedianSeconds = try referenceMedian(
                    LayerGraph.lower(w.config, s.with(length: shapes[i].length)), weights!)
            }
            let xlaMedian = SampleStatistics(samples.map { Double($0) * 1e-9 }).median
            details.speedupOverReference = reference / xlaMedian
            let byShape = Dictionary(uniqueKeysWithValues: shapes.map { ($0.length, $0) })
            let recompilation =
                s.lengths.count > 1
                ? [false, true].map {
                    MeasuredMigration.recompilation(lengths: s.lengths, bucketing: $0, shapes: byShape)
                } : []
            let modelled = [false, true].map { b -> LatencyDistribution in
                var o = modelOptions
                o.bucketing = b
                return LengthVariance.predict(w.config, s, adapter: model, options: o)
            }
            return MeasuredMigration(
                workload: w.name, scenario: s.name, referenceMedianSeconds: reference, xlaMedianSeconds: xlaMedian,
                speedRatio: reference / xlaMedian, xla: details, lengths: s.lengths, perShape: shapes,
                recompilation: recompilation, modelledDevice: model.device.name,
                modelledSeconds: model.lower(graph, options: modelOptions).seconds, modelled: modelled)
        }
    }

    func referenceMedian(_ graph: LayerGraph, _ weights: WeightStore) throws -> Double {
        let exec = try LayerExecutor(graph: graph, weights: weights)
        exec.fillSeededInputs(seed: seed)
        return SampleStatistics(policy.sample { exec.run() }.map { Double($0) * 1e-9 }).median
    }
}
