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
    /// How the engine batched requests (optional in the table; default `continuous` for every style, see
    /// `defaultBatching`).
    public var batching: Batching = ValidationTable.defaultBatching
    /// The serving engine the source names (optional in the table; default per style, `ServingEngine.defaultEngine`).
    public var engine: ServingEngine? = nil
}

/// A row's prediction and its error.
public struct ValidationOutcome: Codable, Equatable, Sendable {
    public var row: PublishedResult
    public var style: ExecutionStyle
    public var predicted: Double
    /// (predicted − published) / published.
    public var error: Double
    /// The batch the model ran (the row's stated batch is the offered concurrency).
    public var batchUsed: Int
    /// The serving engine the row was modelled with.
    public var engine: String

    /// The row as the schema's validation report holds it.
    public var report: ValidationRow {
        ValidationRow(
            id: row.id, style: style, workload: row.workload, device: row.device, chips: row.chips,
            precision: row.precision, metric: row.metric.rawValue, source: row.source, batch: row.scenario.batch,
            batchUsed: batchUsed, engine: engine, published: row.value, modelled: predicted, errorPct: 100 * error)
    }
}

/// A validation table: published results with their citations.
public struct ValidationTable: Sendable {
    public var rows: [PublishedResult]
    public var citations: [Citation]
    /// The file the table was read from, for errors.
    public var file = ""

    /// A row without `batching` was served with continuous (in-flight) batching, in every style: TensorRT-LLM,
    /// vLLM, JetStream and Groq's API serve that way, and MLPerf Server measures it. For a row whose metric is a
    /// throughput of sequences that start together, static and continuous batching give nearly the same figure.
    public static let defaultBatching = Batching.continuous

    public static func load(url: URL) throws -> ValidationTable {
        let root = try SpecNode.load(url: url)
        let m = try root.mapping(allowed: ["sources", "rows"])
        let citations = try DeviceProfile.parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        var seen = Set<String>()
        let rows = try root.required(m, "rows").sequence().map { item -> PublishedResult in
            let r = try item.mapping(allowed: [
                "id", "workload", "batch", "input_len", "output_len", "device", "chips", "precision",
                "metric", "value", "source", "note", "batching", "engine",
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
                note: try r["note"]?.string() ?? "",
                batching: try r["batching"]?.choice(Batching.self) ?? Self.defaultBatching,
                engine: try r["engine"]?.choice(ServingEngine.self))
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
        try rows.indices.map { i in try predictRow(i, catalog: catalog, workload: workload).outcome }
    }

    /// Why row `id` is predicted as it is: its outcome, the deployment and the split of its prefill and decode steps.
    public func explain(_ id: String, catalog: DeviceCatalog, workload: (String) throws -> WorkloadSpec) throws
        -> ServeExplanation
    {
        guard let i = rows.firstIndex(where: { $0.id == id }) else {
            throw SpecError(
                file: file, path: "--explain",
                message: "no row '\(id)'; the table has: \(rows.map(\.id).joined(separator: ", "))")
        }
        let (outcome, predictor, spec) = try predictRow(i, catalog: catalog, workload: workload)
        let (p, steps) = try predictor.explain(spec, rows[i].scenario)
        return ServeExplanation(
            row: outcome.report, tensorParallel: p.tensorParallel, pipelineStages: p.pipelineStages,
            memoryNeededGB: p.memoryNeededGB, fits: p.fits, ttftSeconds: p.ttftSeconds, tpotSeconds: p.tpotSeconds,
            totalSeconds: p.totalSeconds, steps: steps, notes: p.hazards)
    }

    func predictRow(_ i: Int, catalog: DeviceCatalog, workload: (String) throws -> WorkloadSpec) throws
        -> (outcome: ValidationOutcome, predictor: ServePredictor, spec: WorkloadSpec)
    {
        let row = rows[i]
        let device = try catalog.device(row.device)
        let spec = try workload(row.workload)
        let s = row.scenario
        if let problem = WorkloadSpec.serveSizeProblem(
            spec.config, batch: s.batch, inputLen: s.inputLen, outputLen: s.outputLen)
        {
            throw SpecError(file: file, path: "rows[\(i)]", message: problem)
        }
        var adapter = makeAdapter(for: device, catalog: catalog)
        if let named = row.engine, let figures = catalog.engines[named] { adapter.engine = figures }
        let engine = row.engine ?? ServingEngine.defaultEngine(for: device.style)
        let options = AdapterOptions(precision: row.precision, chips: row.chips)
        let predictor = ServePredictor(adapter: adapter, options: options, batching: row.batching)
        let p = try predictor.predict(spec, row.scenario)
        let predicted = row.metric.value(of: p)
        let outcome = ValidationOutcome(
            row: row, style: device.style, predicted: predicted, error: (predicted - row.value) / row.value,
            batchUsed: p.batchUsed ?? s.batch, engine: "\(engine.rawValue), \(row.batching.rawValue) batching")
        return (outcome, predictor, spec)
    }

    /// The report a script reads (`validate-models --format json`).
    public static func report(table: String, _ outcomes: [ValidationOutcome]) -> ValidationReport {
        ValidationReport(
            table: table, rows: outcomes.map(\.report),
            mape: Dictionary(uniqueKeysWithValues: mape(outcomes).map { ($0.key.rawValue, $0.value) }),
            ranking: ranking(outcomes))
    }

    /// Mean absolute percentage error per style.
    public static func mape(_ outcomes: [ValidationOutcome]) -> [ExecutionStyle: Double] {
        Dictionary(grouping: outcomes, by: \.style).mapValues { o in
            100 * o.reduce(0) { $0 + abs($1.error) } / Double(o.count)
        }
    }
}
