import Foundation
import PortbenchSchema
import Publish

/// `portbench upload`: result files to deliver (or the spool to flush), and how.
public struct UploadRequest: Sendable {
    public var files: [String] = []
    /// `--flush-spool`: deliver the spooled runs instead of files.
    public var flushSpool = false
    public var options = UploadOptions()
    /// Where the endpoint, token and spool variables are read (the process's environment in the CLI).
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init() {}
}

extension Commands {
    /// Uploads result files to the results server (every file checked before the first request), spooling the runs
    /// that could not be delivered; or delivers the spool. Exit 0 when every run was delivered, 1 when some run was
    /// refused or is still undelivered, 2 for bad input (files, options, endpoint, a missing token).
    public static func upload(
        _ r: UploadRequest, note: @escaping Note, transport: HTTPTransport = CurlTransport()
    ) throws -> CommandOutput {
        if r.flushSpool, !r.files.isEmpty {
            throw UsageError("--flush-spool takes no result files; upload them in a separate call")
        }
        if !r.flushSpool, r.files.isEmpty {
            throw UsageError("expected result files to upload, or --flush-spool")
        }
        try r.options.validate()
        let items = try ResultFiles.items(r.files)
        let session = try UploadSession.make(r.options, environment: r.environment, transport: transport)
        let report = try r.flushSpool ? session.flushSpool(note: note) : session.deliver(items, note: note)
        return CommandOutput(report.summary, status: report.status)
    }

    /// The automatic upload after `run` and `ab` when `PORTBENCH_ENDPOINT` is set (and `--no-upload` is not given):
    /// a 120 s deadline, undelivered runs spooled, a line on stderr; the command's exit status does not change.
    static func automaticUpload(_ files: [String], enabled: Bool, note: @escaping Note) {
        guard enabled else { return }
        UploadSession.automatic(files: files, environment: ProcessInfo.processInfo.environment, note: note)
    }
}
