import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

public enum NumericsEmulation {
    /// Runs the graph in fp32 and in `precision` on the same seeded weights and inputs and measures the drift.
    public static func drift(graph: LayerGraph, weights: WeightStore, seed: UInt64, precision: Precision) throws
        -> NumericDrift
    {
        let reference = try LayerExecutor(graph: graph, weights: weights)
        reference.fillSeededInputs(seed: seed)
        reference.run()
        let want = reference.output.array

        let rounded =
            precision == .fp32
            ? weights
            : WeightStore(
                tensors: weights.tensors.mapValues { t in
                    let c = Tensor(shape: t.shape)
                    c.copy(from: t)
                    precision.quantize(c.data, count: c.count)
                    return c
                }, origin: "\(weights.origin) rounded to \(precision.rawValue)")
        let emulated = try LayerExecutor(graph: graph, weights: rounded)
        emulated.fillSeededInputs(seed: seed)
        precision.storage.round(emulated.input.data, count: emulated.input.count)
        for cache in [LayerGraph.keyCacheName, LayerGraph.valueCacheName] {
            precision.kvCache.round(emulated.tensor(cache).data, count: emulated.tensor(cache).count)
        }
        emulated.operandTransform = { p, n in precision.quantize(p, count: n) }
        emulated.outputTransform = { p, n in precision.storage.round(p, count: n) }
        emulated.run()
        return NumericDrift(precision: precision, reference: want, emulated: emulated.output.array)
    }
}

extension NumericDrift {
    /// The drift of `emulated` from `reference`.
    public init(precision: Precision, reference: [Float], emulated: [Float]) {
        let c = OutputComparison(reference: reference, candidate: emulated)
        self.init(
            precision: precision, relativeL2: c.relativeL2, maxAbsError: c.maxAbsError,
            cosineSimilarity: c.cosineSimilarity)
    }
}
