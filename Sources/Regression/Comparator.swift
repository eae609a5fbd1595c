import Foundation
import PortbenchSchema

/// One side of a comparison: a label (baseline name, file, build) and its result documents (one or more runs;
/// for interleaved A/B, one per round in round order).
public struct ComparisonInput: Sendable {
    public var label: String
    public var documents: [ResultDocument]

    public init(label: String, documents: [ResultDocument]) {
        self.label = label
        self.documents = documents
    }
}

/// How to compare: the rule, the noise profile for separate runs, and what may differ.
public struct ComparisonOptions: Sendable {
    public var rule: VerdictRule
    public var noise: NoiseProfile?
    /// Where the profile came from, for the report.
    public var noisePath: String?
    /// The documents are interleaved rounds, paired by position.
    public var interleaved: Bool
    public var allowDifferentMachine: Bool

    public init(
        rule: VerdictRule = VerdictRule(), noise: NoiseProfile? = nil, noisePath: String? = nil,
        interleaved: Bool = false, allowDifferentMachine: Bool = false
    ) {
        self.rule = rule
        self.noise = noise
        self.noisePath = noisePath
        self.interleaved = interleaved
        self.allowDifferentMachine = allowDifferentMachine
    }
}

/// Builds a comparison document: checks the machines, picks the mode, and decides every case and metric.
public enum Comparator {
    public static func compare(
        baseline: ComparisonInput, candidate: ComparisonInput, options: ComparisonOptions, created: String,
        tool: String
    ) throws -> ComparisonDocument {
        let a = try side(baseline), b = try side(candidate)
        let machine = a.machine.machineDifferences(b.machine).map(\.recorded)
        if !machine.isEmpty && !options.allowDifferentMachine {
            let fields = machine.map { "\($0.field) (\($0.baseline) vs \($0.candidate))" }.joined(separator: ", ")
            throw ComparisonError(
                "\(baseline.label) and \(candidate.label) were measured on different machines: \(fields); "
                    + "pass --allow-different-machine to compare anyway")
        }
        let mode = try self.mode(baseline, candidate, options)
        let units = CaseUnits(baseline: baseline.documents, candidate: candidate.documents)
        let (cases, family) = resolve(
            units.keys.flatMap { key in decide(key, units: units, mode: mode, options: options) }, rule: options.rule)
        return ComparisonDocument(
            created: created, tool: tool, baseline: a, candidate: b,
            rule: ruleDescription(
                mode, options, separate: mode == .separateRuns,
                instrumented: (baseline.documents + candidate.documents).contains {
                    $0.cases.contains { $0.instrument != nil }
                },
                modelled: cases.contains { $0.provenance == .modelled }, family: family),
            differentMachine: !machine.isEmpty, machineDifferences: machine,
            settingsDifferences: a.machine.settingsDifferences(b.machine).map(\.recorded), cases: cases,
            unmatched: units.unmatched)
    }

    static func side(_ input: ComparisonInput) throws -> ComparisonSide {
        guard let first = input.documents.first else { throw ComparisonError("\(input.label): no result documents") }
        let key = first.machine.computeKey()
        if let other = input.documents.first(where: { $0.machine.computeKey() != key }) {
            throw ComparisonError(
                "\(input.label): run \(other.runId) was measured on a different machine than run \(first.runId)")
        }
        return ComparisonSide(
            label: input.label, runIds: input.documents.map(\.runId), suite: first.suite,
            commit: first.machine.gitCommit, created: first.created, machine: first.machine)
    }

    static func mode(
        _ a: ComparisonInput, _ b: ComparisonInput, _ options: ComparisonOptions
    ) throws -> ComparisonMode {
        if options.interleaved {
            guard a.documents.count == b.documents.count, a.documents.count >= 3 else {
                throw ComparisonError(
                    "interleaved comparison needs the same number of rounds on each side, at least 3 "
                        + "(got \(a.documents.count) and \(b.documents.count))")
            }
            return .interleaved
        }
        return a.documents.count + b.documents.count >= 3 ? .runsAsUnits : .separateRuns
    }

    static func ruleDescription(
        _ mode: ComparisonMode, _ o: ComparisonOptions, separate: Bool, instrumented: Bool = false,
        modelled: Bool = false, family: Int = 1
    ) -> DecisionRule {
        let noise: NoiseSource
        let test: String
        switch mode {
        case .separateRuns:
            noise = o.noise == nil ? .none : .profile
            test =
                "one run per side: log ratio of medians with within-run errors (order-statistic interval of each "
                + "median) plus twice the between-run variance "
                + (o.noise == nil ? "(no noise profile: within-run only)" : "of the noise profile")
                + ", normal interval, and Mann-Whitney U on the raw samples; both must be significant"
        case .runsAsUnits:
            noise = .runs
            test =
                "runs as units: pooled-variance t on the log of each run's median"
                + (o.noise == nil ? "" : ", variance never below the noise profile's")
        case .interleaved:
            noise = .rounds
            test = "interleaved rounds as units: paired t on each round's log ratio of medians"
        }
        let r = o.rule
        let correction: String
        switch r.correction {
        case .holm:
            correction =
                "; Holm's step-down over the \(family) measured decision\(family == 1 ? "" : "s") of this comparison "
                + "(each p the larger of the tests', adjusted; power judged at \(r.alpha) ÷ \(family)) keeps the "
                + "chance of any false regression or improvement at \(r.alpha)"
        case .none: correction = "; no correction for the \(family) measured decisions (--correction none)"
        }
        let text =
            "\(test)\(correction); regression or improvement when p < \(r.alpha) and the change is at least "
            + "\(String(format: "%.1f%%", r.minimumEffect * 100)); unchanged when inside it or when a change of that "
            + "size would have been found at power \(r.power); otherwise inconclusive. Counted figures (FLOPs, bytes, "
            + "fusions, program size) must match exactly and are listed only when they differ"
            + (instrumented
                ? ". Cases counted by callgrind on both sides (run --instrument callgrind) are decided on "
                    + "instructions (and estimated_cycles when both sides simulated caches) by the same rule, each "
                    + "repetition's count a sample and the noise profile's entry for that metric; their median_s is "
                    + "not compared (times under valgrind describe its emulation, not the machine), nor is a case "
                    + "counted on one side only" : "")
            + (modelled
                ? ". Modelled figures (modelled_s[DEVICE]: the device model's layer time for the suite's "
                    + "modelled_devices) must match within a relative 1e-9; one that moved names the model input, the "
                    + "layer graph or the adapter that moved it" : "")
        return DecisionRule(
            minimumEffect: r.minimumEffect, alpha: r.alpha, power: r.power, mode: mode, noise: noise,
            noiseProfile: mode == .separateRuns ? o.noisePath : nil, correction: r.correction, family: family,
            text: text)
    }
}
