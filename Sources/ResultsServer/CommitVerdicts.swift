import Foundation
import PortbenchSchema
import Regression
import ResultsStore

/// What changed at a commit: per machine with runs at it, the comparison against the previous commit measured on
/// the same machine (every run of each commit a unit; one run a side uses within-run errors only, and says so).
public struct CommitVerdicts: Codable, Sendable {
    public struct MachineVerdict: Codable, Sendable {
        public var machine: String
        public var cpuModel: String
        public var runs: [String]
        public var previousCommit: String?
        public var previousRuns: [String]
        public var comparison: ComparisonDocument?
        /// Why there is no comparison (first commit on this machine, or the comparison was refused).
        public var note: String?
    }

    public var commit: String
    public var machines: [MachineVerdict]

    static let maxRunsPerSide = 50

    /// nil when no run at `commit` is stored.
    static func build(commit: String, store: any RunStore, noiseFolder: String?) async throws -> (
        CommitVerdicts, [ResultDocument]
    )? {
        let runs = try await store.runs(RunFilter(commit: commit, limit: maxRunsPerSide * 4)).runs
        guard !runs.isEmpty else { return nil }
        var machines: [MachineVerdict] = []
        var latest: [ResultDocument] = []
        for machine in Array(Set(runs.map(\.machine))).sorted() {
            let here = runs.filter { $0.machine == machine }.prefix(maxRunsPerSide)
            let docs = try await documents(Array(here.map(\.runId)), store: store)
            if let newest = docs.max(by: { ($0.created, $0.runId) < ($1.created, $1.runId) }) { latest.append(newest) }
            let earliest = here.map(\.created).min() ?? ""
            var verdict = MachineVerdict(
                machine: machine, cpuModel: here.first?.cpuModel ?? "", runs: here.map(\.runId), previousCommit: nil,
                previousRuns: [], comparison: nil, note: nil)
            guard
                let previous = try await store.previousCommit(machine: machine, before: earliest, excluding: commit)
            else {
                verdict.note = "no earlier commit has results on this machine"
                machines.append(verdict)
                continue
            }
            let before = try await store.runs(RunFilter(commit: previous, machine: machine, limit: maxRunsPerSide)).runs
            verdict.previousCommit = previous
            verdict.previousRuns = before.map(\.runId)
            let baseline = try await documents(before.map(\.runId), store: store)
            do {
                verdict.comparison = try Comparator.compare(
                    baseline: ComparisonInput(label: "commit \(previous.prefix(12))", documents: baseline),
                    candidate: ComparisonInput(label: "commit \(commit.prefix(12))", documents: docs),
                    options: try options(docs, baseline, noiseFolder: noiseFolder), created: Timestamp.now(),
                    tool: ResultsServer.tool)
            } catch {
                verdict.note = "not compared: \(error)"
            }
            machines.append(verdict)
        }
        return (CommitVerdicts(commit: commit, machines: machines), latest)
    }

    /// The `compare` rule: the suite's minimum effect, and with one run a side the machine kind's noise profile
    /// from the server's `--noise` folder (`<machine kind>.json`, as `portbench noise --save` names it) when present.
    static func options(_ docs: [ResultDocument], _ baseline: [ResultDocument], noiseFolder: String?) throws
        -> ComparisonOptions
    {
        let effect = docs.first?.minimumEffect ?? Regression.defaultMinimumEffect
        var options = ComparisonOptions(rule: VerdictRule(minimumEffect: effect))
        guard let noiseFolder, docs.count + baseline.count < 3, let machine = docs.first?.machine else {
            return options
        }
        let url = URL(fileURLWithPath: noiseFolder).appendingPathComponent("\(MachineKind(machine).slug).json")
        if FileManager.default.fileExists(atPath: url.path) {
            options.noise = try NoiseProfile.read(from: url)
            options.noisePath = url.lastPathComponent
        }
        return options
    }

    static func documents(_ ids: [String], store: any RunStore) async throws -> [ResultDocument] {
        var docs: [ResultDocument] = []
        for id in ids {
            guard let json = try await store.document(runId: id) else { continue }
            docs.append(try ResultDocument.decode(json: json))
        }
        return docs
    }
}
