import Foundation
import PortbenchSchema
import Workload

public enum LengthVariance {
    /// Predicts the distribution for `scenario.lengths` (its own length alone when it has none).
    public static func predict(
        _ config: TransformerConfig, _ scenario: Scenario, adapter: Adapter, options: AdapterOptions,
        requests: Int = 1000
    ) -> LatencyDistribution {
        let lengths = scenario.lengths.isEmpty ? [WeightedLength(length: scenario.length, weight: 1)] : scenario.lengths
        // Latency and probability per compiled shape.
        let shapes = shapeProbabilities(lengths, bucketing: adapter.bucketsLengths(options)).map { shape, p in
            (
                latency: adapter.lower(LayerGraph.lower(config, scenario.with(length: shape)), options: options)
                    .seconds, p: p
            )
        }
        var steady: [(latency: Double, p: Double)] = []
        var withCompiles: [(latency: Double, p: Double)] = []
        var compiles = 0.0, compileSeconds = 0.0
        let compile = adapter.compileSeconds(ops: LayerGraph.lower(config, scenario).ops.count)
        for s in shapes {
            steady.append(s)
            guard let compile else {
                withCompiles.append(s)
                continue
            }
            let expected = expectedFirstSightings(probability: s.p, requests: requests)
            compiles += expected
            compileSeconds += expected * compile
            let share = expected / Double(requests)
            withCompiles.append((s.latency + compile, share))
            withCompiles.append((s.latency, s.p - share))
        }
        steady.sort { $0.latency < $1.latency }
        withCompiles.sort { $0.latency < $1.latency }
        let mean = steady.reduce(0) { $0 + $1.latency * $1.p }
        let variance = steady.reduce(0) { $0 + $1.p * ($1.latency - mean) * ($1.latency - mean) }
        let p50 = quantile(steady, 0.5)
        return LatencyDistribution(
            p50: p50, p90: quantile(steady, 0.9), p99: quantile(steady, 0.99), mean: mean,
            cv: mean > 0 ? variance.squareRoot() / mean : 0, p99WithCompiles: quantile(withCompiles, 0.99),
            throughputP50: Double(scenario.tokens) / p50,
            distinctShapes: shapes.count, recompilationsPer1000: compiles * 1000 / Double(requests),
            compileSecondsPer1000: compileSeconds * 1000 / Double(requests))
    }

    /// Probability of each compiled shape: lengths as they are, or padded up to powers of two when bucketing.
    public static func shapeProbabilities(_ lengths: [WeightedLength], bucketing: Bool) -> [Int: Double] {
        let total = lengths.reduce(0) { $0 + $1.weight }
        var out: [Int: Double] = [:]
        for l in lengths { out[bucketing ? nextPowerOfTwo(l.length) : l.length, default: 0] += l.weight / total }
        return out
    }

    /// A shape is compiled on its first request: the expected number of first sightings among `requests` draws.
    public static func expectedFirstSightings(probability p: Double, requests: Int) -> Double {
        1 - pow(1 - p, Double(requests))
    }

    /// The smallest latency whose cumulative probability reaches q.
    static func quantile(_ sorted: [(latency: Double, p: Double)], _ q: Double) -> Double {
        var acc = 0.0
        for m in sorted {
            acc += m.p
            if acc >= q - 1e-12 { return m.latency }
        }
        return sorted.last?.latency ?? 0
    }

    public static func nextPowerOfTwo(_ n: Int) -> Int {
        var p = 1
        while p < n { p <<= 1 }
        return p
    }
}
