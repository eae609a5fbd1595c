import Foundation
import PortbenchRender
import PortbenchSchema

/// `portbench export`: result documents, the format (`bmf`), and where to write.
public struct ExportRequest: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        /// Bencher Metric Format JSON.
        case bmf
    }
    public var files: [String] = []
    public var format = Format.bmf
    public var out: String?

    public init() {}
}

extension Commands {
    /// Converts result documents to another tool's format: to `--out`, or standard output.
    public static func export(_ r: ExportRequest, note: Note) throws -> CommandOutput {
        if r.files.isEmpty { throw UsageError("expected at least one result document to export") }
        let outFile = try output(r.out, inputs: r.files)
        let docs = try r.files.map { ($0, try ResultDocument.read(from: URL(fileURLWithPath: $0))) }
        let data = try BencherMetricFormat.render(BencherMetricFormat.document(docs))
        guard let outFile else { return CommandOutput(String(decoding: data, as: UTF8.self)) }
        try outFile.write(data + Data("\n".utf8))
        note("wrote \(outFile.path)")
        return CommandOutput("")
    }
}
