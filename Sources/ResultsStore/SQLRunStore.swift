import Foundation
import PortbenchSchema
import Regression
import SQLKit

/// `RunStore` over SQL: a run row with its exact JSON, and one row per (case, metric) for series queries.
final class SQLRunStore: RunStore {
    let sessions: any SQLSessions
    static let summaryColumns = [
        "run_id", "commit_sha", "machine", "cpu_model", "suite", "created", "received_at", "uploader", "case_count",
        "failure_count",
    ]

    let writer: BatchWriter

    init(sessions: any SQLSessions) {
        self.sessions = sessions
        self.writer = BatchWriter(sessions: sessions)
    }

    func insert(_ doc: ResultDocument, json: Data, uploader: String, receivedAt: String) async throws -> InsertOutcome {
        let summary = RunSummary(doc, receivedAt: receivedAt, uploader: uploader)
        let run = BatchWriter.Run(
            summary: summary, document: String(decoding: json, as: UTF8.self),
            caseMetrics: CaseMetrics.encode(CaseMetrics.of(doc)))
        if try await writer.insert(run) { return .stored(summary) }
        guard let existing = try await self.summary(runId: doc.runId) else {
            throw StoreError.corrupt("run \(doc.runId) conflicted on insert but cannot be read back")
        }
        return .alreadyStored(existing)
    }

    func summary(runId: String) async throws -> RunSummary? {
        try await sessions.withSession { db in
            try await db.select().columns(Self.summaryColumns).from("runs").where("run_id", .equal, runId).first()
                .map(Self.summary)
        }
    }

    func runs(_ filter: RunFilter) async throws -> RunPage {
        let limit = max(1, filter.limit)
        let rows = try await sessions.withSession { db in
            var q = db.select().columns(Self.summaryColumns).from("runs")
            if let c = filter.commit { q = q.where("commit_sha", .equal, c) }
            if let m = filter.machine { q = q.where("machine", .equal, m) }
            if let s = filter.suite { q = q.where("suite", .equal, s) }
            if let after = filter.after {
                q = q.where(group: {
                    $0.where("created", .lessThan, after.created).orWhere(group: {
                        $0.where("created", .equal, after.created).where("run_id", .lessThan, after.runId)
                    })
                })
            }
            return try await q.orderBy("created", .descending).orderBy("run_id", .descending).limit(limit + 1).all()
                .map(Self.summary)
        }
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map { RunCursor(created: $0.created, runId: $0.runId) } : nil
        return RunPage(runs: page, next: next)
    }

    func document(runId: String) async throws -> Data? {
        try await sessions.withSession { db in
            try await db.select().column("document").from("runs").where("run_id", .equal, runId).first()
                .map { Data(try $0.decode(column: "document", as: String.self).utf8) }
        }
    }

    func series(_ key: SeriesQuery) async throws -> [HistoryPoint] {
        try await machineSeries(machine: key.machine, metric: key.metric, lastRuns: nil)[
            SeriesCase(workload: key.workload, scenario: key.scenario, backend: key.backend)] ?? []
    }

    func machineSeries(machine: String, metric: String, lastRuns: Int?) async throws -> [SeriesCase: [HistoryPoint]] {
        let rows = try await sessions.withSession { db in
            var q = db.select().columns("run_id", "created", "commit_sha", "case_metrics").from("runs")
                .where("machine", .equal, machine).orderBy("created", .descending).orderBy("run_id", .descending)
            if let lastRuns { q = q.limit(lastRuns) }
            return try await q.all().map { row in
                (
                    runId: try row.decode(column: "run_id", as: String.self),
                    created: try row.decode(column: "created", as: String.self),
                    commit: try row.decode(column: "commit_sha", as: String.self),
                    metrics: try row.decode(column: "case_metrics", as: String.self)
                )
            }
        }
        var series: [SeriesCase: [HistoryPoint]] = [:]
        for row in rows.reversed() {
            for c in try CaseMetrics.decode(row.metrics) {
                guard let value = c.values[metric] else { continue }
                series[SeriesCase(workload: c.workload, scenario: c.scenario, backend: c.backend), default: []].append(
                    HistoryPoint(runId: row.runId, created: row.created, commit: row.commit, value: value))
            }
        }
        return series
    }

    func previousCommit(machine: String, before created: String, excluding commit: String) async throws -> String? {
        try await sessions.withSession { db in
            try await db.select().column("commit_sha").from("runs").where("machine", .equal, machine)
                .where("created", .lessThan, created).where("commit_sha", .notEqual, commit)
                .orderBy("created", .descending).orderBy("run_id", .descending).limit(1).first()
                .map { try $0.decode(column: "commit_sha", as: String.self) }
        }
    }

    func count() async throws -> Int {
        try await sessions.withSession { db in
            try await db.raw("SELECT COUNT(*) AS n FROM runs").first().map { try $0.decode(column: "n", as: Int.self) }
                ?? 0
        }
    }

    func close() async throws {
        try await sessions.close()
    }

    static func summary(_ row: any SQLRow) throws -> RunSummary {
        RunSummary(
            runId: try row.decode(column: "run_id", as: String.self),
            commit: try row.decode(column: "commit_sha", as: String.self),
            machine: try row.decode(column: "machine", as: String.self),
            cpuModel: try row.decode(column: "cpu_model", as: String.self),
            suite: try row.decode(column: "suite", as: String.self),
            created: try row.decode(column: "created", as: String.self),
            receivedAt: try row.decode(column: "received_at", as: String.self),
            uploader: try row.decode(column: "uploader", as: String.self),
            cases: try row.decode(column: "case_count", as: Int.self),
            failures: try row.decode(column: "failure_count", as: Int.self))
    }
}
