import Foundation
import PortbenchSchema
import Workload

/// Every device profile and the style parameters, loaded from one folder through an adapter registry.
public struct DeviceCatalog: Sendable {
    public var devices: [DeviceProfile]
    public var styles: [ExecutionStyle: StyleSection]
    /// Each serving engine's KV-cache figures (Devices/styles.yaml, `engines`).
    public var engines: [ServingEngine: EngineFigures] = [:]
    /// The styles this catalog knows and the adapter type of each.
    public let registry: AdapterRegistry
    /// Every file the catalog was read from (profiles and styles.yaml): outputs must never overwrite them.
    public var files: [String] = []

    public static func load(directory: URL, registry: AdapterRegistry = .builtIn) throws -> DeviceCatalog {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        } catch {
            throw SpecError(
                file: directory.path, path: "",
                message: "cannot list the devices folder (--devices): it does not exist or is not readable")
        }
        let profiles = files.filter { $0.pathExtension == "yaml" && $0.lastPathComponent != "styles.yaml" }.sorted {
            $0.path < $1.path
        }
        guard !profiles.isEmpty else {
            throw SpecError(file: directory.path, path: "", message: "no device profiles (*.yaml) found")
        }
        let devices = try profiles.map { try DeviceProfile.load(url: $0, registry: registry) }
        try checkNamesDistinct(devices)
        let stylesFile = directory.appendingPathComponent("styles.yaml")
        let (styles, engines) = try StyleSection.loadAll(url: stylesFile, registry: registry)
        return DeviceCatalog(
            devices: devices, styles: styles, engines: engines, registry: registry,
            files: profiles.map(\.path) + [stylesFile.path])
    }

    /// A device by name, optionally as `style:name` (the style must match); a short name (`h100`, `v6e`, `groq`)
    /// resolves when it answers to exactly one device.
    public func device(_ spec: String) throws -> DeviceProfile {
        let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts.last!
        let matches =
            devices.first(where: { $0.name == name }).map { [$0] }
            ?? devices.filter { Self.shortNames(of: $0.name).contains(name) }
        guard matches.count == 1, let d = matches.first else {
            let known = devices.map(\.name).joined(separator: ", ")
            let message =
                matches.isEmpty
                ? "unknown device '\(name)'; known: \(known)"
                : "'\(name)' is ambiguous: it answers to \(matches.map(\.name).joined(separator: ", ")); give one of them"
            throw SpecError(file: spec, path: "device", message: message)
        }
        if parts.count == 2, parts[0] != d.style.rawValue, !(parts[0] == "cpu") {
            throw SpecError(
                file: spec, path: "", message: "\(name) runs in the \(d.style.rawValue) style, not '\(parts[0])'")
        }
        return d
    }

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
            for b in devices[(i + 1)...]
            where a.name == b.name || shortNames(of: b.name).contains(a.name)
                || shortNames(of: a.name).contains(b.name)
            {
                throw SpecError(
                    file: b.file, path: "name",
                    message: "the device name '\(b.name)' collides with '\(a.name)' in \(a.file); "
                        + "each device needs a name no other device answers to")
            }
        }
    }
}

extension DeviceCatalog {
    /// This catalog with some of `style`'s parameters set to other values (a fit's trial).
    public func overriding(_ style: ExecutionStyle, _ values: [String: Double]) throws -> DeviceCatalog {
        guard let section = styles[style] else { return self }
        var out = self
        out.styles[style] = try section.overriding(values, registry: registry)
        return out
    }
}
