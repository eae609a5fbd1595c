import Foundation

/// A shard document that cannot join the others: names the file and the field that differs or repeats.
public struct ShardMergeError: InputError {
    public let file: String
    public let field: String
    public let message: String

    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String { "\(file): \(field): \(message)" }
}

extension ResultDocument {
    /// Joins the documents of every shard of one run (same commit, suite, machine, settings, policy and seed; each
    /// index once; no case twice) into one: a new run id, every case and raw sample, and `merged_from`.
    public static func merging(_ shards: [(file: String, document: ResultDocument)], runId: String, created: String)
        throws -> ResultDocument
    {
        guard !shards.isEmpty else {
            throw ShardMergeError(file: "merge", field: "shards", message: "expected at least one shard document")
        }
        for (file, doc) in shards where doc.shard == nil {
            throw ShardMergeError(
                file: file, field: "shard", message: "absent; only documents written by `run --shard i/n` merge")
        }
        let sorted = shards.sorted { $0.document.shard!.index < $1.document.shard!.index }
        let (firstFile, first) = sorted[0]
        func refuse(_ file: String, _ field: String, _ this: Any, _ that: Any) -> ShardMergeError {
            ShardMergeError(file: file, field: field, message: "\(this), but \(firstFile) has \(that)")
        }
        var seenIndex: [Int: String] = [:]
        var seenCase: [String: String] = [:]
        for (file, doc) in sorted {
            let shard = doc.shard!
            if shard.count != first.shard!.count {
                throw refuse(file, "shard.count", shard.count, first.shard!.count)
            }
            if let other = seenIndex[shard.index] {
                throw ShardMergeError(
                    file: file, field: "shard.index", message: "shard \(shard.description) is also \(other)")
            }
            seenIndex[shard.index] = file
            if doc.machine.gitCommit != first.machine.gitCommit {
                throw refuse(file, "machine.git_commit", doc.machine.gitCommit, first.machine.gitCommit)
            }
            if doc.suite != first.suite { throw refuse(file, "suite", doc.suite, first.suite) }
            if let d = doc.machine.machineDifferences(first.machine).first {
                throw refuse(file, "machine.\(d.field.rawValue)", d.this, d.other)
            }
            if let d = doc.machine.settingsDifferences(first.machine).first {
                throw refuse(file, "machine.\(d.name)", d.this ?? "unset", d.other ?? "unset")
            }
            if doc.policy != first.policy {
                throw ShardMergeError(file: file, field: "policy", message: "differs from \(firstFile)'s")
            }
            if doc.seed != first.seed { throw refuse(file, "seed", doc.seed, first.seed) }
            for c in doc.cases {
                let key = "\(c.workload)/\(c.scenario) (\(c.backend.rawValue))"
                if let other = seenCase[key] {
                    throw ShardMergeError(file: file, field: "cases", message: "\(key) is also in \(other)")
                }
                seenCase[key] = file
            }
        }
        let count = first.shard!.count
        let missing = (1...count).filter { seenIndex[$0] == nil }
        if !missing.isEmpty {
            throw ShardMergeError(
                file: firstFile, field: "shard.count",
                message: "\(count) shards, but \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) not given")
        }
        let docs = sorted.map(\.document)
        var machine = first.machine
        machine.gitDirty = docs.contains { $0.machine.gitDirty }
        func joined<T>(_ part: (ResultDocument) -> [T]?) -> [T]? {
            let all = docs.flatMap { part($0) ?? [] }
            return all.isEmpty ? nil : all
        }
        var merged = ResultDocument(
            runId: runId, created: created, tool: first.tool, suite: first.suite, policy: first.policy,
            seed: first.seed, machine: machine, calibration: mergedCalibration(docs.compactMap(\.calibration)),
            metrics: first.metrics, cases: docs.flatMap(\.cases), goals: docs.flatMap(\.goals),
            migrations: joined(\.migrations), failures: joined(\.failures),
            measuredMigrations: joined(\.measuredMigrations), nonfiniteInputs: joined(\.nonfiniteInputs),
            mergedFrom: docs.map(\.runId))
        merged.minimumEffect = first.minimumEffect
        merged.modelledDevices = joined(\.modelledDevices).map { all in
            var seen = Set<String>()
            return all.filter { seen.insert($0.name).inserted }
        }
        return merged
    }

    /// The first shard's calibration, with the GEMM shapes only later shards measured added.
    static func mergedCalibration(_ all: [Calibration]) -> Calibration? {
        guard var out = all.first else { return nil }
        for c in all.dropFirst() {
            out.gemm += c.gemm.filter { g in !out.gemm.contains { $0.shape == g.shape } }
        }
        return out
    }
}
