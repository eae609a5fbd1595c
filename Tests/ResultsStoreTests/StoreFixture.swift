import Foundation
import PortbenchSchema
import SQLKit
import TestSupport
import XCTest

@testable import ResultsStore

/// A fresh store on either backend: a new SQLite file, or the test PostgreSQL emptied.
enum StoreFixture {
    static func open(_ backend: StoreBackend, dir: URL) async throws -> any RunStore {
        switch backend {
        case .sqlite:
            return try await StoreLocation.resolve(data: dir.path, database: nil).open()
        case .postgres:
            let store = try await StoreLocation.postgres(url: try TestDatabases.postgresURL()).open()
            try await empty(store)
            return store
        }
    }

    /// SQLite always; PostgreSQL when the tests have one (see `TestDatabases`).
    static func backends() throws -> [StoreBackend] {
        do {
            _ = try TestDatabases.postgresURL()
            return [.sqlite, .postgres]
        } catch is XCTSkip {
            return [.sqlite]
        }
    }

    static func empty(_ store: any RunStore) async throws {
        let sessions = (store as! SQLRunStore).sessions
        try await sessions.withSession { db in
            try await db.raw("DELETE FROM runs").run()
        }
    }

    /// Sessions on the location without migrating (to undo what a test did to the schema table).
    static func sessions(_ location: StoreLocation) async throws -> any SQLSessions {
        switch location {
        case .sqlite(let file): return try await SQLiteSessions.open(file: file)
        case .postgres(let url): return try await PostgresSessions.open(url: url, connections: 1)
        }
    }

    static func json(_ doc: ResultDocument) throws -> Data { try JSONCoding.encoder().encode(doc) }

    static func doc(
        run: String, commit: String, created: String, cpu: String = "Test CPU", suite: String = "nightly",
        medians: [Double] = [0.010, 0.020]
    ) -> ResultDocument {
        var d = SyntheticResults.result(
            medians.enumerated().map { ("w\($0.offset)", SyntheticResults.samples($0.element, n: 5)) },
            machine: SyntheticResults.machine(cpu: cpu), run: run, created: created, commit: commit)
        d.suite = suite
        return d
    }
}
