import Foundation
import SQLKit
import SQLiteKit

/// SQLite: one connection to a file, statements serialised; WAL journal with `synchronous=FULL`, so a committed
/// run survives the process being killed and the machine losing power.
final class SQLiteSessions: SQLSessions {
    let backend = StoreBackend.sqlite
    private let connection: SQLiteConnection
    private let gate = SerialGate()

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    static func open(file: String) async throws -> SQLiteSessions {
        let connection = try await SQLiteConnection.open(storage: .file(path: file))
        let db = connection.sql()
        for pragma in [
            "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000",
        ] {
            try await db.raw(SQLQueryString(pragma)).run()
        }
        return SQLiteSessions(connection: connection)
    }

    func withSession<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let db = connection.sql()
        return try await gate.run { try await body(db) }
    }

    func close() async throws {
        try await gate.run { [connection] in try await connection.close() }
    }
}
