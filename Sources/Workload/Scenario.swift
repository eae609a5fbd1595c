import Foundation
import PortbenchSchema

/// One point of a workload's grid: phase, batch and length (plus an optional length distribution).
public struct Scenario: Codable, Equatable, Sendable {
    public var name: String
    public var phase: Phase
    public var batch: Int
    /// New tokens per sequence: `seq` for prefill, 1 for decode.
    public var seq: Int
    /// Tokens already in the KV cache: 0 for prefill, `context` for decode.
    public var context: Int
    /// Optional distribution of sequence lengths (prefill) or context lengths (decode), used for variance.
    public var lengths: [WeightedLength]

    public init(name: String, phase: Phase, batch: Int, seq: Int, context: Int, lengths: [WeightedLength] = []) {
        self.name = name
        self.phase = phase
        self.batch = batch
        self.seq = seq
        self.context = context
        self.lengths = lengths
    }

    public static func prefill(_ name: String, batch: Int, seq: Int) -> Scenario {
        Scenario(name: name, phase: .prefill, batch: batch, seq: seq, context: 0)
    }

    public static func decode(_ name: String, batch: Int, context: Int) -> Scenario {
        Scenario(name: name, phase: .decode, batch: batch, seq: 1, context: context)
    }

    /// Keys visible to each query: cached plus new tokens.
    public var totalLength: Int { context + seq }
    /// Tokens this scenario produces per execution (the unit of tokens/s).
    public var tokens: Int { batch * seq }

    /// The length a length distribution varies: new tokens for prefill, cached tokens for decode.
    public var length: Int { phase == .prefill ? seq : context }

    /// The same scenario at another length (sequence for prefill, context for decode).
    public func with(length: Int) -> Scenario {
        phase == .prefill ? .prefill(name, batch: batch, seq: length) : .decode(name, batch: batch, context: length)
    }
}
