import PortbenchSchema

/// Settings of E-divisive change point detection.
public struct EDivisiveOptions: Sendable {
    /// A split is accepted while its permutation p-value is at most this.
    public var pValue: Double
    /// Permutations per significance test; 199 (the R `ecp` package's default) allows p down to 1/200.
    public var permutations: Int
    /// Change points whose |meanAfter / meanBefore − 1| stays below this are merged away (0 keeps every one).
    public var minimumShift: Double
    /// Seed of the permutation test's SplitMix64.
    public var seed: UInt64
    /// Fewest points on either side of a split (otava allows 1; single outliers then split too easily).
    public var minimumSegment: Int

    public init(
        pValue: Double = 0.01, permutations: Int = 199, minimumShift: Double = 0, seed: UInt64 = 1,
        minimumSegment: Int = 3
    ) {
        self.pValue = pValue
        self.permutations = permutations
        self.minimumShift = minimumShift
        self.seed = seed
        self.minimumSegment = minimumSegment
    }
}

/// One change point: where the new segment starts, how sure the split was, and the means on each side.
public struct ChangePointEstimate: Equatable, Sendable {
    /// First index of the new segment.
    public var index: Int
    /// Permutation p-value of the split when it was accepted: (1 + #{permuted Q̂ ≥ Q̂}) / (1 + permutations).
    public var pValue: Double
    /// Means of the final segments either side.
    public var meanBefore: Double
    public var meanAfter: Double
    /// meanAfter / meanBefore − 1 (±infinity when only meanBefore is 0, 0 when both are).
    public var shift: Double

    public init(index: Int, pValue: Double, meanBefore: Double, meanAfter: Double, shift: Double) {
        self.index = index
        self.pValue = pValue
        self.meanBefore = meanBefore
        self.meanAfter = meanAfter
        self.shift = shift
    }
}

/// E-divisive means change points (Matteson & James 2014, α = 1), as MongoDB's signal-processing-algorithms and
/// Apache Otava (`compute_change_points_orig`) find them: hierarchical splits, each tested by permutation.
public enum EDivisive {
    /// Change points of the series, sorted by index: a pure function of the series and options. Splits the segment
    /// holding the largest Q̂ while the permutation p-value is at most `options.pValue`, then merges away the change
    /// point with the smallest relative shift while it is under `options.minimumShift`. A series with a non-finite
    /// value, or too short for two segments, has none. O(permutations · n²) per accepted change point.
    public static func changePoints(_ series: [Double], options: EDivisiveOptions = .init()) -> [ChangePointEstimate] {
        guard series.allSatisfy(\.isFinite) else { return [] }
        let accepted = significantSplits(series, options)
        return SegmentMeans(series).estimates(accepted, minimumShift: options.minimumShift)
    }

    /// The hierarchical procedure: indices and p-values of every accepted split, in the order they were accepted.
    static func significantSplits(_ series: [Double], _ options: EDivisiveOptions) -> [(index: Int, pValue: Double)] {
        var accepted: [(index: Int, pValue: Double)] = []
        var cache: [Range<Int>: EnergySplit] = [:]
        var rng = SplitMix64(seed: options.seed)
        while true {
            let segments = SegmentMeans.segments(count: series.count, cuts: accepted.map(\.index))
            guard let candidate = bestSplit(series, segments, options.minimumSegment, &cache) else { break }
            let p = permutationP(series, segments, observed: candidate.qhat, options, &rng)
            guard p <= options.pValue else { break }
            accepted.append((candidate.index, p))
        }
        return accepted
    }

    /// The split with the largest Q̂ over all segments (the first segment on ties).
    private static func bestSplit(
        _ series: [Double], _ segments: [Range<Int>], _ minimumSegment: Int, _ cache: inout [Range<Int>: EnergySplit]
    ) -> EnergySplit? {
        var best: EnergySplit?
        for segment in segments {
            if cache[segment] == nil {
                cache[segment] = EnergySplit.best(series, segment, minimumSegment: minimumSegment)
            }
            if let s = cache[segment], best.map({ s.qhat > $0.qhat }) ?? true { best = s }
        }
        return best
    }

    /// (1 + #{permutations whose largest Q̂ over segments, each shuffled within itself, is ≥ observed}) / (1 + R).
    /// Stops counting once the split cannot be accepted (its p-value is then only a lower bound, and unused).
    private static func permutationP(
        _ series: [Double], _ segments: [Range<Int>], observed: Double, _ options: EDivisiveOptions,
        _ rng: inout SplitMix64
    ) -> Double {
        let r = max(options.permutations, 0)
        var shuffled = series
        var atLeast = 0
        for _ in 0..<r {
            if permutedReaches(&shuffled, segments, observed, options.minimumSegment, &rng) { atLeast += 1 }
            if Double(atLeast + 1) / Double(r + 1) > options.pValue { break }
        }
        return Double(atLeast + 1) / Double(r + 1)
    }

    /// Shuffles each splittable segment in turn; true as soon as one's best Q̂ reaches the observed one.
    private static func permutedReaches(
        _ shuffled: inout [Double], _ segments: [Range<Int>], _ observed: Double, _ minimumSegment: Int,
        _ rng: inout SplitMix64
    ) -> Bool {
        for segment in segments where segment.count >= 2 * max(minimumSegment, 1) {
            rng.shuffle(&shuffled, in: segment)
            if let s = EnergySplit.best(shuffled, segment, minimumSegment: minimumSegment), s.qhat >= observed {
                return true
            }
        }
        return false
    }
}
