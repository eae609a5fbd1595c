import Foundation

/// `portbench validate-models --format json`: every row of a validation table with its published and modelled value,
/// and the mean absolute percentage error per style.
public struct ValidationReport: Codable, Equatable, Sendable {
    /// The table the rows were read from.
    public var table: String
    public var provenance: Provenance = .modelled
    public var rows: [ValidationRow]
    /// Mean absolute percentage error per style (keyed by the style's name).
    public var mape: [String: Double]
    /// Every pair of rows on different devices the table lets compare per chip, and whether the model orders them
    /// as the publications do.
    public var ranking: [RankingPair] = []

    public init(table: String, rows: [ValidationRow], mape: [String: Double], ranking: [RankingPair] = []) {
        self.table = table
        self.rows = rows
        self.mape = mape
        self.ranking = ranking
    }
}

/// Two rows with the same workload, metric and serving settings on different devices: which one is faster per chip,
/// as published and as modelled.
public struct RankingPair: Codable, Equatable, Sendable {
    /// The row that is faster per chip as published, then the slower one.
    public var faster: String
    public var slower: String
    /// Published and modelled ratio of per-chip speed, faster ÷ slower (> 1 when the model agrees).
    public var publishedRatio: Double
    public var modelledRatio: Double
    public var agrees: Bool

    public init(faster: String, slower: String, publishedRatio: Double, modelledRatio: Double) {
        self.faster = faster
        self.slower = slower
        self.publishedRatio = publishedRatio
        self.modelledRatio = modelledRatio
        agrees = modelledRatio > 1
    }
}

/// One row of a validation table and its prediction.
public struct ValidationRow: Codable, Equatable, Sendable {
    public var id: String
    public var style: ExecutionStyle
    public var workload: String
    public var device: String
    public var chips: Int
    public var precision: Precision
    public var metric: String
    public var source: String
    /// The batch the row states (offered concurrency) and the batch the model ran.
    public var batch: Int
    public var batchUsed: Int
    /// The serving engine the row was modelled with.
    public var engine: String
    public var published: Double
    public var modelled: Double
    /// 100 × (modelled − published) / published.
    public var errorPct: Double

    public init(
        id: String, style: ExecutionStyle, workload: String, device: String, chips: Int, precision: Precision,
        metric: String, source: String, batch: Int, batchUsed: Int, engine: String, published: Double,
        modelled: Double, errorPct: Double
    ) {
        self.id = id
        self.style = style
        self.workload = workload
        self.device = device
        self.chips = chips
        self.precision = precision
        self.metric = metric
        self.source = source
        self.batch = batch
        self.batchUsed = batchUsed
        self.engine = engine
        self.published = published
        self.modelled = modelled
        self.errorPct = errorPct
    }
}

/// `portbench validate-models --explain ROW`: why a prediction is what it is.
public struct ServeExplanation: Codable, Equatable, Sendable {
    public var row: ValidationRow
    public var provenance: Provenance = .modelled
    public var tensorParallel: Int
    public var pipelineStages: Int
    public var memoryNeededGB: Double
    public var fits: Bool
    public var ttftSeconds: Double
    public var tpotSeconds: Double
    public var totalSeconds: Double
    /// Prefill of the whole batch, and one decode step at the mean context.
    public var steps: [StepExplanation]
    /// Notes from the model: assumptions it made, hazards.
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case row, provenance, tensorParallel, pipelineStages
        case memoryNeededGB = "memoryNeededGb"
        case fits, ttftSeconds, tpotSeconds, totalSeconds, steps, notes
    }

    public init(
        row: ValidationRow, tensorParallel: Int, pipelineStages: Int, memoryNeededGB: Double, fits: Bool,
        ttftSeconds: Double, tpotSeconds: Double, totalSeconds: Double, steps: [StepExplanation], notes: [String]
    ) {
        self.row = row
        self.tensorParallel = tensorParallel
        self.pipelineStages = pipelineStages
        self.memoryNeededGB = memoryNeededGB
        self.fits = fits
        self.ttftSeconds = ttftSeconds
        self.tpotSeconds = tpotSeconds
        self.totalSeconds = totalSeconds
        self.steps = steps
        self.notes = notes
    }
}

/// One whole-model step (prefill or decode) split into where its time goes, per layer and for the whole step.
public struct StepExplanation: Codable, Equatable, Sendable {
    /// `prefill` or `decode`.
    public var phase: String
    public var batch: Int
    /// Prefill: prompt tokens per sequence; decode: the context each new token attends to.
    public var tokens: Int
    public var layers: Int
    /// One layer (one chip's shard): time in compute-bound units, memory-bound units, communication, fixed overhead.
    public var layerComputeSeconds: Double
    public var layerMemorySeconds: Double
    public var layerCommunicationSeconds: Double
    public var layerOverheadSeconds: Double
    /// LM head, and the style's fixed per-step time (program overhead, pipeline hops).
    public var headSeconds: Double
    public var stepOverheadSeconds: Double
    public var totalSeconds: Double
    /// The layer's units (kernels, fusions, scheduled ops) with their modelled times.
    public var units: [ExplainedUnit]

    public init(
        phase: String, batch: Int, tokens: Int, layers: Int, layerComputeSeconds: Double, layerMemorySeconds: Double,
        layerCommunicationSeconds: Double, layerOverheadSeconds: Double, headSeconds: Double,
        stepOverheadSeconds: Double, totalSeconds: Double, units: [ExplainedUnit]
    ) {
        self.phase = phase
        self.batch = batch
        self.tokens = tokens
        self.layers = layers
        self.layerComputeSeconds = layerComputeSeconds
        self.layerMemorySeconds = layerMemorySeconds
        self.layerCommunicationSeconds = layerCommunicationSeconds
        self.layerOverheadSeconds = layerOverheadSeconds
        self.headSeconds = headSeconds
        self.stepOverheadSeconds = stepOverheadSeconds
        self.totalSeconds = totalSeconds
        self.units = units
    }
}

/// One unit of a layer's plan, as `--explain` lists it.
public struct ExplainedUnit: Codable, Equatable, Sendable {
    public var name: String
    public var kind: String
    /// `compute` or `memory`.
    public var bound: String
    public var flops: Double
    public var bytes: Double
    public var seconds: Double
    public var overheadSeconds: Double
    public var note: String

    public init(
        name: String, kind: String, bound: String, flops: Double, bytes: Double, seconds: Double,
        overheadSeconds: Double, note: String
    ) {
        self.name = name
        self.kind = kind
        self.bound = bound
        self.flops = flops
        self.bytes = bytes
        self.seconds = seconds
        self.overheadSeconds = overheadSeconds
        self.note = note
    }
}
