import Foundation
import PortbenchSchema

extension Op {
    /// Values (not weights) the op reads.
    public var inputs: [String] {
        switch kind {
        case .matmul(let o): return [o.input]
        case .batchedMatmul(let o): return [o.a, o.b]
        case .softmax(let o): return [o.input]
        case .rmsNorm(let o), .layerNorm(let o): return [o.input]
        case .rope(let o): return [o.input]
        case .activation(let o): return [o.input] + (o.multiplier.map { [$0] } ?? [])
        case .add(let o): return [o.a, o.b]
        case .router(let o): return [o.logits]
        case .moeExperts(let o): return [o.input, o.routing]
        case .kvAppend(let o): return [o.input]
        }
    }

    /// Values the op writes (a KV append writes into its cache).
    public var outputs: [String] {
        switch kind {
        case .matmul(let o): return [o.output]
        case .batchedMatmul(let o): return [o.output]
        case .softmax(let o): return [o.output]
        case .rmsNorm(let o), .layerNorm(let o): return [o.output]
        case .rope(let o): return [o.output]
        case .activation(let o): return [o.output]
        case .add(let o): return [o.output]
        case .router(let o): return [o.output]
        case .moeExperts(let o): return [o.output]
        case .kvAppend(let o): return [o.cache]
        }
    }

    /// Weights the op reads.
    public var weightNames: [String] {
        switch kind {
        case .matmul(let o): return [o.weight] + (o.bias.map { [$0] } ?? [])
        case .rmsNorm(let o), .layerNorm(let o): return [o.weight] + (o.bias.map { [$0] } ?? [])
        case .moeExperts(let o):
            return (0..<o.experts).flatMap {
                ["experts.\($0).gate.weight", "experts.\($0).up.weight", "experts.\($0).down.weight"]
            }
        case .batchedMatmul, .softmax, .rope, .activation, .add, .router, .kvAppend: return []
        }
    }
}
