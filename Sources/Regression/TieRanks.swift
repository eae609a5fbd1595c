/// Average ranks of two samples pooled (1-based, ties sharing their mean rank): the first sample's rank sum and the
/// tie term Σ(t³ − t) over tie groups of size t, in one O(n log n) sort.
struct TieRanks {
    private(set) var firstRankSum = 0.0
    private(set) var tieTerm = 0.0
    private(set) var hasTies = false

    init(_ x: [Double], _ y: [Double]) {
        let pooled = (x.map { ($0, true) } + y.map { ($0, false) }).sorted { $0.0 < $1.0 }
        var start = 0
        while start < pooled.count {
            var end = start + 1
            while end < pooled.count && pooled[end].0 == pooled[start].0 { end += 1 }
            addGroup(pooled[start..<end], firstRank: start + 1)
            start = end
        }
    }

    /// One run of equal values occupying ranks firstRank ..< firstRank + count.
    private mutating func addGroup(_ group: ArraySlice<(Double, Bool)>, firstRank: Int) {
        let t = Double(group.count)
        let meanRank = Double(firstRank) + (t - 1) / 2
        firstRankSum += meanRank * Double(group.lazy.filter(\.1).count)
        if group.count > 1 {
            hasTies = true
            tieTerm += t * t * t - t
        }
    }
}
