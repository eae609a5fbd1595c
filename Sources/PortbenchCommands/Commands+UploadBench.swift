import Foundation
import PortbenchSchema
import Publish

/// `portbench upload-bench`: the document to copy, how many runs, how many clients, the report file.
public struct UploadBenchRequest: Sendable {
    public var file = ""
    public var runs = 2000
    public var clients = 32
    public var json: String?
    /// Endpoint, timeout, deadline and `--allow-http`; nothing is spooled.
    public var options = UploadOptions()
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init() {}
}

extension Commands {
    /// Load test of a results server: `runs` copies of one document with fresh run ids through the uploader with
    /// `clients` at once, every one read back; exit 1 unless every run is stored exactly as sent.
    public static func uploadBench(
        _ r: UploadBenchRequest, note: @escaping Note, transport: HTTPTransport = CurlTransport()
    ) throws -> CommandOutput {
        var options = r.options
        options.noSpool = true
        options.parallel = min(max(r.clients, 1), UploadOptions.parallelRange.upperBound)
        try options.validate()
        let jsonFile = try output(r.json, role: "--json", inputs: [r.file])
        let doc = try ResultDocument.read(from: URL(fileURLWithPath: r.file))
        let session = try UploadSession.make(options, environment: r.environment, transport: transport)
        let bench = try UploadBenchmark(session: session, runs: r.runs, clients: r.clients)
        let report = try bench.run(doc, note: note)
        if let jsonFile {
            try jsonFile.write(JSONCoding.encoder().encode(report))
            note("wrote \(jsonFile.path)")
        }
        return CommandOutput(report.text, status: report.passed ? .success : .failure)
    }
}
