import Foundation
import PortbenchSchema
import Workload

/// One style's section of styles.yaml, loaded: its typed parameters, every figure under its key, and the file's sources.
public struct StyleSection: Sendable {
    public var style: ExecutionStyle
    public var parameters: any StyleParameters
    public var figures: [(key: String, value: Sourced)]
    public var citations: [Citation]
    /// The parameters `validate-models --fit` fits to the validation table instead of citing a value.
    public var free: [FreeParameter] = []
}

extension StyleSection {
    /// Reads Devices/styles.yaml: its sources, one section per registered style (read by that style's adapter) and
    /// the serving engines' cited KV-cache figures.
    public static func loadAll(url: URL, registry: AdapterRegistry) throws
        -> (styles: [ExecutionStyle: StyleSection], engines: [ServingEngine: EngineFigures])
    {
        let root = try SpecNode.load(url: url)
        let m = try root.mapping(allowed: ["sources", "engines"] + registry.styles.map(\.rawValue))
        let citations = try DeviceProfile.parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        var out: [ExecutionStyle: StyleSection] = [:]
        for type in registry.types {
            let reader = StyleSectionReader(
                node: try root.required(m, type.style.rawValue), ids: ids, style: type.style)
            let parameters = type.readParameters(reader)
            try reader.finish()
            out[type.style] = StyleSection(
                style: type.style, parameters: parameters, figures: reader.figures, citations: citations,
                free: reader.free)
        }
        return (out, try EngineFigures.loadAll(root.required(m, "engines"), ids: ids))
    }

    /// This section with some parameters set to other values (a fit's trial): every other figure as read.
    public func overriding(_ values: [String: Double], registry: AdapterRegistry) throws -> StyleSection {
        guard let type = registry.adapterType(for: style) else {
            throw SpecError(file: "styles.yaml", path: style.rawValue, message: "no adapter is registered for it")
        }
        let reader = StyleSectionReader(section: self, overrides: values)
        let parameters = type.readParameters(reader)
        try reader.finish()
        var out = self
        out.parameters = parameters
        out.figures = reader.figures
        return out
    }
}
