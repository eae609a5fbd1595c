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
    static func build(commit: String, store: any RunStore) async throws -> (CommitVerdicts, [ResultDocument])? {
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
                    options: ComparisonOptions(), created: ServerClock.now(), tool: "portbench-server 0.1.0")
            } catch {
                verdict.note = "not compared: \(error)"
            }
            machines.append(verdict)
        }
        return (CommitVerdicts(commit: commit, machines: machines), latest)
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
