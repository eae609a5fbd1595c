import Foundation

/// The execution style a device runs in, written in documents as its plain name ("cuda", "xla", "lpu" are built in;
/// DeviceModels' adapter registry says which styles can be modelled).
public struct ExecutionStyle: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let cuda = ExecutionStyle(rawValue: "cuda")
    public static let xla = ExecutionStyle(rawValue: "xla")
    public static let lpu = ExecutionStyle(rawValue: "lpu")

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }
}

/// Number formats the device styles compute in; `round` gives the nearest representable value (as Float).
public enum Precision: String, CaseIterable, Codable, Sendable {
    case fp32, tf32, bf16, fp16
    case fp8e4m3 = "fp8-e4m3"
    case fp8e5m2 = "fp8-e5m2"
    /// NVIDIA's NVFP4: E2M1 values, an FP8 E4M3 scale per 16, an FP32 scale per tensor.
    case nvfp4
    /// OCP MX v1.0 MXFP4: E2M1 values, a power-of-two (E8M0) scale per 32.
    case mxfp4

    /// Bytes a value of this format occupies in memory (tf32 is stored as fp32; fp4 counts its block scales).
    public var bytes: Double {
        switch self {
        case .fp32, .tf32: return 4
        case .bf16, .fp16: return 2
        case .fp8e4m3, .fp8e5m2: return 1
        case .nvfp4: return 0.5 + 1.0 / 16
        case .mxfp4: return 0.5 + 1.0 / 32
        }
    }

    /// Values that share one scale (fp4 block formats only).
    public var blockSize: Int? {
        switch self {
        case .nvfp4: return 16
        case .mxfp4: return 32
        default: return nil
        }
    }

    /// The key of the profile's peak-rate table this format runs at.
    public var peakKey: String {
        switch self {
        case .fp32: return "fp32"
        case .tf32: return "tf32"
        case .bf16: return "bf16"
        case .fp16: return "fp16"
        case .fp8e4m3, .fp8e5m2: return "fp8"
        case .nvfp4: return "nvfp4"
        case .mxfp4: return "mxfp4"
        }
    }

    /// Where activations are kept between ops when GEMM operands use this format (fp8 models keep bf16 activations).
    public var storage: Precision {
        switch self {
        case .fp8e4m3, .fp8e5m2, .nvfp4, .mxfp4: return .bf16
        case .tf32: return .fp32
        default: return self
        }
    }

    /// How the KV cache is stored: fp8 deployments keep it in fp8 (TensorRT-LLM's FP8 KV cache); otherwise as activations.
    public var kvCache: Precision {
        switch self {
        case .fp8e4m3, .fp8e5m2: return self
        case .nvfp4, .mxfp4: return .fp8e4m3
        default: return storage
        }
    }

    /// Largest finite value of the format (fp8 only needs it, for scaling).
    public var maxFinite: Float? {
        switch self {
        case .fp8e4m3: return 448
        case .fp8e5m2: return 57344
        case .nvfp4, .mxfp4: return 6
        default: return nil
        }
    }
}

/// Choices a user makes about how a style runs the layer.
public struct AdapterOptions: Codable, Equatable, Sendable {
    public var precision: Precision
    /// CUDA: FlashAttention-like fused attention (no score matrix in HBM).
    public var fusedAttention: Bool
    /// CUDA: CUDA-graph capture (launch overhead amortised).
    public var graphCapture: Bool
    /// XLA: bucket sequence lengths to powers of two (fewer compilations, more padding).
    public var bucketing: Bool
    /// Chips to use; nil = the smallest count that fits.
    public var chips: Int?

    public init(
        precision: Precision = .bf16, fusedAttention: Bool = true, graphCapture: Bool = true, bucketing: Bool = true,
        chips: Int? = nil
    ) {
        self.precision = precision
        self.fusedAttention = fusedAttention
        self.graphCapture = graphCapture
        self.bucketing = bucketing
        self.chips = chips
    }
}

/// Modelled figures for one layer scenario on one device.
public struct LayerPrediction: Codable, Equatable, Sendable {
    public var scenario: String
    public var provenance: Provenance = .modelled
    public var seconds: Double
    public var tokensPerSecond: Double
    public var modelFlopsUtilization: Double
    public var hbmBytes: Double
    public var launches: Int
    public var paddingWasteFlops: Double
    public var bytesSavedByFusion: Double
    public var joulesPerToken: Double
    public var dollarsPerMillionTokens: Double?
    public var boundShare: Double
    public var hazards: [String]

    public init(
        scenario: String, provenance: Provenance = .modelled, seconds: Double, tokensPerSecond: Double,
        modelFlopsUtilization: Double, hbmBytes: Double, launches: Int, paddingWasteFlops: Double,
        bytesSavedByFusion: Double, joulesPerToken: Double, dollarsPerMillionTokens: Double? = nil, boundShare: Double,
        hazards: [String]
    ) {
        self.scenario = scenario
        self.provenance = provenance
        self.seconds = seconds
        self.tokensPerSecond = tokensPerSecond
        self.modelFlopsUtilization = modelFlopsUtilization
        self.hbmBytes = hbmBytes
        self.launches = launches
        self.paddingWasteFlops = paddingWasteFlops
        self.bytesSavedByFusion = bytesSavedByFusion
        self.joulesPerToken = joulesPerToken
        self.dollarsPerMillionTokens = dollarsPerMillionTokens
        self.boundShare = boundShare
        self.hazards = hazards
    }
}

