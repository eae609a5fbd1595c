import Foundation
import PortbenchSchema
import SQLKit
import TestSupport
import XCTest

@testable import ResultsStore

/// The same storage behaviour on SQLite and on PostgreSQL: each test runs its body once per backend (PostgreSQL
/// when `PORTBENCH_TEST_POSTGRES_URL` is set; CI sets it through ci/with-postgres.sh and requires it).
final class RunStoreTests: XCTestCase {
    var backend: StoreBackend = .sqlite
    var dir: URL!

    func open() async throws -> any RunStore { try await StoreFixture.open(backend, dir: dir) }

    /// Runs `body` on SQLite, then on PostgreSQL when one is configured.
    func onEachBackend(_ body: () async throws -> Void) async throws {
        for b in try StoreFixture.backends() {
            backend = b
            dir = try makeTemporaryDirectory("run-store")
            try await body()
        }
    }

    func testInsertThenRepeatStoresOnceAndReturnsTheStoredSummary() async throws {
        try await onEachBackend {
            let store = try await open()
            let doc = StoreFixture.doc(run: "run-1", commit: "aaa", created: "2026-12-01T00:00:00Z")
            let json = try StoreFixture.json(doc)
            guard case .stored(let first) = try await store.insert(doc, json: json, uploader: "r1", receivedAt: "t1")
            else { return XCTFail("the first insert must store") }
            guard
                case .alreadyStored(let again) = try await store.insert(
                    doc, json: json, uploader: "r2", receivedAt: "t2")
            else { return XCTFail("the repeat must not store") }
            XCTAssertEqual(again, first, "the repeat answers with what was stored first (uploader r1, time t1)")
            XCTAssertEqual(first.uploader, "r1")
            XCTAssertEqual(first.machine, doc.machine.computeKey())
            let count = try await store.count()
            XCTAssertEqual(count, 1)
            let stored = try await store.document(runId: "run-1")
            XCTAssertEqual(stored, json, "the document comes back byte for byte")
            try await store.close()
        }
    }

