import Foundation
import PortbenchSchema

/// A percentile bootstrap interval around a point estimate, with the settings that made it.
public struct BootstrapInterval: Equatable, Sendable {
    /// The statistic on the data as given (for ratios of medians: median(b) / median(a)).
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// Coverage asked for, clamped to [0, 1].
    public var confidence: Double
    public var resamples: Int

    public init(estimate: Double, lower: Double, upper: Double, confidence: Double, resamples: Int) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.resamples = resamples
    }
}

/// Seeded percentile bootstrap intervals for ratios of medians; the same inputs and seed give the same interval.
public enum Bootstrap {
    /// median(b) / median(a), with a and b resampled independently; quantiles are NumPy's default (type 7).
    /// An empty or NaN-holding side gives NaN throughout; fewer than one resample gives lower = upper = estimate.
    /// A zero median in a gives infinite or NaN ratios and bounds: timings are expected positive.
    public static func ratioOfMedians(
        _ a: [Double], _ b: [Double], confidence: Double, resamples: Int, seed: UInt64
    ) -> BootstrapInterval {
        guard isUsable(a), isUsable(b) else { return .undefined(confidence, resamples) }
        let estimate = Median.of(b) / Median.of(a)
        var rng = SplitMix64(seed: seed)
        var scratch = [Double]()
        var ratios = [Double]()
        ratios.reserveCapacity(max(resamples, 0))
        for _ in 0..<max(resamples, 0) {
            let ma = resampledMedian(a, &scratch, &rng)
            ratios.append(resampledMedian(b, &scratch, &rng) / ma)
        }
        return percentileInterval(estimate: estimate, ratios, confidence: confidence, transform: { $0 })
    }

    /// exp(median(d)) for paired log ratios d_i = log(b_i / a_i) of interleaved A/B rounds; the interval is exp of
    /// the percentile interval of resampled medians of d. Empty or NaN-holding d gives NaN throughout.
    public static func median(
        ofPairedLogRatios d: [Double], confidence: Double, resamples: Int, seed: UInt64
    ) -> BootstrapInterval {
        guard isUsable(d) else { return .undefined(confidence, resamples) }
        var rng = SplitMix64(seed: seed)
        var scratch = [Double]()
        var medians = [Double]()
        medians.reserveCapacity(max(resamples, 0))
        for _ in 0..<max(resamples, 0) { medians.append(resampledMedian(d, &scratch, &rng)) }
        return percentileInterval(estimate: Median.of(d), medians, confidence: confidence, transform: Foundation.exp)
    }

    private static func isUsable(_ v: [Double]) -> Bool { !v.isEmpty && !v.contains(where: \.isNaN) }

    /// The median of one resample with replacement of v, drawn into scratch (kept to save an allocation each time).
    private static func resampledMedian(_ v: [Double], _ scratch: inout [Double], _ rng: inout SplitMix64) -> Double {
        scratch.removeAll(keepingCapacity: true)
        for _ in 0..<v.count { scratch.append(v[rng.index(below: v.count)]) }
        return Median.ofScratch(&scratch)
    }

    /// The (1 ± confidence) / 2 quantiles of the replicates, mapped through transform with the estimate.
    private static func percentileInterval(
        estimate: Double, _ replicates: [Double], confidence: Double, transform: (Double) -> Double
    ) -> BootstrapInterval {
        let c = min(max(confidence, 0), 1)
        guard !replicates.isEmpty else {
            let e = transform(estimate)
            return BootstrapInterval(estimate: e, lower: e, upper: e, confidence: c, resamples: 0)
        }
        let sorted = replicates.sorted()
        return BootstrapInterval(
            estimate: transform(estimate), lower: transform(SampleStatistics.quantile(sorted, (1 - c) / 2)),
            upper: transform(SampleStatistics.quantile(sorted, (1 + c) / 2)), confidence: c,
            resamples: replicates.count)
    }
}

extension BootstrapInterval {
    /// What an interval over no usable data reads as.
    static func undefined(_ confidence: Double, _ resamples: Int) -> BootstrapInterval {
        BootstrapInterval(
            estimate: .nan, lower: .nan, upper: .nan, confidence: min(max(confidence, 0), 1),
            resamples: max(resamples, 0))
    }
}
