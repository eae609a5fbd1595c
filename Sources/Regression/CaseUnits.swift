import PortbenchSchema

/// A case's identity across documents.
public struct CaseKey: Hashable, Comparable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend

    public init(workload: String, scenario: String, backend: Backend) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
    }

    public init(_ c: CaseResult) { self.init(workload: c.workload, scenario: c.scenario, backend: c.backend) }

    public static func < (l: CaseKey, r: CaseKey) -> Bool {
        (l.workload, l.scenario, l.backend.rawValue) < (r.workload, r.scenario, r.backend.rawValue)
    }
}

/// Each case's results on both sides, one entry per document (nil where that run lacks the case).
struct CaseUnits {
    var baseline: [CaseKey: [CaseResult?]] = [:]
    var candidate: [CaseKey: [CaseResult?]] = [:]
    /// Cases on both sides, in a stable order.
    var keys: [CaseKey]
    var unmatched: [UnmatchedCase]
    /// What each side's device models read, to name the input behind a modelled figure that moved.
    var modelInputs: ModelInputs

    init(baseline a: [ResultDocument], candidate b: [ResultDocument]) {
        baseline = Self.index(a)
        candidate = Self.index(b)
        modelInputs = ModelInputs(baseline: a, candidate: b)
        let both = Set(baseline.keys).intersection(candidate.keys)
        keys = both.sorted()
        let onlyA = Set(baseline.keys).subtracting(both).sorted().map { ($0, "baseline") }
        let onlyB = Set(candidate.keys).subtracting(both).sorted().map { ($0, "candidate") }
        unmatched = (onlyA + onlyB).map {
            UnmatchedCase(workload: $0.0.workload, scenario: $0.0.scenario, backend: $0.0.backend, side: $0.1)
        }
    }

    static func index(_ docs: [ResultDocument]) -> [CaseKey: [CaseResult?]] {
        var out: [CaseKey: [CaseResult?]] = [:]
        for (i, doc) in docs.enumerated() {
            for c in doc.cases {
                out[CaseKey(c), default: Array(repeating: nil, count: docs.count)][i] = c
            }
        }
        return out
    }

    /// The first result of a case on each side (deterministic figures are the same in every run).
    func first(_ key: CaseKey) -> (CaseResult, CaseResult) {
        (baseline[key]!.compactMap { $0 }.first!, candidate[key]!.compactMap { $0 }.first!)
    }

    /// Rounds where both sides have the case, in round order.
    func paired(_ key: CaseKey) -> [(CaseResult, CaseResult)] {
        zip(baseline[key]!, candidate[key]!).compactMap { a, b in a.flatMap { a in b.map { (a, $0) } } }
    }
}
