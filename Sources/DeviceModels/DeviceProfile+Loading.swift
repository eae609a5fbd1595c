import Foundation
import PortbenchSchema
import Workload

extension DeviceProfile {
    static let peakKeys = ["fp32", "tf32", "bf16", "fp16", "fp8", "int8", "nvfp4", "mxfp4"]

    /// Reads and validates a device profile: every figure is `{value, source}` and every source is cited; its style
    /// must be in `registry`, whose adapter says which optional figures that style needs.
    public static func load(url: URL, registry: AdapterRegistry = .builtIn) throws -> DeviceProfile {
        try parse(SpecNode.load(url: url), registry: registry)
    }

    /// Parses and validates device-profile YAML text; `file` names it in errors.
    public static func parse(yaml: String, file: String, registry: AdapterRegistry = .builtIn) throws -> DeviceProfile {
        try parse(SpecNode.parse(text: yaml, file: file), registry: registry)
    }

    /// Validates an already-composed device-profile document.
    public static func parse(_ root: SpecNode, registry: AdapterRegistry = .builtIn) throws -> DeviceProfile {
        let m = try root.mapping(allowed: [
            "name", "display", "style", "sources", "peak_tflops", "memory_gb", "memory_gbps",
            "sram_mb", "sram_gbps", "interconnect_gbps", "matrix_unit", "compute_units",
            "power_w", "price_per_chip_hour",
        ])
        let citations = try parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        func figure(_ key: String) throws -> Sourced {
            try sourced(root.required(m, key), ids: ids, range: figureRange(key))
        }
        func optional(_ key: String) throws -> Sourced? {
            try m[key].map { try sourced($0, ids: ids, range: figureRange(key)) }
        }
        let peakNode = try root.required(m, "peak_tflops")
        var peaks: [String: Sourced] = [:]
        for (k, v) in try peakNode.mapping(allowed: peakKeys) {
            peaks[k] = try sourced(v, ids: ids, range: (0...1e6, true))
        }
        guard peaks["bf16"] != nil || peaks["fp16"] != nil else {
            throw peakNode.fail("expected at least a bf16 or fp16 peak")
        }
        let (style, adapter) = try registry.style(of: root.required(m, "style"))
        let profile = DeviceProfile(
            name: try root.required(m, "name").identifier(), display: try root.required(m, "display").string(),
            style: style,
            peakTFLOPS: peaks, memoryGB: try optional("memory_gb"), memoryGBps: try optional("memory_gbps"),
            sramMB: try figure("sram_mb"), sramGBps: try optional("sram_gbps"),
            interconnectGBps: try figure("interconnect_gbps"),
            matrixUnit: try figure("matrix_unit"), computeUnits: try figure("compute_units"),
            powerW: try figure("power_w"),
            pricePerChipHour: try optional("price_per_chip_hour"), citations: citations, file: root.file)
        if let problem = adapter.problem(with: profile) { throw root.fail(problem) }
        return profile
    }

    /// The range of each device figure: counts at least 1, rates and sizes above 0, a price of 0 or more.
    static func figureRange(_ key: String) -> (ClosedRange<Double>, Bool) {
        switch key {
        case "compute_units", "matrix_unit": return (1...1e7, false)
        case "price_per_chip_hour": return (0...1e4, false)
        default: return (0...1e9, true)
        }
    }

    static func sourced(
        _ node: SpecNode, ids: Set<String>, range: (ClosedRange<Double>, Bool), extraKeys: [String] = []
    ) throws -> Sourced {
        let m = try node.mapping(allowed: ["value", "source"] + extraKeys)
        let value = try node.required(m, "value").double(in: range.0, openLower: range.1)
        let source = try node.required(m, "source").string()
        guard ids.contains(source) else {
            throw m["source"]!.fail(
                "source '\(source)' is not listed under 'sources'; expected one of: \(ids.sorted().joined(separator: ", "))"
            )
        }
        return Sourced(value: value, source: source)
    }

    static func parseCitations(_ node: SpecNode) throws -> [Citation] {
        let items = try node.sequence()
        guard !items.isEmpty else { throw node.fail("expected at least one source") }
        return try items.map { item in
            let m = try item.mapping(allowed: ["id", "url", "date", "note"])
            return Citation(
                id: try item.required(m, "id").string(), url: try item.required(m, "url").string(),
                date: try item.required(m, "date").string(), note: try m["note"]?.string() ?? "")
        }
    }
}
