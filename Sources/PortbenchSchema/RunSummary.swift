import Foundation

/// One stored run as the results server lists it: who measured what, where and when, without the samples.
public struct RunSummary: Codable, Equatable, Sendable {
    public var runId: String
    public var commit: String
    /// The machine's comparability key (`MachineFingerprint.computeKey()`).
    public var machine: String
    public var cpuModel: String
    public var suite: String
    /// When the run was measured (the document's `created`).
    public var created: String
    /// When the server stored it, and under which token name.
    public var receivedAt: String
    public var uploader: String
    public var cases: Int
    public var failures: Int

    public init(
        runId: String, commit: String, machine: String, cpuModel: String, suite: String, created: String,
        receivedAt: String, uploader: String, cases: Int, failures: Int
    ) {
        self.runId = runId
        self.commit = commit
        self.machine = machine
        self.cpuModel = cpuModel
        self.suite = suite
        self.created = created
        self.receivedAt = receivedAt
        self.uploader = uploader
        self.cases = cases
        self.failures = failures
    }

    /// The summary of a document received now by `uploader`.
    public init(_ doc: ResultDocument, receivedAt: String, uploader: String) {
        self.init(
            runId: doc.runId, commit: doc.machine.gitCommit, machine: doc.machine.computeKey(),
            cpuModel: doc.machine.cpuModel, suite: doc.suite, created: doc.created, receivedAt: receivedAt,
            uploader: uploader, cases: doc.cases.count, failures: doc.failures?.count ?? 0)
    }
}
