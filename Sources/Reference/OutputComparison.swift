import Foundation
import Kernels
import PortbenchSchema

/// How far an output is from a reference output: relative L2 error, max absolute error, cosine similarity
/// (accumulated in float64). Shared by the precision emulation and the XLA backend.
public struct OutputComparison: Codable, Equatable, Sendable {
    public var relativeL2: Double
    public var maxAbsError: Double
    public var cosineSimilarity: Double

    public init(reference: [Float], candidate: [Float]) {
        precondition(
            reference.count == candidate.count, "OutputComparison: \(reference.count) vs \(candidate.count) values")
        var num = 0.0, den = 0.0, maxAbs = 0.0, dot = 0.0, nc = 0.0
        for (r, c) in zip(reference, candidate) {
            let (a, b) = (Double(r), Double(c))
            num += (b - a) * (b - a)
            den += a * a
            maxAbs = max(maxAbs, abs(b - a))
            dot += a * b
            nc += b * b
        }
        relativeL2 = (num / max(den, 1e-300)).squareRoot()
        maxAbsError = maxAbs
        cosineSimilarity = dot / max((den * nc).squareRoot(), 1e-300)
    }
}
