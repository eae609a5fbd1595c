import Foundation
import Kernels
import PortbenchSchema
import Workload

/// A layer's weights by canonical name ("q.weight", "experts.3.down.weight", …), fp32.
public final class WeightStore: @unchecked Sendable {
    public private(set) var tensors: [String: Tensor]
    /// Where the weights came from ("seeded 42", a safetensors path), for result documents.
    public let origin: String

    public init(tensors: [String: Tensor], origin: String) {
        self.tensors = tensors
        self.origin = origin
    }

    public subscript(name: String) -> Tensor? { tensors[name] }

    /// Seeded deterministic weights scaled like real initialisation: linear weights N(0, 0.02) (HF `initializer_range`).
    /// Biases (0.02·N) and norm scales (1 + 0.1·N) are perturbed from their zero/one start so every term is exercised.
    public static func seeded(for weights: [WeightInfo], seed: UInt64) -> WeightStore {
        var out: [String: Tensor] = [:]
        for w in weights {
            let t = Tensor(shape: w.shape)
            switch w.kind {
            case .linear: t.fillNormal(seed: seed, name: w.name, std: 0.02)
            case .linearBias, .normBias: t.fillNormal(seed: seed, name: w.name, std: 0.02)
            case .normScale: t.fillNormal(seed: seed, name: w.name, mean: 1, std: 0.1)
            }
            out[w.name] = t
        }
        return WeightStore(tensors: out, origin: "seeded \(seed)")
    }

    /// Checks that every weight the graph needs is here with its shape.
    public func check(against weights: [WeightInfo]) throws {
        for w in weights {
            guard let t = tensors[w.name] else {
                throw WeightError.missing(name: w.name, expected: w.shape, source: origin)
            }
            guard t.shape == w.shape else {
                throw WeightError.shape(name: w.name, expected: w.shape, actual: t.shape, source: origin)
            }
        }
    }
}

/// A weight that is missing or mis-shaped, naming the tensor (as the checkpoint names it) and the expected shape.
public enum WeightError: InputError, Equatable {
    case missing(name: String, expected: [Int], source: String)
    case shape(name: String, expected: [Int], actual: [Int], source: String)

    public var description: String {
        switch self {
        case .missing(let name, let expected, let source):
            return "\(source): tensor '\(name)' is missing; expected shape \(expected)"
        case .shape(let name, let expected, let actual, let source):
            return "\(source): tensor '\(name)' has shape \(actual); expected \(expected)"
        }
    }
}
