import Foundation
import Workload

extension DeviceProfile {
    static let peakKeys = ["fp32", "tf32", "bf16", "fp16", "fp8", "int8"]

    /// Reads and validates a device profile: every figure is `{value, source}` and every source is cited.
    public static func load(url: URL) throws -> DeviceProfile {
        try parse(SpecNode.load(url: url))
    }

    /// Parses and validates device-profile YAML text; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws -> DeviceProfile {
        try parse(SpecNode.parse(text: yaml, file: file))
    }

    /// Validates an already-composed device-profile document.
    public static func parse(_ root: SpecNode) throws -> DeviceProfile {
        let m = try root.mapping(allowed: ["name", "display", "style", "sources", "peak_tflops", "memory_gb", "memory_gbps",
                                           "sram_mb", "sram_gbps", "interconnect_gbps", "matrix_unit", "compute_units",
                                           "power_w", "price_per_chip_hour"])
        let citations = try parseCitations(root.required(m, "sources"))
        let ids = Set(citations.map(\.id))
        func figure(_ key: String) throws -> Sourced { try sourced(root.required(m, key), ids: ids, range: figureRange(key)) }
        func optional(_ key: String) throws -> Sourced? { try m[key].map { try sourced($0, ids: ids, range: figureRange(key)) } }
        let peakNode = try root.required(m, "peak_tflops")
        var peaks: [String: Sourced] = [:]
        for (k, v) in try peakNode.mapping(allowed: peakKeys) { peaks[k] = try sourced(v, ids: ids, range: (0...1e6, true)) }
        guard peaks["bf16"] != nil || peaks["fp16"] != nil else {
            throw peakNode.fail("expected at least a bf16 or fp16 peak")
        }
        let style = try root.required(m, "style").choice(ExecutionStyle.self)
        let profile = DeviceProfile(
            name: try root.required(m, "name").identifier(), display: try root.required(m, "display").string(), style: style,
            peakTFLOPS: peaks, memoryGB: try optional("memory_gb"), memoryGBps: try optional("memory_gbps"),
            sramMB: try figure("sram_mb"), sramGBps: try optional("sram_gbps"), interconnectGBps: try figure("interconnect_gbps"),
            matrixUnit: try figure("matrix_unit"), computeUnits: try figure("compute_units"), powerW: try figure("power_w"),
            pricePerChipHour: try optional("price_per_chip_hour"), citations: citations, file: root.file)
        if style != .lpu, profile.memoryGB == nil || profile.memoryGBps == nil {
            throw root.fail("a \(style.rawValue)-style device needs memory_gb and memory_gbps")
        }
        if style == .lpu, profile.sramGBps == nil {
            throw root.fail("an lpu-style device needs sram_gbps (weights stream from SRAM)")
        }
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

    static func sourced(_ node: SpecNode, ids: Set<String>, range: (ClosedRange<Double>, Bool)) throws -> Sourced {
        let m = try node.mapping(allowed: ["value", "source"])
        let value = try node.required(m, "value").double(in: range.0, openLower: range.1)
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
            var values: [StyleParameter: Sourced] = [:]
            let known = StyleParameter.allCases.filter { $0.styles.contains(style) }
            for (key, value) in try node.mapping(allowed: known.map(\.rawValue)) {
                let p = StyleParameter(rawValue: key)!
                values[p] = try DeviceProfile.sourced(value, ids: ids, range: p.range)
            }
            for p in known where values[p] == nil {
                throw node.fail("missing required parameter '\(p.rawValue)'")
            }
            out[style] = StyleParameters(style: style, values: values, citations: citations)
        }
        return out
    }
}

/// Every device profile and the style parameters, loaded from one folder.
public struct DeviceCatalog: Sendable {
    public var devices: [DeviceProfile]
    public var styles: [ExecutionStyle: StyleParameters]

    public static func load(directory: URL) throws -> DeviceCatalog {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        } catch {
            throw SpecError(file: directory.path, path: "", message: "cannot list the devices folder (--devices): it does not exist or is not readable")
        }
        let profiles = files.filter { $0.pathExtension == "yaml" && $0.lastPathComponent != "styles.yaml" }.sorted { $0.path < $1.path }
        guard !profiles.isEmpty else {
            throw SpecError(file: directory.path, path: "", message: "no device profiles (*.yaml) found")
        }
        let devices = try profiles.map(DeviceProfile.load)
        try checkNamesDistinct(devices)
        let styles = try StyleParameters.loadAll(url: directory.appendingPathComponent("styles.yaml"))
        return DeviceCatalog(devices: devices, styles: styles)
    }

    /// A device by name, optionally as `style:name` (the style must match); a short name (`h100`, `v6e`, `groq`)
    /// resolves when it answers to exactly one device.
    public func device(_ spec: String) throws -> DeviceProfile {
        let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts.last!
        let matches = devices.first(where: { $0.name == name }).map { [$0] }
            ?? devices.filter { Self.shortNames(of: $0.name).contains(name) }
        guard matches.count == 1, let d = matches.first else {
            let known = devices.map(\.name).joined(separator: ", ")
            let message = matches.isEmpty ? "unknown device '\(name)'; known: \(known)"
                : "'\(name)' is ambiguous: it answers to \(matches.map(\.name).joined(separator: ", ")); give one of them"
            throw SpecError(file: spec, path: "device", message: message)
        }
        if parts.count == 2, parts[0] != d.style.rawValue, !(parts[0] == "cpu") {
            throw SpecError(file: spec, path: "", message: "\(name) runs in the \(d.style.rawValue) style, not '\(parts[0])'")
        }
        return d
    }

    public func parameters(for device: DeviceProfile) -> StyleParameters { styles[device.style]! }

    /// The short names a device answers to: each '-'-separated part of its name and each leading run of parts.
    static func shortNames(of name: String) -> Set<String> {
        let parts = name.split(separator: "-").map(String.init)
        var out = Set(parts)
        for i in parts.indices { out.insert(parts[0...i].joined(separator: "-")) }
        return out
    }

    /// Two profiles with one name, or a profile whose name another profile answers to as a short name, are refused.
    static func checkNamesDistinct(_ devices: [DeviceProfile]) throws {
        for (i, a) in devices.enumerated() {
            for b in devices[(i + 1)...] where a.name == b.name || shortNames(of: b.name).contains(a.name)
                || shortNames(of: a.name).contains(b.name) {
                throw SpecError(file: b.file, path: "name", message: "the device name '\(b.name)' collides with '\(a.name)' in \(a.file); "
                                + "each device needs a name no other device answers to")
            }
        }
    }
}
