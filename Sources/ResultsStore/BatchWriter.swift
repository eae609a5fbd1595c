import Foundation
import PortbenchSchema
import SQLKit

/// Group commit: runs that arrive while a transaction is being written wait and go together in the next one, so
/// one sync to disk covers many runs; each caller is answered only after the commit that holds its run.
actor BatchWriter {
    /// One run ready to write: its summary columns, its JSON and its case metrics.
    struct Run: Sendable {
        var summary: RunSummary
        var document: String
        var caseMetrics: String
    }

    private struct Waiting {
        var run: Run
        var continuation: CheckedContinuation<Bool, any Error>
    }

    private let sessions: any SQLSessions
    private var queue: [Waiting] = []
    private var writing = false
    static let maxBatch = 64

    init(sessions: any SQLSessions) {
        self.sessions = sessions
    }

    /// True when the run was stored now, false when its run id was stored before.
    func insert(_ run: Run) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Waiting(run: run, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.maxBatch))
            queue.removeFirst(batch.count)
            do {
                let stored = try await Self.write(batch.map(\.run), sessions)
                for (waiting, s) in zip(batch, stored) { waiting.continuation.resume(returning: s) }
            } catch {
                // One failing run must not fail the others: each is written alone.
                for waiting in batch {
                    do {
                        let stored = try await Self.write([waiting.run], sessions)
                        waiting.continuation.resume(returning: stored[0])
                    } catch {
                        waiting.continuation.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    /// One transaction: each run inserted unless its id is there. The statement is written once as text (the
    /// query builder's serialization was a twentieth of the server's time per upload); both dialects take it.
    private static func write(_ runs: [Run], _ sessions: any SQLSessions) async throws -> [Bool] {
        try await sessions.transaction { db in
            var stored: [Bool] = []
            for run in runs {
                let s = run.summary
                let sql: SQLQueryString = """
                    INSERT INTO runs (\(unsafeRaw: insertColumns)) VALUES (\(bind: s.runId), \(bind: s.commit), \
                    \(bind: s.machine), \(bind: s.cpuModel), \(bind: s.suite), \(bind: s.created), \(bind: s.receivedAt), \
                    \(bind: s.uploader), \(bind: s.cases), \(bind: s.failures), \(bind: run.caseMetrics), \
                    \(bind: run.document)) ON CONFLICT (run_id) DO NOTHING RETURNING run_id
                    """
                stored.append(!(try await db.raw(sql).all()).isEmpty)
            }
            return stored
        }
    }

    private static let insertColumns = (SQLRunStore.summaryColumns + ["case_metrics", "document"]).joined(
        separator: ", ")
}
