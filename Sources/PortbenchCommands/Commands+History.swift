import Foundation
import PortbenchRender
import PortbenchSchema
import Regression

/// `portbench history`: result documents (files or folders of them), which metrics, and the output.
public struct HistoryRequest: Sendable {
    public var inputs: [String] = []
    public var metrics: [String] = [Metric.medianSeconds.rawValue]
    public var minimumShift = Regression.defaultMinimumEffect
    public var permutations = 199
    public var format: ReportFormat = .table
    public var out: String?

    public init() {}
}

extension Commands {
    /// The nightly series of every case and metric with the change points E-divisive means finds in them.
    public static func history(_ r: HistoryRequest, note: Note) throws -> CommandOutput {
        guard (0..<1).contains(r.minimumShift) else {
            throw UsageError("--min-shift: expected a fraction in [0, 1), got \(r.minimumShift)")
        }
        guard (19...9999).contains(r.permutations) else {
            throw UsageError("--permutations: expected 19...9999, got \(r.permutations)")
        }
        let files = try resultFiles(r.inputs)
        let outFile = try output(r.out, inputs: files)
        let doc = try historyDocument(files, r)
        let text: String
        switch r.format {
        case .json: text = try OutputFormat.json(doc)
        case .table, .md, .html: text = HistoryRender.table(doc)
        }
        if let outFile {
            try outFile.write(Data(text.utf8))
            note("wrote \(outFile.path)")
        }
        return CommandOutput(outFile == nil ? text : "")
    }

    static func historyDocument(_ files: [String], _ r: HistoryRequest) throws -> HistoryDocument {
        let docs = try files.map { try ResultDocument.read(from: URL(fileURLWithPath: $0)) }
        return HistoryBuilder.build(
            docs, metrics: r.metrics,
            settings: HistoryBuilder.defaultSettings(permutations: r.permutations, minimumShift: r.minimumShift),
            created: ISO8601DateFormatter().string(from: Date()), tool: ResultDocument.toolVersion)
    }

    /// Result files named directly, or every `*.json` result document directly inside a named folder.
    static func resultFiles(_ inputs: [String]) throws -> [String] {
        guard !inputs.isEmpty else { throw UsageError("expected result documents or a folder of them") }
        return try inputs.flatMap { path -> [String] in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw UsageError("\(path): no such file or folder")
            }
            guard isDir.boolValue else { return [path] }
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }
            return names.sorted().map { "\(path)/\($0)" }.filter(isResultDocument)
        }
    }

    /// Whether a JSON file is a result document (folders also hold comparisons and reports).
    static func isResultDocument(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
            let head = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return head["schema"] as? String == ResultDocument.schemaName
    }
}
