import Foundation

/// A verdict on one (workload, scenario, backend, metric) between a baseline and a candidate.
public enum Verdict: String, Codable, CaseIterable, Sendable {
    /// Significant and at least the minimum effect, in the bad direction.
    case regression
    /// Significant and at least the minimum effect, in the good direction.
    case improvement
    /// Inside the minimum effect, or not significant at a sample size that would have found the minimum effect.
    case unchanged
    /// Too noisy to say either.
    case inconclusive
    /// A deterministic figure (a count, a modelled number) that differs; it has no better or worse direction.
    case changed
}

/// How the samples of the two sides were turned into units for the decision rule.
public enum ComparisonMode: String, Codable, Sendable {
    /// One run per side: the raw samples, with the between-run variance taken from a noise profile.
    case separateRuns = "separate-runs"
    /// Several runs per side: each run's median is a unit, and the between-run variance is measured from them.
    case runsAsUnits = "runs-as-units"
    /// Interleaved A/B rounds on one machine: each round's log ratio is a unit (paired).
    case interleaved
}

/// Where the between-run variance of a comparison came from.
public enum NoiseSource: String, Codable, Sendable {
    /// A committed noise profile for this machine kind (`portbench noise`).
    case profile
    /// Measured from the runs given on each side.
    case runs
    /// Paired rounds: drift common to both sides cancels, what is left is measured from the rounds.
    case rounds
    /// None available: only the within-run variance was used, and the report says so.
    case none
}

/// The decision rule as applied, printed at the top of every comparison.
public struct DecisionRule: Codable, Equatable, Sendable {
    /// Smallest relative change that counts (0.03 is 3%).
    public var minimumEffect: Double
    /// Two-sided significance level of the test (0.01).
    public var alpha: Double
    /// The power a non-significant result must have had against the minimum effect to be called unchanged.
    public var power: Double
    public var mode: ComparisonMode
    public var noise: NoiseSource
    /// The noise profile file, when `noise` is `profile`.
    public var noiseProfile: String?
    /// How the measured p-values were adjusted for their number (absent in documents from before it: none).
    public var correction: MultipleComparisons?
    /// The measured decisions the correction spans.
    public var family: Int?
    /// One sentence: the test, the interval and the effect rule.
    public var text: String

    public init(
        minimumEffect: Double, alpha: Double, power: Double, mode: ComparisonMode, noise: NoiseSource,
        noiseProfile: String? = nil, correction: MultipleComparisons? = nil, family: Int? = nil, text: String
    ) {
        self.minimumEffect = minimumEffect
        self.alpha = alpha
        self.power = power
        self.mode = mode
        self.noise = noise
        self.noiseProfile = noiseProfile
        self.correction = correction
        self.family = family
        self.text = text
    }
}

/// One field that differs between two sides (machine identity or run settings).
public struct FieldDifference: Codable, Equatable, Sendable {
    public var field: String
    public var baseline: String
    public var candidate: String

    public init(field: String, baseline: String, candidate: String) {
        self.field = field
        self.baseline = baseline
        self.candidate = candidate
    }
}

/// What one side of a comparison is: its documents, commit and machine.
public struct ComparisonSide: Codable, Equatable, Sendable {
    /// A baseline name, a file path or an A/B build label.
    public var label: String
    public var runIds: [String]
    public var suite: String
    public var commit: String
    public var created: String
    public var machine: MachineFingerprint

    public init(
        label: String, runIds: [String], suite: String, commit: String, created: String, machine: MachineFingerprint
    ) {
        self.label = label
        self.runIds = runIds
        self.suite = suite
        self.commit = commit
        self.created = created
        self.machine = machine
    }
}

