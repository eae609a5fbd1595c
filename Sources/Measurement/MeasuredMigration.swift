import DeviceModels
import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

extension MeasuredMigration {
    /// Expected first sightings of each shape among `requests` draws, and the measured compile cost they bring.
    public static func recompilation(
        lengths: [WeightedLength], bucketing: Bool, shapes: [Int: MeasuredShape],
        requests: Int = 1000
    ) -> MeasuredRecompilation {
        let probability = LengthVariance.shapeProbabilities(lengths, bucketing: bucketing)
        var compiles = 0.0, seconds = 0.0, mean = 0.0
        for (shape, p) in probability {
            let expected = LengthVariance.expectedFirstSightings(probability: p, requests: requests)
            compiles += expected
            seconds += expected * (shapes[shape]?.xlaCompileSeconds ?? 0)
            mean += p * (shapes[shape]?.xlaMedianSeconds ?? 0)
        }
        return MeasuredRecompilation(
            bucketing: bucketing, shapes: probability.keys.sorted(),
            recompilationsPer1000: compiles * 1000 / Double(requests),
            compileSecondsPer1000: seconds * 1000 / Double(requests), meanRunSeconds: mean)
    }
    /// Every length the measurement needs: the distribution's lengths and their power-of-two buckets.
    public static func shapesToMeasure(_ lengths: [WeightedLength]) -> [Int] {
        Array(Set(lengths.map(\.length) + lengths.map { LengthVariance.nextPowerOfTwo($0.length) })).sorted()
    }
}