    func testConcurrentInsertsOfOneRunStoreItOnce() async throws {
        try await onEachBackend {
            let store = try await open()
            let doc = StoreFixture.doc(run: "raced", commit: "aaa", created: "2026-12-01T00:00:00Z")
            let json = try StoreFixture.json(doc)
            let outcomes = try await withThrowingTaskGroup(of: InsertOutcome.self) { group in
                for i in 0..<16 {
                    group.addTask { try await store.insert(doc, json: json, uploader: "r\(i)", receivedAt: "t") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(outcomes.filter { if case .stored = $0 { return true } else { return false } }.count, 1)
            let count = try await store.count()
            XCTAssertEqual(count, 1)
            let points = try await store.series(
                SeriesQuery(
                    workload: "w0", scenario: "prefill-128", backend: "cpu-reference", metric: "median_s",
                    machine: doc.machine.computeKey()))
            XCTAssertEqual(points.count, 1, "the losing inserts left no metric rows behind")
            try await store.close()
        }
    }

    func testListingFiltersAndPagesEveryRunExactlyOnceNewestFirst() async throws {
        try await onEachBackend {
            let store = try await open()
            var expected: [String] = []
            for i in 0..<23 {
                let created = String(format: "2026-12-%02dT00:00:00Z", 1 + i / 2)  // pairs share a time
                let doc = StoreFixture.doc(
                    run: String(format: "run-%02d", i), commit: i < 10 ? "aaa" : "bbb", created: created,
                    cpu: i % 3 == 0 ? "CPU X" : "Test CPU", suite: i % 2 == 0 ? "nightly" : "smoke")
                _ = try await store.insert(doc, json: try StoreFixture.json(doc), uploader: "r", receivedAt: "t")
                expected.append(doc.runId)
            }
            var seen: [RunSummary] = []
            var filter = RunFilter(limit: 5)
            repeat {
                let page = try await store.runs(filter)
                XCTAssertLessThanOrEqual(page.runs.count, 5)
                seen += page.runs
                filter.after = page.next
            } while filter.after != nil
            XCTAssertEqual(Set(seen.map(\.runId)), Set(expected))
            XCTAssertEqual(seen.count, 23, "no run twice across pages")
            let order = seen.map { ($0.created, $0.runId) }
            XCTAssertEqual(order.map(\.0), order.map(\.0).sorted(by: >), "newest first")
            let atB = try await store.runs(RunFilter(commit: "bbb", limit: 100)).runs
            XCTAssertEqual(atB.count, 13)
            XCTAssertTrue(atB.allSatisfy { $0.commit == "bbb" })
            let smoke = try await store.runs(RunFilter(suite: "smoke", limit: 100)).runs
            XCTAssertEqual(smoke.count, 11)
            let machineX = StoreFixture.doc(run: "x", commit: "x", created: "x", cpu: "CPU X").machine.computeKey()
            let onX = try await store.runs(RunFilter(machine: machineX, limit: 100)).runs
            XCTAssertEqual(
                onX.map(\.runId).sorted(), expected.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
            try await store.close()
        }
    }

    func testSeriesAndPreviousCommitFollowMeasurementTimeOnOneMachine() async throws {
        try await onEachBackend {
            let store = try await open()
            let runs: [(String, String, String, Double)] = [
                ("r1", "c1", "2026-12-01T00:00:00Z", 0.010), ("r2", "c2", "2026-12-02T00:00:00Z", 0.011),
                ("r3", "c3", "2026-12-03T00:00:00Z", 0.020), ("r4", "c3", "2026-12-03T01:00:00Z", 0.021),
            ]
            for (run, commit, created, median) in runs.reversed() {
                let doc = StoreFixture.doc(run: run, commit: commit, created: created, medians: [median])
                _ = try await store.insert(doc, json: try StoreFixture.json(doc), uploader: "r", receivedAt: "t")
            }
            let other = StoreFixture.doc(run: "elsewhere", commit: "c2", created: "2026-12-02T12:00:00Z", cpu: "CPU Y")
            _ = try await store.insert(other, json: try StoreFixture.json(other), uploader: "r", receivedAt: "t")
            let machine = StoreFixture.doc(run: "x", commit: "x", created: "x").machine.computeKey()
            let key = SeriesQuery(
                workload: "w0", scenario: "prefill-128", backend: "cpu-reference", metric: "median_s", machine: machine)
            let points = try await store.series(key)
            XCTAssertEqual(points.map(\.runId), ["r1", "r2", "r3", "r4"], "oldest first, other machines left out")
            XCTAssertEqual(points.map(\.commit), ["c1", "c2", "c3", "c3"])
            let medians = runs.map { r in
                StoreFixture.doc(run: "", commit: "", created: "", medians: [r.3]).cases[0].stats.median
            }
            XCTAssertEqual(points.map(\.value), medians)
            var flops = key
            flops.metric = "flops"
            let counted = try await store.series(flops)
            XCTAssertEqual(counted.map(\.value), [1e9, 1e9, 1e9, 1e9], "counted figures are series too")
            let previous = try await store.previousCommit(
                machine: machine, before: "2026-12-03T00:00:00Z", excluding: "c3")
            XCTAssertEqual(previous, "c2")
            let none = try await store.previousCommit(machine: machine, before: "2026-12-01T00:00:00Z", excluding: "c1")
            XCTAssertNil(none)
            try await store.close()
        }
    }

    func testDataSurvivesReopeningAndANewerSchemaIsRefused() async throws {
        try await onEachBackend {
            let store = try await open()
            let doc = StoreFixture.doc(run: "kept", commit: "aaa", created: "2026-12-01T00:00:00Z")
            _ = try await store.insert(doc, json: try StoreFixture.json(doc), uploader: "r", receivedAt: "t")
            try await store.close()
            let location: StoreLocation =
                backend == .sqlite
                ? try StoreLocation.resolve(data: dir.path, database: nil)
                : .postgres(url: try TestDatabases.postgresURL())
            let reopened = try await location.open()
            let kept = try await reopened.document(runId: "kept")
            XCTAssertNotNil(kept)
            let sessions = (reopened as! SQLRunStore).sessions
            try await sessions.withSession { db in
                try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')")
                    .run()
            }
            try await reopened.close()
            do {
                let refused = try await location.open()
                try await refused.close()
                XCTFail("a database from a newer server must be refused")
            } catch let error as StoreError {
                XCTAssertEqual(error, .newerSchema(found: 99, known: Migrations.latest))
            }
            let raw = try await StoreFixture.sessions(location)
            try await raw.withSession { db in try await db.raw("DELETE FROM schema_migrations WHERE version = 99").run()
            }
            try await raw.close()
        }
    }
}

final class CaseMetricsTests: XCTestCase {
    /// The hand-written column JSON reads back as written, awkward names and extreme values included.
    func testColumnRoundTrips() throws {
        let cases = [
            CaseMetrics(
                workload: "w\"q\\\u{1}", scenario: "prefill-128", backend: "cpu-reference",
                values: ["median_s": 1.2345678901234567e-05, "flops": 3.29e12, "neg": -0.0, "one": 1, "big": 1e300]),
            CaseMetrics(workload: "ünï", scenario: "s", backend: "xla", values: [:]),
        ]
        let text = CaseMetrics.encode(cases)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)), text)
        XCTAssertEqual(try CaseMetrics.decode(text), cases)
        XCTAssertEqual(CaseMetrics.encode([]), "[]")
    }

    /// Every case's column holds exactly the finite values `metric(named:)` answers for its metric keys and the
    /// counted figures (the first case of a repeated workload, scenario and backend only).
    func testColumnHoldsEveryFiniteMetricOfTheNightlyFixture() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ResultsServerTests/Fixtures/nightly-run.json")
        let doc = try ResultDocument.decode(json: Data(contentsOf: url))
        let columns = CaseMetrics.of(doc)
        XCTAssertEqual(columns.count, doc.cases.count)
        for (c, column) in zip(doc.cases, columns) {
            var expected: [String: Double] = [:]
            for name in c.metrics.keys.sorted() + CaseResult.countedFigureKeys {
                if let v = c.metric(named: name), v.isFinite, expected[name] == nil { expected[name] = v }
            }
            XCTAssertEqual(column.values, expected, "\(c.workload) \(c.scenario)")
            XCTAssertGreaterThan(column.values.count, 5)
        }
    }
}

final class TimestampTests: XCTestCase {
    /// The hand-formatted time is what `ISO8601DateFormatter` writes, to the nearest millisecond, before 1970 too.
    func testFormatMatchesFoundationsFormatter() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var rng = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, 0.0005, 0.9994, 59.999, -0.001, -86_400.5, 951_782_400.123, 4_102_444_799.999]
        for t in fixed + (0..<2000).map({ _ in Double.random(in: -2e9...4e9, using: &rng) }) {
            let date = Date(timeIntervalSince1970: t)
            XCTAssertEqual(Timestamp.format(date), f.string(from: date), "\(t)")
        }
    }
}