/// The verdict on one metric of one case, with everything the rule used.
public struct CaseComparison: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend
    /// A `Metric` key, an instrument key (`instructions`) or a static count (`flops`, `fusions`, …).
    public var metric: String
    public var provenance: Provenance
    public var direction: MetricDirection?
    public var baseline: Double
    public var candidate: Double
    /// candidate ÷ baseline.
    public var ratio: Double
    /// Relative change in the bad direction (+0.05 is 5% worse); nil for figures without a direction.
    public var effect: Double?
    /// Interval of the ratio at 1 − alpha (absent for deterministic figures).
    public var ratioLower: Double?
    public var ratioUpper: Double?
    /// p-value of the rule's test (noise-aware), and of Mann-Whitney U on the raw samples when both sides have them.
    public var pValue: Double?
    public var mannWhitneyP: Double?
    /// The p-value the verdict was decided on after the rule's correction for the comparison's many decisions
    /// (Holm: the larger of the two p-values above, adjusted); absent where none was applied.
    public var adjustedP: Double?
    /// Units each side contributed (samples, runs or rounds, per the mode).
    public var baselineUnits: Int
    public var candidateUnits: Int
    public var verdict: Verdict
    /// Why the verdict is what it is, in a short phrase ("p 0.0003 < 0.01 and +7.1% ≥ 3%").
    public var reason: String
    /// Either side's case was flagged noisy by its run.
    public var noisy: Bool?

    public init(
        workload: String, scenario: String, backend: Backend, metric: String, provenance: Provenance,
        direction: MetricDirection?, baseline: Double, candidate: Double, ratio: Double, effect: Double?,
        ratioLower: Double? = nil, ratioUpper: Double? = nil, pValue: Double? = nil, mannWhitneyP: Double? = nil,
        adjustedP: Double? = nil, baselineUnits: Int, candidateUnits: Int, verdict: Verdict, reason: String,
        noisy: Bool? = nil
    ) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.metric = metric
        self.provenance = provenance
        self.direction = direction
        self.baseline = baseline
        self.candidate = candidate
        self.ratio = ratio
        self.effect = effect
        self.ratioLower = ratioLower
        self.ratioUpper = ratioUpper
        self.pValue = pValue
        self.mannWhitneyP = mannWhitneyP
        self.adjustedP = adjustedP
        self.baselineUnits = baselineUnits
        self.candidateUnits = candidateUnits
        self.verdict = verdict
        self.reason = reason
        self.noisy = noisy
    }
}

/// A case present on one side only.
public struct UnmatchedCase: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var backend: Backend
    /// `baseline` or `candidate`: the side that has it.
    public var side: String

    public init(workload: String, scenario: String, backend: Backend, side: String) {
        self.workload = workload
        self.scenario = scenario
        self.backend = backend
        self.side = side
    }
}

/// Verdict counts, in the order the headline prints them.
public struct VerdictSummary: Codable, Equatable, Sendable {
    public var regressions: Int
    public var improvements: Int
    public var unchanged: Int
    public var inconclusive: Int
    public var changed: Int

    public init(_ verdicts: [Verdict]) {
        regressions = verdicts.filter { $0 == .regression }.count
        improvements = verdicts.filter { $0 == .improvement }.count
        unchanged = verdicts.filter { $0 == .unchanged }.count
        inconclusive = verdicts.filter { $0 == .inconclusive }.count
        changed = verdicts.filter { $0 == .changed }.count
    }

    /// "2 regressions, 1 improvement, 14 unchanged, 1 inconclusive" (and "3 changed" when any).
    public var headline: String {
        func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) \(k == 1 ? one : many)" }
        var parts = [
            n(regressions, "regression", "regressions"), n(improvements, "improvement", "improvements"),
            "\(unchanged) unchanged", "\(inconclusive) inconclusive",
        ]
        if changed > 0 { parts.append("\(changed) changed") }
        return parts.joined(separator: ", ")
    }

    /// The exit status the comparison maps to: a regression wins over everything else.
    public func exitStatus(failOnInconclusive: Bool) -> ExitStatus {
        if regressions > 0 { return .performanceCheckFailed }
        if failOnInconclusive && inconclusive > 0 { return .inconclusive }
        return .success
    }
}

/// The versioned document `portbench compare` and `portbench ab` write: sides, rule, and one verdict per metric.
public struct ComparisonDocument: Codable, Equatable, Sendable {
    public static let schemaName = "portbench.comparison"
    public static let currentVersion = 1

    public var schema: String = ComparisonDocument.schemaName
    public var schemaVersion: Int = ComparisonDocument.currentVersion
    public var created: String
    public var tool: String
    public var baseline: ComparisonSide
    public var candidate: ComparisonSide
    public var rule: DecisionRule
    /// Set when the machines differ and `--allow-different-machine` was given; the report says so at the top.
    public var differentMachine: Bool
    /// Comparability fields that differ (empty when the machines match).
    public var machineDifferences: [FieldDifference]
    /// Run settings that differ: threads, OpenBLAS core, OPENBLAS_* variables (listed at the top of every report).
    public var settingsDifferences: [FieldDifference]
    public var cases: [CaseComparison]
    public var unmatched: [UnmatchedCase]
    public var summary: VerdictSummary

    public init(
        created: String, tool: String, baseline: ComparisonSide, candidate: ComparisonSide, rule: DecisionRule,
        differentMachine: Bool, machineDifferences: [FieldDifference], settingsDifferences: [FieldDifference],
        cases: [CaseComparison], unmatched: [UnmatchedCase]
    ) {
        self.created = created
        self.tool = tool
        self.baseline = baseline
        self.candidate = candidate
        self.rule = rule
        self.differentMachine = differentMachine
        self.machineDifferences = machineDifferences
        self.settingsDifferences = settingsDifferences
        self.cases = cases
        self.unmatched = unmatched
        self.summary = VerdictSummary(cases.map(\.verdict))
    }
}
