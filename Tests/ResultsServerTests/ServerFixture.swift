import Foundation
import PortbenchSchema
import Publish
import TestSupport
import XCTest

/// A data folder, a token file and helpers to start servers on SQLite or on the test PostgreSQL.
struct ServerFixture {
    enum Store: String { case sqlite, postgres }

    let dir: URL
    let store: Store
    let token = "ci-token-\(UUID().uuidString.prefix(12))"
    let otherToken = "other-token-\(UUID().uuidString.prefix(12))"
    var tokensFile: URL { dir.appendingPathComponent("tokens") }

    init(dir: URL, store: Store) throws {
        self.dir = dir
        self.store = store
        try "# runners\nrunner-1 \(token)\nrunner-2 \(otherToken)\n".write(
            to: tokensFile, atomically: true, encoding: .utf8)
        if store == .postgres { try Self.emptyPostgres() }
    }

    /// Both stores when the tests have a PostgreSQL (see `TestDatabases`), else SQLite alone.
    static func stores() throws -> [Store] {
        do {
            _ = try TestDatabases.postgresURL()
            return [.sqlite, .postgres]
        } catch is XCTSkip {
            return [.sqlite]
        }
    }

    func start(_ extra: [String] = []) throws -> ServerProcess {
        var args = ["--tokens", tokensFile.path, "--data", dir.appendingPathComponent("data").path]
        if store == .postgres { args += ["--database", try TestDatabases.postgresURL()] }
        return try ServerProcess(arguments: args + extra, logDir: dir)
    }

    /// Removes every run from the test PostgreSQL (through psql, so the tests need no driver of their own).
    static func emptyPostgres() throws {
        let url = try TestDatabases.postgresURL()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = [
            url.replacingOccurrences(of: "?sslmode=disable", with: ""), "-qc",
            "DO $$ BEGIN IF to_regclass('runs') IS NOT NULL THEN DELETE FROM runs; END IF; END $$;",
        ]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ServerStartError(message: "psql could not empty the test database")
        }
    }

    func uploader(_ base: String, token: String? = nil, timeout: Double = 5, retryFor: Double = 60, parallel: Int = 4)
        throws -> Uploader
    {
        Uploader(
            endpoint: try Endpoint.parse(base), token: try UploadToken(token ?? self.token),
            policy: RetryPolicy(retryFor: retryFor, attemptTimeout: timeout), parallel: parallel)
    }

    /// A real result document (the schema fixture of a `portbench run`) under a new run id.
    static func document(runId: String = UUID().uuidString.lowercased(), commit: String? = nil) throws -> Data {
        var doc = try ResultDocument.read(
            from: Repo.root.appendingPathComponent("Tests/SchemaTests/Fixtures/v1-run.json"))
        doc.runId = runId
        if let commit { doc.machine.gitCommit = commit }
        return try JSONCoding.encoder().encode(doc)
    }

    static func item(runId: String = UUID().uuidString.lowercased(), commit: String? = nil) throws -> UploadItem {
        UploadItem(runId: runId, source: "test", document: try document(runId: runId, commit: commit))
    }

    /// Every run id the server lists, walking `next`.
    static func listedRunIds(_ uploader: Uploader) throws -> [String] {
        var ids: [String] = []
        var url = uploader.endpoint.runsURL + "?limit=500"
        while true {
            let page = try getJSON(uploader, url)
            ids += (page["runs"] as? [[String: Any]] ?? []).compactMap { $0["run_id"] as? String }
            guard let next = page["next"] as? String else { return ids }
            url = uploader.endpoint.runsURL + "?limit=500&after=\(next)"
        }
    }

    static func getJSON(_ uploader: Uploader, _ url: String) throws -> [String: Any] {
        let outcome = uploader.get(url)
        guard case .success(let r) = outcome.last, r.status == 200 else {
            throw ServerStartError(message: "GET \(url) failed: \(String(describing: outcome.last))")
        }
        return try JSONSerialization.jsonObject(with: r.body) as? [String: Any] ?? [:]
    }
}
