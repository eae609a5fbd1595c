import Foundation
import PortbenchRender
import PortbenchSchema

/// `portbench report`: one run, optionally against a baseline and over a history folder, as Markdown, HTML or JSON.
public struct ReportRequest: Sendable {
    public var result: String = ""
    /// The comparison settings; `compare.baselines` empty means no baseline.
    public var compare = CompareRequest()
    public var history: [String] = []
    public var format: ReportFormat = .md
    public var out: String?
    public var failOnRegression = false

    public init() {}
}

extension Commands {
    /// Writes the per-commit report; exits 0 when written whatever it says (3 with `failOnRegression` and a
    /// regression, 4 with `fail-on-inconclusive` as in `compare`).
    public static func report(_ r: ReportRequest, note: Note) throws -> CommandOutput {
        let historyFiles = try r.history.isEmpty ? [] : resultFiles(r.history)
        let outFile = try output(r.out, inputs: [r.result] + r.compare.baselines + historyFiles)
        let result = try ResultDocument.read(from: URL(fileURLWithPath: r.result))
        var comparison: ComparisonDocument?
        if !r.compare.baselines.isEmpty {
            var c = r.compare
            c.results = [r.result]
            try c.validate()
            comparison = try self.comparison(c, note: note)
        }
        let history =
            try historyFiles.isEmpty ? nil : historyDocument(historyWith(r.result, historyFiles), HistoryRequest())
        let view = ReportRender(result: result, comparison: comparison, history: history)
        let text: String
        switch r.format {
        case .md, .table: text = view.markdown()
        case .html: text = view.html()
        case .json: text = try OutputFormat.json(view.document(created: ISO8601DateFormatter().string(from: Date())))
        }
        let headline = ReportRender.headline(result: result, comparison: comparison)
        guard let outFile else { return CommandOutput(text, status: status(comparison, r)) }
        try outFile.write(Data(text.utf8))
        note("wrote \(outFile.path)")
        return CommandOutput(headline, status: status(comparison, r))
    }

    static func status(_ c: ComparisonDocument?, _ r: ReportRequest) -> ExitStatus {
        guard let c else { return .success }
        let s = c.summary.exitStatus(failOnInconclusive: r.compare.failOnInconclusive)
        return s == .performanceCheckFailed && !r.failOnRegression ? .success : s
    }

    /// The history's documents plus the reported run, once (it may already be in the folder).
    static func historyWith(_ result: String, _ files: [String]) -> [String] {
        let resolved = URL(fileURLWithPath: result).standardizedFileURL.path
        return files.contains { URL(fileURLWithPath: $0).standardizedFileURL.path == resolved }
            ? files : files + [result]
    }
}
