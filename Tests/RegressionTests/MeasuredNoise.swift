import Foundation
import PortbenchSchema

@testable import Regression

/// Raw samples of an interleaved A/A experiment on one machine (`ci/measure-noise.sh`): every round, both sides.
struct MeasuredRounds: Decodable {
    struct Round: Decodable {
        var a: [Double]?
        var b: [Double]?
    }
    struct Case: Decodable {
        var workload: String
        var scenario: String
        var backend: String
        var rounds: [Round]
    }
    var command: String
    var cpuModel: String
    var cpuSignature: String?
    var cores: Int
    var openblasCore: String
    var suite: String
    var rounds: Int
    var cases: [Case]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every committed experiment whose file name starts with `prefix` (one per machine kind measured):
    /// `aa-rounds-` for timings, `callgrind-runs-` for instruction counts.
    static func all(_ prefix: String) throws -> [(String, MeasuredRounds)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix(prefix) && $0.hasSuffix(".json")
        }.sorted().map { name in
            (
                name,
                try JSONCoding.decoder().decode(Self.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            )
        }
    }
}

/// A noise generator fitted to one measured case: round drift, per-run (side) noise and within-run residuals, all on
/// the log scale; it reproduces the between-run spread, not only the within-run one.
struct FittedNoise {
    var name: String
    /// Drift shared by both runs of a round.
    var roundSd: Double
    /// Each run's own offset (independent between the two sides of a round).
    var runSd: Double
    /// log(sample ÷ its run's median), pooled over every run.
    var residuals: [Double]
    var samplesPerRun: Int
    var median: Double

    init?(_ c: MeasuredRounds.Case) {
        let pairs = c.rounds.compactMap { r -> ([Double], [Double])? in
            guard let a = r.a, let b = r.b, !a.isEmpty, !b.isEmpty else { return nil }
            return (a, b)
        }
        guard pairs.count >= 3 else { return nil }
        let med = { (x: [Double]) in SampleStatistics.quantile(x.sorted(), 0.5) }
        let d = pairs.map { log(med($0.1) / med($0.0)) }
        let m = pairs.map { (log(med($0.0)) + log(med($0.1))) / 2 }
        let varD = Self.variance(d), varM = Self.variance(m)
        name = "\(c.workload)/\(c.scenario)/\(c.backend)"
        let runs = pairs.flatMap { [$0.0, $0.1] }
        residuals = runs.flatMap { run in run.map { log($0 / med(run)) } }
        samplesPerRun = runs.map(\.count).sorted()[runs.count / 2]
        // A run median's own sampling error (asymptotic: 1.2533 σ / √n) is already in the measured spread of the
        // medians; the generator adds it back through the residuals, so only the rest is a per-run offset.
        let withinVariance = pow(1.2533 * Self.variance(residuals).squareRoot(), 2) / Double(samplesPerRun)
        runSd = Swift.max(0, varD / 2 - withinVariance).squareRoot()
        roundSd = Swift.max(0, varM - varD / 4).squareRoot()
        median = exp(m.reduce(0, +) / Double(m.count))
    }

    /// One synthetic round: the baseline run and the candidate run (slowed by `effect`).
    func round(effect: Double, _ g: inout SplitMix64) -> (baseline: [Double], candidate: [Double]) {
        let drift = roundSd * g.normalPair().0
        func run(_ shift: Double) -> [Double] {
            let offset = runSd * g.normalPair().0
            return (0..<samplesPerRun).map { _ in
                median * exp(drift + offset + shift + residuals[Int(g.next() % UInt64(residuals.count))])
            }
        }
        return (run(0), run(log1p(effect)))
    }

    static func variance(_ x: [Double]) -> Double { Estimators.sumOfSquares(x) / Double(x.count - 1) }
}
