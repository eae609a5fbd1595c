import Foundation
import PortbenchSchema

/// What a named tensor of a graph is for: fed in, carried between steps (KV cache), produced inside, or the result.
public enum ValueRole: String, Sendable {
    case input, state, intermediate, output
}

/// A named fp32 tensor of a graph with its concrete shape.
public struct ValueInfo: Equatable, Sendable {
    public var name: String
    public var shape: [Int]
    public var role: ValueRole
    public var count: Int { shape.reduce(1, *) }
}

/// What a weight is, which decides how it is initialised and how it is named in Hugging Face checkpoints.
public enum WeightKind: String, Sendable {
    case linear, linearBias, normScale, normBias
}

/// A named weight of a layer (canonical name such as "q.weight", "experts.3.down.weight") with its shape.
public struct WeightInfo: Equatable, Sendable {
    public var name: String
    public var shape: [Int]
    public var kind: WeightKind
    public var count: Int { shape.reduce(1, *) }
}

/// A layer lowered for one scenario: an ordered op list over named values with concrete shapes.
/// The reference executes it, device models lower it, reports count its FLOPs and bytes.
public struct LayerGraph: Sendable {
    public var config: TransformerConfig
    public var scenario: Scenario
    public var values: [ValueInfo]
    public var weights: [WeightInfo]
    public var ops: [Op]

    public static let inputName = "x"
    public static let outputName = "out"
    public static let keyCacheName = "k_cache"
    public static let valueCacheName = "v_cache"

    public func value(_ name: String) -> ValueInfo? { values.first { $0.name == name } }

    public var totalCost: OpCost { ops.reduce(.zero) { $0 + $1.cost } }

    /// GEMM shapes over the whole graph, merged by shape.
    public var gemmShapes: [GemmShape] {
        var counts: [GemmShape: Int] = [:]
        var order: [GemmShape] = []
        for shape in ops.flatMap(\.gemmShapes) {
            if counts[shape.key] == nil { order.append(shape.key) }
            counts[shape.key, default: 0] += shape.count
        }
        return order.map {
            var s = $0
            s.count = counts[$0]!
            return s
        }
    }

    public var weightBytes: Double { Double(weights.reduce(0) { $0 + $1.count }) * 4 }
    /// Bytes a repetition of the layer reads that stay resident between repetitions: its weights and KV caches.
    public var residentBytes: Double {
        let caches = [Self.keyCacheName, Self.valueCacheName].compactMap { value($0) }
        return weightBytes + Double(caches.reduce(0) { $0 + $1.shape.reduce(1, *) }) * 4
    }
}
