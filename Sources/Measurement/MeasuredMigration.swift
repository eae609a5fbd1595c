import DeviceModels
import Foundation
import Reference
import Workload

/// One compiled shape of a measured migration: XLA's compile and run time, and the reference's run time.
public struct MeasuredShape: Codable, Equatable, Sendable {
    public var length: Int
    public var xlaCompileSeconds: Double
    public var xlaMedianSeconds: Double
    public var referenceMedianSeconds: Double

    public init(length: Int, xlaCompileSeconds: Double, xlaMedianSeconds: Double, referenceMedianSeconds: Double) {
        self.length = length
        self.xlaCompileSeconds = xlaCompileSeconds
        self.xlaMedianSeconds = xlaMedianSeconds
        self.referenceMedianSeconds = referenceMedianSeconds
    }
}

/// Recompilations under a length distribution, with their measured cost.
public struct MeasuredRecompilation: Codable, Equatable, Sendable {
    public var bucketing: Bool
    public var shapes: [Int]
    public var recompilationsPer1000: Double
    /// Measured compile seconds spent per 1,000 requests.
    public var compileSecondsPer1000: Double
    /// Mean XLA run time per request (padded shapes included), measured.
    public var meanRunSeconds: Double
}

/// `portbench migrate --from cpu:openblas --to xla:cpu`: the move measured on this machine, beside the TPU model.
public struct MeasuredMigration: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var provenance = "measured on this machine (CPU reference and XLA:CPU through PJRT); tpu columns modelled"
    public var referenceMedianSeconds: Double
    public var xlaMedianSeconds: Double
    /// Reference median ÷ XLA median.
    public var speedRatio: Double
    public var xla: BackendDetails
    public var lengths: [WeightedLength]
    public var perShape: [MeasuredShape]
    public var recompilation: [MeasuredRecompilation]
    /// The TPU/XLA-style model's prediction for the same scenario on a TPU (modelled).
    public var modelledDevice: String
    public var modelledSeconds: Double
    public var modelled: [LatencyDistribution]

    /// Expected first sightings of each shape among `requests` draws, and the measured compile cost they bring.
    public static func recompilation(lengths: [WeightedLength], bucketing: Bool, shapes: [Int: MeasuredShape],
                                     requests: Int = 1000) -> MeasuredRecompilation {
        let probability = LengthVariance.shapeProbabilities(lengths, bucketing: bucketing)
        var compiles = 0.0, seconds = 0.0, mean = 0.0
        for (shape, p) in probability {
            let expected = LengthVariance.expectedFirstSightings(probability: p, requests: requests)
            compiles += expected
            seconds += expected * (shapes[shape]?.xlaCompileSeconds ?? 0)
            mean += p * (shapes[shape]?.xlaMedianSeconds ?? 0)
        }
        return MeasuredRecompilation(bucketing: bucketing, shapes: probability.keys.sorted(), recompilationsPer1000: compiles * 1000 / Double(requests),
                                     compileSecondsPer1000: seconds * 1000 / Double(requests), meanRunSeconds: mean)
    }

    /// Every length the measurement needs: the distribution's lengths and their power-of-two buckets.
    public static func shapesToMeasure(_ lengths: [WeightedLength]) -> [Int] {
        Array(Set(lengths.map(\.length) + lengths.map { LengthVariance.nextPowerOfTwo($0.length) })).sorted()
    }
}
