import Foundation
import SQLKit

/// The store's schema as numbered migrations, applied in order and recorded in `schema_migrations`; the same SQL
/// on SQLite and PostgreSQL (types both read alike: TEXT, BIGINT).
enum Migrations {
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    static let all: [Migration] = [
        Migration(
            version: 1, name: "runs",
            statements: [
                """
                CREATE TABLE runs (
                    run_id TEXT PRIMARY KEY, commit_sha TEXT NOT NULL, machine TEXT NOT NULL,
                    cpu_model TEXT NOT NULL, suite TEXT NOT NULL, created TEXT NOT NULL, received_at TEXT NOT NULL,
                    uploader TEXT NOT NULL, case_count BIGINT NOT NULL, failure_count BIGINT NOT NULL,
                    case_metrics TEXT NOT NULL, document TEXT NOT NULL)
                """,
                "CREATE INDEX runs_by_created ON runs (created, run_id)",
                "CREATE INDEX runs_by_commit ON runs (commit_sha, created)",
                "CREATE INDEX runs_by_machine ON runs (machine, created, run_id)",
            ])
    ]

    static var latest: Int { all.map(\.version).max() ?? 0 }

    /// Applies every migration not yet recorded, each in its own transaction; refuses a newer database.
    static func apply(_ sessions: any SQLSessions) async throws {
        try await sessions.withSession { db in
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            ).run()
        }
        let applied = try await sessions.withSession { db in
            try await db.raw("SELECT version FROM schema_migrations").all().map {
                try $0.decode(column: "version", as: Int.self)
            }
        }
        if let newest = applied.max(), newest > latest { throw StoreError.newerSchema(found: newest, known: latest) }
        for migration in all where !applied.contains(migration.version) {
            try await sessions.transaction { db in
                for statement in migration.statements { try await db.raw(SQLQueryString(statement)).run() }
                try await db.insert(into: "schema_migrations").columns("version", "name", "applied_at")
                    .values(migration.version, migration.name, Timestamp.now()).run()
            }
        }
    }
}

/// UTC time as the store keeps it (ISO 8601 with milliseconds, so arrival order is kept within a second): migration
/// times, and the server's arrival times and generated documents.
public enum Timestamp {
    public static func now() -> String { format(Date()) }

    /// `2026-12-03T12:41:05.175Z`: what `ISO8601DateFormatter` writes with internet date-time and fractional seconds,
    /// formatted directly (the formatter took a twentieth of the server's time per upload).
    public static func format(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down))
        var seconds = time_t(millis.floorQuotient(1000))
        var t = tm()
        gmtime_r(&seconds, &t)
        func pad(_ v: Int32, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let date = "\(pad(t.tm_year + 1900, 4))-\(pad(t.tm_mon + 1, 2))-\(pad(t.tm_mday, 2))"
        let time =
            "\(pad(t.tm_hour, 2)):\(pad(t.tm_min, 2)):\(pad(t.tm_sec, 2)).\(pad(Int32(millis.floorRemainder(1000)), 3))"
        return date + "T" + time + "Z"
    }
}

extension Int64 {
    /// Floor division and its non-negative remainder (times before 1970 included).
    fileprivate func floorQuotient(_ d: Int64) -> Int64 { (self - floorRemainder(d)) / d }
    fileprivate func floorRemainder(_ d: Int64) -> Int64 { ((self % d) + d) % d }
}
