import Foundation
import Kernels
import PortbenchSchema

extension Tensor {
    /// The first NaN or ±Inf element, as a multi-dimensional index, or nil when every element is finite.
    public func firstNonFinite() -> (index: [Int], value: Float)? {
        for i in 0..<count where !data[i].isFinite {
            var rest = i
            var index = [Int](repeating: 0, count: shape.count)
            for d in shape.indices.reversed() where shape[d] > 0 {
                index[d] = rest % shape[d]
                rest /= shape[d]
            }
            return (index, data[i])
        }
        return nil
    }

    /// Throws `NonFiniteError` naming the file and tensor when any element is NaN or ±Inf.
    public func checkFinite(file: String, tensor name: String) throws {
        if let bad = firstNonFinite() {
            throw NonFiniteError(file: file, tensor: name, index: bad.index, value: bad.value)
        }
    }
}

/// NaN or ±Inf in a weight or an input: refused unless the user asked to run anyway (`--allow-nonfinite`).
public struct NonFiniteError: InputError, Equatable {
    public let file: String
    public let tensor: String
    public let index: [Int]
    public let value: Float

    public init(file: String, tensor: String, index: [Int], value: Float) {
        self.file = file
        self.tensor = tensor
        self.index = index
        self.value = value
    }

    public var description: String {
        "\(file): tensor '\(tensor)' holds \(value) at index \(index); non-finite data is refused "
            + "(--allow-nonfinite runs anyway and marks the result)"
    }
}
