import Foundation

/// Why a case's timed repetitions stopped.
public enum StopReason: String, Codable, Sendable {
    /// The fixed count (no adaptive field set).
    case fixed
    /// The 95% interval of the median reached the target width.
    case converged
    /// The time budget ran out first.
    case budget
    /// The most repetitions allowed ran first.
    case maxRepetitions = "max-repetitions"
}

/// What sampling did: every timed sample, the warm-up runs before them and why it stopped.
public struct SamplingOutcome: Equatable, Sendable {
    public var samplesNs: [UInt64]
    public var warmupCount: Int
    public var stopReason: StopReason
    /// A target width was set and not reached (stopped on budget or max repetitions): the case is flagged `noisy`.
    public var isNoisy: Bool

    public init(samplesNs: [UInt64], warmupCount: Int, stopReason: StopReason, isNoisy: Bool = false) {
        self.samplesNs = samplesNs
        self.warmupCount = warmupCount
        self.stopReason = stopReason
        self.isNoisy = isNoisy
    }
}

extension RepetitionPolicy {
    /// The settle rule: the last `settleWindow` warm-up times all within `settleTolerance` of their median.
    public static let settleWindow = 3
    public static let settleTolerance = 0.05
    /// Warm-up runs the settle rule may add after `warmup`, and the share of the budget warm-up may take for them.
    public static let maxSettleRuns = 20
    public static let settleBudgetShare = 0.25
    /// The most timed runs of an adaptive policy that names no `maxRepetitions`.
    public static let defaultMaxRepetitions = 100
    /// The fewest samples whose order statistics bound the median at 95% (fewer never count as converged).
    public static let convergenceFloor = 6

    /// True when any adaptive field is set; otherwise the policy is exactly `warmup` untimed and `repetitions` timed runs.
    public var isAdaptive: Bool {
        targetRelativeWidth != nil || budgetSeconds != nil || minRepetitions != nil || maxRepetitions != nil
    }

    /// The most timed runs: `repetitions` when fixed; else `maxRepetitions`, or 100 (at least `minRepetitions`).
    public var repetitionCap: Int {
        guard isAdaptive else { return repetitions }
        return maxRepetitions ?? Swift.max(Self.defaultMaxRepetitions, minRepetitions ?? 0)
    }

    /// The fewest timed runs, never cut by the budget: `minRepetitions`, else `repetitions` (at most the cap).
    public var repetitionFloor: Int {
        guard isAdaptive else { return repetitions }
        return minRepetitions ?? Swift.min(repetitions, repetitionCap)
    }

    /// (upper − lower) / median of the 95% order-statistic interval of the median (`SampleStatistics.medianInterval`).
    public static func relativeWidth(_ samples: [UInt64]) -> Double {
        let s = samples.map(Double.init).sorted()
        let (lo, hi) = SampleStatistics.medianInterval(count: s.count)
        let median = SampleStatistics.quantile(s, 0.5)
        return median > 0 ? (s[hi] - s[lo]) / median : .infinity
    }

    /// Whether the last `settleWindow` times are each within `settleTolerance` of their median.
    public static func settled(_ times: [UInt64]) -> Bool {
        guard times.count >= settleWindow else { return false }
        let last = times.suffix(settleWindow).map(Double.init)
        let median = SampleStatistics.quantile(last.sorted(), 0.5)
        return last.allSatisfy { abs($0 - median) <= settleTolerance * median }
    }

    /// Warms up and times `body` with `clock` (nanoseconds). Fixed: `warmup` untimed runs, then `repetitions` timed.
    /// Adaptive: at least `warmup` warm-ups, more (timed, discarded) until settled, at most `maxSettleRuns` more and
    /// a quarter of the budget; then at least `repetitionFloor` timed runs, stopping at the first of: converged to
    /// `targetRelativeWidth` (from 6 samples), `repetitionCap` runs, or `budgetSeconds` spent on timed runs.
    public func sample(
        clock: () -> UInt64, _ body: () throws -> Void, progress: ((Int, UInt64) -> Void)? = nil
    ) rethrows -> SamplingOutcome {
        var samples: [UInt64] = []
        guard isAdaptive else {
            for _ in 0..<warmup { try body() }
            samples.reserveCapacity(repetitions)
            for r in 0..<repetitions {
                let t0 = clock()
                try body()
                let t = clock() - t0
                samples.append(t)
                progress?(r + 1, t)
            }
            return SamplingOutcome(samplesNs: samples, warmupCount: warmup, stopReason: .fixed)
        }
        let budgetNs = budgetSeconds.map { UInt64(($0 * 1e9).rounded()) }
        var warm: [UInt64] = []
        let warmStart = clock()
        while warm.count < warmup
            || (warmup > 0 && !Self.settled(warm) && warm.count < warmup + Self.maxSettleRuns
                && budgetNs.map { Double(clock() - warmStart) < Self.settleBudgetShare * Double($0) } ?? true)
        {
            let t0 = clock()
            try body()
            warm.append(clock() - t0)
        }
        let start = clock()
        while true {
            let t0 = clock()
            try body()
            let t = clock() - t0
            samples.append(t)
            progress?(samples.count, t)
            guard samples.count >= repetitionFloor else { continue }
            var reason: StopReason?
            if let target = targetRelativeWidth, samples.count >= Self.convergenceFloor,
                Self.relativeWidth(samples) <= target
            {
                reason = .converged
            } else if samples.count >= repetitionCap {
                reason = .maxRepetitions
            } else if let budgetNs, clock() - start >= budgetNs {
                reason = .budget
            }
            if let reason {
                return SamplingOutcome(
                    samplesNs: samples, warmupCount: warm.count, stopReason: reason,
                    isNoisy: targetRelativeWidth != nil && reason != .converged)
            }
        }
    }
}
