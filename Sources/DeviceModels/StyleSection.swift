import Foundation
import PortbenchSchema
import Workload

/// One style's section of styles.yaml, loaded: its typed parameters, every figure under its key, and the file's sources.
public struct StyleSection: Sendable {
    public var style: ExecutionStyle
    public var parameters: any StyleParameters
    public var figures: [(key: String, value: Sourced)]
    public var citations: [Citation]
}

extension StyleSection {
    /// Reads Devices/styles.yaml: its sources, then one section per registered style, read by that style's adapter.
    public static func loadAll(url: URL, registry: AdapterRegistry) throws -> [ExecutionStyle: StyleSection] {
        let root = try SpecNode.load(url: url)
        let m = try root.mapping(allowed: ["sources"] + registry.styles.map(\.rawValue))
        let citations = try DeviceProfile.parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        var out: [ExecutionStyle: StyleSection] = [:]
        for type in registry.types {
            let reader = StyleSectionReader(node: try root.required(m, type.style.rawValue), ids: ids)
            let parameters = type.readParameters(reader)
            try reader.finish()
            out[type.style] = StyleSection(
                style: type.style, parameters: parameters, figures: reader.figures, citations: citations)
        }
        return out
    }
}
