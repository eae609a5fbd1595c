import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// PostgreSQL: a pool of connections, each session (and so each transaction) on one of them. (The pool is
/// thread-safe but not marked Sendable by AsyncKit.)
final class PostgresSessions: SQLSessions, @unchecked Sendable {
    let backend = StoreBackend.postgres
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let logger = Logger(label: "portbench-server.postgres")

    private init(pool: EventLoopGroupConnectionPool<PostgresConnectionSource>) {
        self.pool = pool
    }

    static func open(url: String, connections: Int) async throws -> PostgresSessions {
        let config = try SQLPostgresConfiguration(url: url)
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: config), maxConnectionsPerEventLoop: connections,
            on: MultiThreadedEventLoopGroup.singleton)
        let sessions = PostgresSessions(pool: pool)
        do {
            _ = try await sessions.withSession { db in try await db.raw("SELECT 1 AS one").all().count }
        } catch {
            try? await pool.shutdownAsync()
            throw StoreError.cannotOpen("PostgreSQL at \(StoreLocation.redacted(url)): \(String(reflecting: error))")
        }
        return sessions
    }

    func withSession<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await pool.withConnection(logger: logger) { connection in
            connection.eventLoop.makeFutureWithTask { try await body(connection.sql()) }
        }.get()
    }

    func close() async throws {
        try await pool.shutdownAsync()
    }
}