/// Everything `portbench predict` shows for a workload on a device: every layer scenario and serve scenario.
public struct PredictionReport: Codable, Equatable, Sendable {
    public var workload: String
    public var device: String
    public var style: ExecutionStyle
    public var options: AdapterOptions
    public var provenance: Provenance = .modelled
    public var layers: [LayerPrediction]
    public var serving: [ServePrediction]

    public init(
        workload: String, device: String, style: ExecutionStyle, options: AdapterOptions,
        provenance: Provenance = .modelled, layers: [LayerPrediction], serving: [ServePrediction]
    ) {
        self.workload = workload
        self.device = device
        self.style = style
        self.options = options
        self.provenance = provenance
        self.layers = layers
        self.serving = serving
    }
}

/// Modelled whole-model serving: chips needed, time to first token, time per output token, throughput,
/// energy and cost. Every figure here is a prediction.
public struct ServePrediction: Codable, Equatable, Sendable {
    public var workload: String
    public var scenario: String
    public var device: String
    public var style: ExecutionStyle
    public var precision: Precision
    public var provenance: Provenance = .modelled
    public var chips: Int
    public var tensorParallel: Int
    public var pipelineStages: Int
    public var memoryNeededGB: Double
    public var fits: Bool
    public var ttftSeconds: Double
    public var tpotSeconds: Double
    public var totalSeconds: Double
    public var outputTokensPerSecond: Double
    public var outputTokensPerSecondPerChip: Double
    public var modelFlopsUtilization: Double
    public var joulesPerToken: Double
    public var dollarsPerMillionTokens: Double?
    public var compileSeconds: Double
    /// Time to first token over the scenario's input-length distribution (XLA pads to buckets), when it has one.
    public var ttftP50Seconds: Double?
    public var ttftP99Seconds: Double?
    /// The scenario's batch: the concurrency offered.
    public var batchOffered: Int?
    /// The sequences that ran: the offered ones, or as many as fit in memory.
    public var batchUsed: Int?
    /// One decode step of the whole batch, without the prefills interleaved with it (what output tokens cost).
    public var decodeStepSeconds: Double?
    /// Chip time one request's prefill takes (what its input tokens cost).
    public var prefillSecondsPerRequest: Double?
    public var hazards: [String]

    /// `memoryNeededGB` is spelt so the snake_case strategies map `memory_needed_gb` both ways.
    enum CodingKeys: String, CodingKey {
        case workload
        case scenario
        case device
        case style
        case precision
        case provenance
        case chips
        case tensorParallel
        case pipelineStages
        case memoryNeededGB = "memoryNeededGb"
        case fits
        case ttftSeconds
        case tpotSeconds
        case totalSeconds
        case outputTokensPerSecond
        case outputTokensPerSecondPerChip
        case modelFlopsUtilization
        case joulesPerToken
        case dollarsPerMillionTokens
        case compileSeconds
        case ttftP50Seconds
        case ttftP99Seconds
        case batchOffered
        case batchUsed
        case decodeStepSeconds
        case prefillSecondsPerRequest
        case hazards
    }

    public init(
        workload: String, scenario: String, device: String, style: ExecutionStyle, precision: Precision,
        provenance: Provenance = .modelled, chips: Int, tensorParallel: Int, pipelineStages: Int,
        memoryNeededGB: Double, fits: Bool, ttftSeconds: Double, tpotSeconds: Double, totalSeconds: Double,
        outputTokensPerSecond: Double, outputTokensPerSecondPerChip: Double, modelFlopsUtilization: Double,
        joulesPerToken: Double, dollarsPerMillionTokens: Double? = nil, compileSeconds: Double,
        ttftP50Seconds: Double? = nil, ttftP99Seconds: Double? = nil, hazards: [String]
    ) {
        self.workload = workload
        self.scenario = scenario
        self.device = device
        self.style = style
        self.precision = precision
        self.provenance = provenance
        self.chips = chips
        self.tensorParallel = tensorParallel
        self.pipelineStages = pipelineStages
        self.memoryNeededGB = memoryNeededGB
        self.fits = fits
        self.ttftSeconds = ttftSeconds
        self.tpotSeconds = tpotSeconds
        self.totalSeconds = totalSeconds
        self.outputTokensPerSecond = outputTokensPerSecond
        self.outputTokensPerSecondPerChip = outputTokensPerSecondPerChip
        self.modelFlopsUtilization = modelFlopsUtilization
        self.joulesPerToken = joulesPerToken
        self.dollarsPerMillionTokens = dollarsPerMillionTokens
        self.compileSeconds = compileSeconds
        self.ttftP50Seconds = ttftP50Seconds
        self.ttftP99Seconds = ttftP99Seconds
        self.hazards = hazards
    }
}
