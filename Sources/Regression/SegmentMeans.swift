/// Means of a series between change points (prefix sums), and the merge step that drops change points whose
/// relative shift is too small.
struct SegmentMeans {
    private let prefix: [Double]

    init(_ series: [Double]) {
        var p = [0.0]
        p.reserveCapacity(series.count + 1)
        for v in series { p.append(p[p.count - 1] + v) }
        prefix = p
    }

    /// The segments 0 ..< count cut at the given indices (any order).
    static func segments(count: Int, cuts: [Int]) -> [Range<Int>] {
        let bounds = [0] + cuts.sorted() + [count]
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    func mean(_ r: Range<Int>) -> Double { (prefix[r.upperBound] - prefix[r.lowerBound]) / Double(r.count) }

    /// Estimates for the accepted splits, after removing, one at a time, the one with the smallest |shift| while
    /// that is below minimumShift (neighbours' means recomputed after each removal, as otava's merge step does).
    func estimates(_ accepted: [(index: Int, pValue: Double)], minimumShift: Double) -> [ChangePointEstimate] {
        var kept = accepted.sorted { $0.index < $1.index }
        while true {
            let current = describe(kept)
            guard let weakest = current.indices.min(by: { abs(current[$0].shift) < abs(current[$1].shift) }),
                abs(current[weakest].shift) < minimumShift
            else { return current }
            kept.remove(at: weakest)
        }
    }

    private func describe(_ kept: [(index: Int, pValue: Double)]) -> [ChangePointEstimate] {
        let segments = Self.segments(count: prefix.count - 1, cuts: kept.map(\.index))
        return kept.indices.map { i in
            let before = mean(segments[i]), after = mean(segments[i + 1])
            return ChangePointEstimate(
                index: kept[i].index, pValue: kept[i].pValue, meanBefore: before, meanAfter: after,
                shift: Self.shift(before, after))
        }
    }

    static func shift(_ before: Double, _ after: Double) -> Double {
        if before != 0 { return after / before - 1 }
        return after == 0 ? 0 : (after > 0 ? .infinity : -.infinity)
    }
}
