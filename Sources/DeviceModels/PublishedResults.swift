import Foundation
import PortbenchSchema
import Workload

/// The metrics a published serving result can state.
public enum ServeMetric: String, CaseIterable, Codable, Sendable {
    case outputTokensPerSecondPerChip = "output_tokens_per_s_per_chip"
    case outputTokensPerSecond = "output_tokens_per_s"
    case ttftMs = "ttft_ms"
    case tpotMs = "tpot_ms"

    public func value(of p: ServePrediction) -> Double {
        switch self {
        case .outputTokensPerSecondPerChip: return p.outputTokensPerSecondPerChip
        case .outputTokensPerSecond: return p.outputTokensPerSecond
        case .ttftMs: return p.ttftSeconds * 1e3
        case .tpotMs: return p.tpotSeconds * 1e3
        }
    }
}

/// One row of a validation table: a published result expressed as something the harness can predict.
public struct PublishedResult: Codable, Equatable, Sendable {
    public var id: String
    public var workload: String
    public var scenario: ServeScenario
    public var device: String
    public var chips: Int
    public var precision: Precision
    public var metric: ServeMetric
    public var value: Double
    public var source: String
    public var note: String
}

/// A row's prediction and its error.
public struct ValidationOutcome: Codable, Equatable, Sendable {
    public var row: PublishedResult
    public var style: ExecutionStyle
    public var predicted: Double
    /// (predicted − published) / published.
    public var error: Double
}

/// A validation table: published results with their citations.
public struct ValidationTable: Sendable {
    public var rows: [PublishedResult]
    public var citations: [Citation]
    /// The file the table was read from, for errors.
    public var file = ""

    public static func load(url: URL) throws -> ValidationTable {
        let root = try SpecNode.load(url: url)
        let m = try root.mapping(allowed: ["sources", "rows"])
        let citations = try DeviceProfile.parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        var seen = Set<String>()
        let rows = try root.required(m, "rows").sequence().map { item -> PublishedResult in
            let r = try item.mapping(allowed: [
                "id", "workload", "batch", "input_len", "output_len", "device", "chips", "precision",
                "metric", "value", "source", "note",
            ])
            let id = try item.required(r, "id").identifier()
            guard seen.insert(id).inserted else { throw r["id"]!.fail("duplicate row id '\(id)'") }
            let source = try item.required(r, "source").string()
            guard ids.contains(source) else {
                throw r["source"]!.fail("source '\(source)' is not listed under 'sources'")
            }
            let scenario = ServeScenario(
                name: id, batch: try item.required(r, "batch").int(in: SpecLimits.batch),
                inputLen: try item.required(r, "input_len").int(in: SpecLimits.tokens),
                outputLen: try item.required(r, "output_len").int(in: SpecLimits.tokens))
            return PublishedResult(
                id: id, workload: try item.required(r, "workload").string(), scenario: scenario,
                device: try item.required(r, "device").string(),
                chips: try item.required(r, "chips").int(in: SpecLimits.chips),
                precision: try item.required(r, "precision").choice(Precision.self),
                metric: try item.required(r, "metric").choice(ServeMetric.self),
                value: try item.required(r, "value").double(in: SpecLimits.positive, openLower: true), source: source,
                note: try r["note"]?.string() ?? "")
        }
        guard !rows.isEmpty else {
            throw m["rows"]!.fail("expected at least one row; an empty table validates nothing")
        }
        return ValidationTable(rows: rows, citations: citations, file: url.path)
    }

    /// Predicts every row (serving configuration: fused attention, graph capture) and returns the errors.
    public func validate(catalog: DeviceCatalog, workload: (String) throws -> WorkloadSpec) throws
        -> [ValidationOutcome]
    {
        try rows.enumerated().map { i, row in
            let device = try catalog.device(row.device)
            let spec = try workload(row.workload)
            let s = row.scenario
            if let problem = WorkloadSpec.serveSizeProblem(
                spec.config, batch: s.batch, inputLen: s.inputLen, outputLen: s.outputLen)
            {
                throw SpecError(file: file, path: "rows[\(i)]", message: problem)
            }
            let adapter = makeAdapter(for: device, catalog: catalog)
            let options = AdapterOptions(precision: row.precision, chips: row.chips)
            let p = try ServePredictor(adapter: adapter, options: options).predict(spec, row.scenario)
            let predicted = row.metric.value(of: p)
            return ValidationOutcome(
                row: row, style: device.style, predicted: predicted, error: (predicted - row.value) / row.value)
        }
    }

    /// Mean absolute percentage error per style.
    public static func mape(_ outcomes: [ValidationOutcome]) -> [ExecutionStyle: Double] {
        Dictionary(grouping: outcomes, by: \.style).mapValues { o in
            100 * o.reduce(0) { $0 + abs($1.error) } / Double(o.count)
        }
    }
}
