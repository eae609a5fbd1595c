import Foundation

/// Where runs are kept: an SQLite file in the data folder (the default), or a PostgreSQL URL shared by a deployment.
public enum StoreLocation: Equatable, Sendable {
    case sqlite(file: String)
    case postgres(url: String)

    public static let sqliteFileName = "portbench.sqlite"

    /// `--database` wins over `--data`; the data folder is created when missing.
    public static func resolve(data: String, database: String?) throws -> StoreLocation {
        if let database {
            guard database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") else {
                throw StoreError.cannotOpen(
                    "--database: expected a postgres:// or postgresql:// URL, got \(redacted(database))")
            }
            return .postgres(url: database)
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: data, isDirectory: &isDir) {
            guard isDir.boolValue else { throw StoreError.cannotOpen("--data \(data): not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotOpen("--data \(data): cannot create the folder (\(error.localizedDescription))")
            }
        }
        return .sqlite(file: URL(fileURLWithPath: data).appendingPathComponent(sqliteFileName).path)
    }

    /// Opens the store and brings its schema up to date.
    public func open(connections: Int = 8) async throws -> any RunStore {
        let sessions: any SQLSessions
        switch self {
        case .sqlite(let file):
            do {
                sessions = try await SQLiteSessions.open(file: file)
            } catch {
                throw StoreError.cannotOpen("SQLite file \(file): \(String(reflecting: error))")
            }
        case .postgres(let url):
            sessions = try await PostgresSessions.open(url: url, connections: connections)
        }
        do {
            try await Migrations.apply(sessions)
        } catch {
            try? await sessions.close()
            throw error
        }
        return SQLRunStore(sessions: sessions)
    }

    /// What to print of the location: a URL's password replaced by `***`.
    public var display: String {
        switch self {
        case .sqlite(let file): return "sqlite:\(file)"
        case .postgres(let url): return Self.redacted(url)
        }
    }

    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? "postgres://(unprintable URL)"
    }
}
