import Foundation

/// `portbench cost`: for each priced device, the cheapest precision, chip count and batch whose modelled serving
/// meets a per-query speed, and what input and output tokens then cost. Every figure is modelled.
public struct CostReport: Codable, Equatable, Sendable {
    public var workload: String
    public var inputLen: Int
    public var outputLen: Int
    /// The per-query constraint: each query's time per output token at most this (1 / tokens per second).
    public var maxTpotSeconds: Double
    public var provenance: Provenance = .modelled
    /// The cheapest option per device, cheapest first.
    public var options: [CostOption]
    /// Devices left out, each with why (no price in its profile, or no option met the constraint).
    public var excluded: [CostExclusion]

    public init(
        workload: String, inputLen: Int, outputLen: Int, maxTpotSeconds: Double, options: [CostOption],
        excluded: [CostExclusion]
    ) {
        self.workload = workload
        self.inputLen = inputLen
        self.outputLen = outputLen
        self.maxTpotSeconds = maxTpotSeconds
        self.options = options
        self.excluded = excluded
    }
}

/// One device's cheapest way to serve under the constraint (modelled).
public struct CostOption: Codable, Equatable, Sendable {
    public var device: String
    public var style: ExecutionStyle
    public var precision: Precision
    public var chips: Int
    /// Requests in flight (continuous batching).
    public var batch: Int
    public var tpotSeconds: Double
    public var ttftSeconds: Double
    public var outputTokensPerSecondPerQuery: Double
    public var outputTokensPerSecondPerChip: Double
    public var pricePerChipHour: Double
    /// The price's citation: its id, address and date in the device profile.
    public var priceSource: String
    public var dollarsPerMillionInput: Double
    public var dollarsPerMillionOutput: Double
    /// 1M input plus 1M output tokens.
    public var dollarsPerMillionInputPlusOutput: Double
    /// Per 1M tokens at 3 input : 1 output.
    public var dollarsPerMillionBlended: Double
    /// What stopped a larger batch: the speed constraint, the memory, or the batch cap.
    public var limitedBy: String

    public init(
        device: String, style: ExecutionStyle, precision: Precision, chips: Int, batch: Int, tpotSeconds: Double,
        ttftSeconds: Double, outputTokensPerSecondPerChip: Double, pricePerChipHour: Double, priceSource: String,
        dollarsPerMillionInput: Double, dollarsPerMillionOutput: Double, limitedBy: String
    ) {
        self.device = device
        self.style = style
        self.precision = precision
        self.chips = chips
        self.batch = batch
        self.tpotSeconds = tpotSeconds
        self.ttftSeconds = ttftSeconds
        self.outputTokensPerSecondPerQuery = 1 / tpotSeconds
        self.outputTokensPerSecondPerChip = outputTokensPerSecondPerChip
        self.pricePerChipHour = pricePerChipHour
        self.priceSource = priceSource
        self.dollarsPerMillionInput = dollarsPerMillionInput
        self.dollarsPerMillionOutput = dollarsPerMillionOutput
        self.dollarsPerMillionInputPlusOutput = dollarsPerMillionInput + dollarsPerMillionOutput
        self.dollarsPerMillionBlended = (3 * dollarsPerMillionInput + dollarsPerMillionOutput) / 4
        self.limitedBy = limitedBy
    }
}

/// A device `portbench cost` could not price, and why.
public struct CostExclusion: Codable, Equatable, Sendable {
    public var device: String
    public var reason: String

    public init(device: String, reason: String) {
        self.device = device
        self.reason = reason
    }
}
