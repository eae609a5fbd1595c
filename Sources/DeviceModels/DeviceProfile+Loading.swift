import Foundation
import Workload

extension DeviceProfile {
    static let peakKeys = ["fp32", "tf32", "bf16", "fp16", "fp8", "int8"]

    /// Reads and validates a device profile: every figure is `{value, source}` and every source is cited.
    public static func load(url: URL) throws -> DeviceProfile {
        let root = try SpecNode.load(url: url)
        let m = try root.mapping(allowed: ["name", "display", "style", "sources", "peak_tflops", "memory_gb", "memory_gbps",
                                           "sram_mb", "sram_gbps", "interconnect_gbps", "matrix_unit", "compute_units",
                                           "power_w", "price_per_chip_hour"])
        let citations = try parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        func figure(_ key: String) throws -> Sourced { try sourced(root.required(m, key), ids: ids) }
        func optional(_ key: String) throws -> Sourced? { try m[key].map { try sourced($0, ids: ids) } }
        let peakNode = try root.required(m, "peak_tflops")
        var peaks: [String: Sourced] = [:]
        for (k, v) in try peakNode.mapping(allowed: peakKeys) { peaks[k] = try sourced(v, ids: ids) }
        guard peaks["bf16"] != nil || peaks["fp16"] != nil else {
            throw peakNode.fail("expected at least a bf16 or fp16 peak")
        }
        let style = try root.required(m, "style").choice(ExecutionStyle.self)
        let profile = DeviceProfile(
            name: try root.required(m, "name").string(), display: try root.required(m, "display").string(), style: style,
            peakTFLOPS: peaks, memoryGB: try optional("memory_gb"), memoryGBps: try optional("memory_gbps"),
            sramMB: try figure("sram_mb"), sramGBps: try optional("sram_gbps"), interconnectGBps: try figure("interconnect_gbps"),
            matrixUnit: try figure("matrix_unit"), computeUnits: try figure("compute_units"), powerW: try figure("power_w"),
            pricePerChipHour: try optional("price_per_chip_hour"), citations: citations, file: url.path)
        if style != .lpu, profile.memoryGB == nil || profile.memoryGBps == nil {
            throw root.fail("a \(style.rawValue)-style device needs memory_gb and memory_gbps")
        }
        if style == .lpu, profile.sramGBps == nil {
            throw root.fail("an lpu-style device needs sram_gbps (weights stream from SRAM)")
        }
        return profile
    }

    static func sourced(_ node: SpecNode, ids: Set<String>) throws -> Sourced {
        let m = try node.mapping(allowed: ["value", "source"])
        let value = try node.required(m, "value").double()
        guard value >= 0, value.isFinite else { throw m["value"]!.fail("expected a non-negative number, got \(value)") }
        let source = try node.required(m, "source").string()
        guard ids.contains(source) else {
            throw m["source"]!.fail("source '\(source)' is not listed under 'sources'; expected one of: \(ids.sorted().joined(separator: ", "))")
        }
        return Sourced(value: value, source: source)
    }

    static func parseCitations(_ node: SpecNode) throws -> [Citation] {
        let items = try node.sequence()
        guard !items.isEmpty else { throw node.fail("expected at least one source") }
        return try items.map { item in
            let m = try item.mapping(allowed: ["id", "url", "date", "note"])
            return Citation(id: try item.required(m, "id").string(), url: try item.required(m, "url").string(),
                            date: try item.required(m, "date").string(), note: try m["note"]?.string() ?? "")
        }
    }
}

extension StyleParameters {
    /// Reads Devices/styles.yaml: per style, named parameters each with a cited source.
    public static func loadAll(url: URL) throws -> [ExecutionStyle: StyleParameters] {
        let root = try SpecNode.load(url: url)
        let m = try root.mapping(allowed: ["sources"] + ExecutionStyle.allCases.map(\.rawValue))
        let citations = try DeviceProfile.parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        var out: [ExecutionStyle: StyleParameters] = [:]
        for style in ExecutionStyle.allCases {
            let node = try root.required(m, style.rawValue)
            var values: [String: Sourced] = [:]
            for (key, value) in try node.entries() { values[key] = try DeviceProfile.sourced(value, ids: ids) }
            for key in requiredKeys(style) where values[key] == nil {
                throw node.fail("missing required parameter '\(key)'")
            }
            out[style] = StyleParameters(style: style, values: values, citations: citations)
        }
        return out
    }

    static func requiredKeys(_ style: ExecutionStyle) -> [String] {
        switch style {
        case .cuda: return ["gemm_efficiency", "memory_efficiency", "launch_overhead_us", "graph_launch_overhead_us", "gemm_tile", "link_latency_us"]
        case .xla: return ["gemm_efficiency", "memory_efficiency", "step_overhead_us", "compile_seconds_base", "compile_seconds_per_op", "link_latency_us"]
        case .lpu: return ["compute_efficiency", "sram_usable_fraction", "c2c_latency_us"]
        }
    }
}

/// Every device profile and the style parameters, loaded from one folder.
public struct DeviceCatalog: Sendable {
    public var devices: [DeviceProfile]
    public var styles: [ExecutionStyle: StyleParameters]

    public static func load(directory: URL) throws -> DeviceCatalog {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        let profiles = files.filter { $0.pathExtension == "yaml" && $0.lastPathComponent != "styles.yaml" }.sorted { $0.path < $1.path }
        guard !profiles.isEmpty else {
            throw SpecError(file: directory.path, path: "", message: "no device profiles (*.yaml) found")
        }
        let devices = try profiles.map(DeviceProfile.load)
        let styles = try StyleParameters.loadAll(url: directory.appendingPathComponent("styles.yaml"))
        return DeviceCatalog(devices: devices, styles: styles)
    }

    /// A device by name, optionally as `style:name` (the style must match).
    public func device(_ spec: String) throws -> DeviceProfile {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.last!
        guard let d = devices.first(where: { $0.name == name }) else {
            throw SpecError(file: spec, path: "", message: "unknown device '\(name)'; known: \(devices.map(\.name).joined(separator: ", "))")
        }
        if parts.count == 2, parts[0] != d.style.rawValue, !(parts[0] == "cpu") {
            throw SpecError(file: spec, path: "", message: "\(name) runs in the \(d.style.rawValue) style, not '\(parts[0])'")
        }
        return d
    }

    public func parameters(for device: DeviceProfile) -> StyleParameters { styles[device.style]! }
}
