import Foundation

/// What the user chose for an upload (`portbench upload`, the automatic upload after `run`, `upload-bench`).
public struct UploadOptions: Sendable {
    /// `--endpoint` (else `PORTBENCH_ENDPOINT`).
    public var endpoint: String?
    public var allowHTTP = false
    /// `--timeout`: seconds per attempt.
    public var timeout = 30.0
    /// `--retry-for`: seconds after the first attempt during which a run is retried.
    public var retryFor = 600.0
    /// `--parallel`: runs in flight at once.
    public var parallel = 4
    /// `--spool` (else `PORTBENCH_SPOOL`, else the cache folder).
    public var spool: String?
    public var noSpool = false

    /// The shorter deadline of the automatic upload after `run` and `ab` (their own result is on disk anyway).
    public static let automaticRetryFor = 120.0
    public static let parallelRange = 1...256

    public init() {}

    /// Ranges checked before anything is read.
    public func validate() throws {
        guard timeout > 0, timeout <= 3600 else {
            throw PublishInputError("--timeout: expected seconds above 0 and at most 3600, got \(timeout)")
        }
        guard retryFor >= 0, retryFor <= 86400 else {
            throw PublishInputError("--retry-for: expected 0...86400 seconds, got \(retryFor)")
        }
        guard Self.parallelRange.contains(parallel) else {
            throw PublishInputError(
                "--parallel: expected \(Self.parallelRange.lowerBound)...\(Self.parallelRange.upperBound), got \(parallel)"
            )
        }
    }
}
