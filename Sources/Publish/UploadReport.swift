import Foundation
import PortbenchSchema

/// What an upload or a spool flush did, run by run, and the exit status it means: 0 when every run was delivered,
/// 1 when some run was refused or is still undelivered.
public struct UploadReport: Sendable {
    public var endpoint: String
    public var spool: String?
    public var flushing = false
    public var results: [UploadResult] = []
    /// Run id → the spool file it was written to.
    public var spooled: [String: String] = [:]
    /// Spool files that could not be written, removed or moved.
    public var spoolFailures: [String: String] = [:]
    /// Spool files that were not result documents (moved to `rejected/`).
    public var unreadable: [String] = []

    public init(endpoint: String, spool: String?, flushing: Bool = false) {
        self.endpoint = endpoint
        self.spool = spool
        self.flushing = flushing
    }

    public var stored: Int { results.filter { $0.outcome == .stored }.count }
    public var alreadyStored: Int { results.filter { $0.outcome == .alreadyStored }.count }
    public var refused: Int { results.filter(\.refused).count }
    public var undelivered: Int { results.count - stored - alreadyStored - refused }

    public var status: ExitStatus {
        refused == 0 && undelivered == 0 && unreadable.isEmpty && spoolFailures.isEmpty ? .success : .failure
    }

    /// One line: what happened to how many runs.
    public var summary: String {
        if flushing && results.isEmpty && unreadable.isEmpty { return "upload: spool \(spool ?? "-") is empty" }
        var s =
            "upload: \(results.count) run\(results.count == 1 ? "" : "s") \(flushing ? "from the spool " : "")to \(endpoint): "
        s += "\(stored) stored, \(alreadyStored) already stored, \(refused) refused, \(undelivered) undelivered"
        if flushing {
            if undelivered > 0 { s += " (still waiting in \(spool ?? "the spool"))" }
            if refused + unreadable.count > 0 {
                s += "; \(refused + unreadable.count) moved to \(spool ?? "")/rejected"
            }
        } else if !spooled.isEmpty {
            s += " (\(spooled.count) spooled in \(spool ?? "the spool"))"
        }
        return s
    }
}
