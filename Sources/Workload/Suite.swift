import Foundation
import PortbenchSchema

/// A speed goal that `portbench run` checks: the fraction of a measured ceiling a scenario must reach.
public struct SpeedGoal: Equatable, Sendable, Codable {
    public var workload: String
    public var scenario: String
    public var bound: GoalBound
    public var minFraction: Double

    public init(workload: String, scenario: String, bound: GoalBound = .ceiling, minFraction: Double) {
        self.workload = workload
        self.scenario = scenario
        self.bound = bound
        self.minFraction = minFraction
    }
}

/// One workload of a suite with the scenarios chosen from it.
public struct SuiteEntry: Equatable, Sendable {
    public var workload: WorkloadSpec
    public var scenarios: [Scenario]
}

/// A named list of workloads and scenarios to run together, with optional repetition defaults and speed goals.
public struct Suite: Equatable, Sendable {
    public var name: String
    public var description: String
    public var repetitions: Int?
    public var warmup: Int?
    /// Adaptive repetition settings (`target_relative_width`, `budget_seconds`, `min_repetitions`, `max_repetitions`).
    public var adaptive = AdaptiveSettings()
    /// The smallest relative change a comparison of this suite's results calls a regression (`minimum_effect`).
    public var minimumEffect: Double?
    /// Devices whose model predictions each case records (`modelled_devices`), compared exactly across runs.
    public var modelledDevices: [String] = []
    public var entries: [SuiteEntry]
    public var goals: [SpeedGoal]
    public var file: String?

    public init(
        name: String, description: String = "", repetitions: Int? = nil, warmup: Int? = nil,
        entries: [SuiteEntry], goals: [SpeedGoal] = [], file: String? = nil
    ) {
        self.name = name
        self.description = description
        self.repetitions = repetitions
        self.warmup = warmup
        self.entries = entries
        self.goals = goals
        self.file = file
    }

    /// Only the named scenarios (all when `names` is empty); naming one that no entry has is an error.
    public func selecting(scenarios names: [String]) throws -> Suite {
        guard !names.isEmpty else { return self }
        var s = self
        s.entries = entries.compactMap { e in
            let kept = e.scenarios.filter { names.contains($0.name) }
            return kept.isEmpty ? nil : SuiteEntry(workload: e.workload, scenarios: kept)
        }
        let known = Set(entries.flatMap { $0.scenarios.map(\.name) })
        if let missing = names.first(where: { !known.contains($0) }) {
            throw SpecError(
                file: file ?? entries.first?.workload.file ?? name, path: "--scenario",
                message: "no scenario '\(missing)'; known: \(known.sorted().joined(separator: ", "))")
        }
        s.goals = goals.filter { names.contains($0.scenario) }
        return s
    }

    /// A suite of whole workloads (every scenario), for `portbench run a.yaml b.yaml`.
    public static func adHoc(_ workloads: [WorkloadSpec]) -> Suite {
        Suite(name: "ad-hoc", entries: workloads.map { SuiteEntry(workload: $0, scenarios: $0.scenarios) })
    }

    /// Reads a suite file; workload paths inside it are relative to the suite file's folder.
    public static func load(url: URL) throws -> Suite {
        try parse(SpecNode.load(url: url), url: url)
    }

    /// Parses suite YAML text as if it were the file at `url` (which names it in errors; workload paths inside it
    /// are relative to its folder, and those workload files are read from disk).
    public static func parse(yaml: String, url: URL) throws -> Suite {
        try parse(SpecNode.parse(text: yaml, file: url.path), url: url)
    }

    /// Validates an already-composed suite document read from `url`.
    public static func parse(_ root: SpecNode, url: URL) throws -> Suite {
        let m = try root.mapping(
            allowed: ["name", "description", "repetitions", "warmup", "minimum_effect", "modelled_devices", "entries"]
                + AdaptiveSettings.keys)
        let name = try root.required(m, "name").identifier()
        let description = try m["description"]?.string() ?? ""
        let reps = try m["repetitions"]?.int(in: SpecLimits.repetitions)
        let warmup = try m["warmup"]?.int(in: SpecLimits.warmup)
        let adaptive = try AdaptiveSettings.parse(m)
        let minimumEffect = try m["minimum_effect"]?.double(in: SpecLimits.minimumEffect, openLower: true)
        let base = url.deletingLastPathComponent()
        var entries: [SuiteEntry] = []
        var goals: [SpeedGoal] = []
        let items = try root.required(m, "entries").sequence()
        guard !items.isEmpty else { throw m["entries"]!.fail("expected at least one entry") }
        var seen = Set<String>()
        for item in items {
            let (entry, entryGoals) = try parseEntry(item, base: base, suiteFile: url)
            for s in entry.scenarios where !seen.insert("\(entry.workload.name)/\(s.name)").inserted {
                throw item.fail("\(entry.workload.name)/\(s.name) is already in this suite; each case runs once")
            }
            entries.append(entry)
            goals += entryGoals
        }
        var suite = Suite(
            name: name, description: description, repetitions: reps, warmup: warmup,
            entries: entries, goals: goals, file: url.path)
        suite.adaptive = adaptive
        suite.minimumEffect = minimumEffect
        for item in try m["modelled_devices"]?.sequence() ?? [] {
            let device = try item.identifier()
            guard !suite.modelledDevices.contains(device) else { throw item.fail("'\(device)' is listed twice") }
            suite.modelledDevices.append(device)
        }
        return suite
    }

    static func parseEntry(_ node: SpecNode, base: URL, suiteFile: URL) throws -> (SuiteEntry, [SpeedGoal]) {
        let m = try node.mapping(allowed: ["workload", "scenarios", "goals"])
        let path = try node.required(m, "workload").string()
        let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        guard url.resolvingSymlinksInPath() != suiteFile.standardizedFileURL.resolvingSymlinksInPath() else {
            throw m["workload"]!.fail("names this suite itself; expected a workload file")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw m["workload"]!.fail("no workload file at \(url.path)")
        }
        let root = try SpecNode.load(url: url)
        if case .mapping(let map) = root.node, map.keys.contains(where: { $0.string == "entries" }) {
            throw m["workload"]!.fail("\(url.path) is a suite; a suite entry names a workload file")
        }
        let spec = try WorkloadSpec.parse(root)
        var scenarios = spec.scenarios
        if let list = m["scenarios"] {
            scenarios = try list.sequence().map { item in
                let name = try item.string()
                guard let s = spec.scenario(named: name) else {
                    let known = spec.scenarios.map(\.name).joined(separator: ", ")
                    throw item.fail("workload '\(spec.name)' has no scenario '\(name)'; it has: \(known)")
                }
                return s
            }
        }
        let goals =
            try m["goals"]?.sequence().map { g -> SpeedGoal in
                let keys = GoalBound.allCases.map(\.key)
                let gm = try g.mapping(allowed: ["scenario"] + keys)
                let scenario = try g.required(gm, "scenario").string()
                guard scenarios.contains(where: { $0.name == scenario }) else {
                    throw gm["scenario"]!.fail("goal names scenario '\(scenario)', which this entry does not run")
                }
                let given = GoalBound.allCases.filter { gm[$0.key] != nil }
                guard given.count == 1, let bound = given.first else {
                    throw g.fail("expected exactly one of \(keys.joined(separator: ", "))")
                }
                let fraction = try gm[bound.key]!.double(in: 0...1, openLower: true)
                return SpeedGoal(workload: spec.name, scenario: scenario, bound: bound, minFraction: fraction)
            } ?? []
        return (SuiteEntry(workload: spec, scenarios: scenarios), goals)
    }
}
