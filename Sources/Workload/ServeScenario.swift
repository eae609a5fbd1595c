import Foundation
import PortbenchSchema

/// Whole-model facts a serving prediction needs beyond one layer.
public struct ModelShape: Codable, Equatable, Sendable {
    public var layers: Int
    public var vocab: Int
    public var tiedEmbeddings: Bool

    public init(layers: Int, vocab: Int, tiedEmbeddings: Bool) {
        self.layers = layers
        self.vocab = vocab
        self.tiedEmbeddings = tiedEmbeddings
    }
}

/// Serving a batch of requests: one prefill of `inputLen` tokens, then `outputLen` decode steps with a growing
/// KV cache (embedding and LM head included). Predicted by the device models; the CPU reference does not run it.
public struct ServeScenario: Codable, Equatable, Sendable {
    public var name: String
    public var batch: Int
    public var inputLen: Int
    public var outputLen: Int
    /// Optional distribution of input lengths, for latency variance.
    public var lengths: [WeightedLength]

    public init(name: String, batch: Int, inputLen: Int, outputLen: Int, lengths: [WeightedLength] = []) {
        self.name = name
        self.batch = batch
        self.inputLen = inputLen
        self.outputLen = outputLen
        self.lengths = lengths
    }
}

extension WorkloadSpec {
    static func parseModel(_ node: SpecNode) throws -> ModelShape {
        let m = try node.mapping(allowed: ["layers", "vocab", "tied_embeddings"])
        return ModelShape(
            layers: try node.required(m, "layers").int(in: SpecLimits.layers),
            vocab: try node.required(m, "vocab").int(in: SpecLimits.vocab),
            tiedEmbeddings: try m["tied_embeddings"]?.bool() ?? false)
    }

    static func parseServe(_ node: SpecNode, model: ModelShape?, config: TransformerConfig) throws -> [ServeScenario] {
        guard model != nil else { throw node.fail("'serve' scenarios need a 'model' block (layers, vocab)") }
        var seen = Set<String>()
        return try node.sequence().map { item in
            let m = try item.mapping(allowed: ["name", "batch", "input_len", "output_len", "lengths"])
            let s = ServeScenario(
                name: try item.required(m, "name").identifier(),
                batch: try item.required(m, "batch").int(in: SpecLimits.batch),
                inputLen: try item.required(m, "input_len").int(in: SpecLimits.tokens),
                outputLen: try item.required(m, "output_len").int(in: SpecLimits.tokens),
                lengths: try m["lengths"].map(parseLengths) ?? [])
            guard seen.insert(s.name).inserted else { throw item.fail("duplicate serve scenario name '\(s.name)'") }
            try checkServeSizes(config, batch: s.batch, inputLen: s.inputLen, outputLen: s.outputLen, node: item)
            return s
        }
    }
}
