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
            summary: summary, document: String(decoding: json, as: UTF8.self), metrics: Self.metricRows(doc))
        if try await writer.insert(run) { return .stored(summary) }
        guard let existing = try await self.summary(runId: doc.runId) else {
            throw StoreError.corrupt("run \(doc.runId) conflicted on insert but cannot be read back")
        }
        return .alreadyStored(existing)
    }

    struct MetricRow: Sendable {
        var workload: String
        var scenario: String
        var backend: String
        var metric: String
        var value: Double
    }

    /// Every finite metric of every case (the measured ones and the counted figures), first occurrence kept.
    static func metricRows(_ doc: ResultDocument) -> [MetricRow] {
        var seen = Set<String>()
        var rows: [MetricRow] = []
        for c in doc.cases {
            let names = c.metrics.keys.sorted() + CaseResult.countedFigureKeys
            for name in names {
                guard let value = c.metric(named: name), value.isFinite else { continue }
                let key = "\(c.workload)\u{1f}\(c.scenario)\u{1f}\(c.backend.rawValue)\u{1f}\(name)"
                guard seen.insert(key).inserted else { continue }
                rows.append(
                    MetricRow(
                        workload: c.workload, scenario: c.scenario, backend: c.backend.rawValue, metric: name,
                        value: value))
            }
        }
        return rows
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
        try await sessions.withSession { db in
            try await db.select()
                .columns(
                    SQLColumn("run_id", table: "r"), SQLColumn("created", table: "r"),
                    SQLColumn("commit_sha", table: "r"), SQLColumn("value", table: "m")
                )
                .from(SQLAlias(SQLIdentifier("case_metrics"), as: SQLIdentifier("m")))
                .join(
                    SQLAlias(SQLIdentifier("runs"), as: SQLIdentifier("r")), method: SQLJoinMethod.inner,
                    on: SQLColumn("run_id", table: "r"), .equal, SQLColumn("run_id", table: "m")
                )
                .where(SQLColumn("workload", table: "m"), .equal, SQLBind(key.workload))
                .where(SQLColumn("scenario", table: "m"), .equal, SQLBind(key.scenario))
                .where(SQLColumn("backend", table: "m"), .equal, SQLBind(key.backend))
                .where(SQLColumn("metric", table: "m"), .equal, SQLBind(key.metric))
                .where(SQLColumn("machine", table: "r"), .equal, SQLBind(key.machine))
                .orderBy(SQLColumn("created", table: "r")).orderBy(SQLColumn("run_id", table: "r"))
                .all()
                .map { row in
                    HistoryPoint(
                        runId: try row.decode(column: "run_id", as: String.self),
                        created: try row.decode(column: "created", as: String.self),
                        commit: try row.decode(column: "commit_sha", as: String.self),
                        value: try row.decode(column: "value", as: Double.self))
                }
        }
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
