import Foundation
import PortbenchRender
import PortbenchSchema

/// `portbench merge`: the shard documents of one run and where to write the joined document.
public struct MergeRequest: Sendable {
    public var shards: [String] = []
    public var out: String?

    public init() {}
}

extension Commands {
    /// Joins shard documents (`run --shard i/n`) into one result document under a new run id.
    public static func merge(_ r: MergeRequest, note: @escaping Note) throws -> CommandOutput {
        guard let out = r.out else { throw UsageError("--out: merge needs the path of the joined document") }
        guard !r.shards.isEmpty else { throw UsageError("merge: name the shard documents to join") }
        let outFile = try output(out, inputs: r.shards)!
        let docs = try r.shards.map { (file: $0, document: try ResultDocument.read(from: URL(fileURLWithPath: $0))) }
        let merged = try ResultDocument.merging(
            docs, runId: UUID().uuidString.lowercased(), created: ISO8601DateFormatter().string(from: Date()))
        try merged.write(to: outFile)
        note("wrote \(outFile.path) (\(docs.count) shards, \(merged.cases.count) cases)")
        return CommandOutput(RunReport(document: merged).render(perOp: false))
    }
}
