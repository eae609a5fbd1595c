import Foundation

/// How one run's delivery ended, with the attempts it took.
public struct UploadResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// 201: stored now.
        case stored
        /// 200: this run id was stored before (by an earlier attempt whose answer was lost, or an earlier upload).
        case alreadyStored
        /// A final refusal (4xx other than 408 and 429, or an unexpected status); sending it again cannot help.
        case refused(status: Int, message: String, field: String?)
        /// The deadline passed (or the certificate is not trusted) without an answer that settles it.
        case undelivered(lastError: String)
    }

    public var runId: String
    public var source: String
    public var outcome: Outcome
    public var attempts: Int
    /// Seconds from the first attempt's start to the end of the last.
    public var seconds: Double

    /// Stored now or before.
    public var delivered: Bool { outcome == .stored || outcome == .alreadyStored }

    public var refused: Bool {
        if case .refused = outcome { return true }
        return false
    }

    /// The progress line: `upload: <run id> stored (201) after 2 attempts`.
    public var line: String {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        switch outcome {
        case .stored: return "upload: \(runId) stored (201) after \(tries)"
        case .alreadyStored: return "upload: \(runId) already stored (200) after \(tries)"
        case .refused(let status, let message, let field):
            return "upload: \(runId) refused (\(status)): \(message)" + (field.map { " [field \($0)]" } ?? "")
        case .undelivered(let error):
            return String(format: "upload: %@ not delivered after %@ in %.1f s: %@", runId, tries, seconds, error)
        }
    }
}
