import Foundation
import SQLKit

/// A source of SQL sessions: a connection on which a transaction's statements run in order.
protocol SQLSessions: Sendable {
    var backend: StoreBackend { get }
    func withSession<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async throws
}

/// Which database a store runs on.
public enum StoreBackend: String, Sendable {
    case sqlite
    case postgres
}

extension SQLSessions {
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withSession { db in
            try await db.raw("BEGIN").run()
            do {
                let value = try await body(db)
                try await db.raw("COMMIT").run()
                return value
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
