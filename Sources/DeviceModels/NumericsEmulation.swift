import Foundation
import Reference
import Workload

/// How far a style's precision moves a layer's output from the fp32 reference, run on the CPU: weights and GEMM
/// operands rounded to the style's format (round to nearest even; fp8 with a per-tensor scale), products
/// accumulated in fp32 by OpenBLAS as tensor cores and MXUs accumulate, activations stored in the style's
/// storage format between ops.
public struct NumericDrift: Codable, Equatable, Sendable {
    public var precision: Precision
    /// Computed, not modelled: the emulation runs the real kernels on this machine.
    public var provenance = "emulated on CPU"
    public var relativeL2: Double
    public var maxAbsError: Double
    public var cosineSimilarity: Double

    public init(precision: Precision, reference: [Float], emulated: [Float]) {
        self.precision = precision
        let c = OutputComparison(reference: reference, candidate: emulated)
        relativeL2 = c.relativeL2
        maxAbsError = c.maxAbsError
        cosineSimilarity = c.cosineSimilarity
    }
}

public enum NumericsEmulation {
    /// Runs the graph in fp32 and in `precision` on the same seeded weights and inputs and measures the drift.
    public static func drift(graph: LayerGraph, weights: WeightStore, seed: UInt64, precision: Precision) throws -> NumericDrift {
        let reference = try LayerExecutor(graph: graph, weights: weights)
        reference.fillSeededInputs(seed: seed)
        reference.run()
        let want = reference.output.array

        let rounded = precision == .fp32 ? weights : WeightStore(tensors: weights.tensors.mapValues { t in
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
