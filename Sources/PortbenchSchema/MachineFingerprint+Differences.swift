import Foundation

/// A field of the machine's identity: the comparability key hashes these, and results differing in one do not compare.
public enum ComparabilityField: String, CaseIterable, Codable, Sendable {
    case cpuModel = "cpu_model"
    case cpuSignature = "cpu_signature"
    case cores
    case memoryGiB = "memory_gib"
    case os
    case swiftVersion = "swift_version"
    case openblasConfig = "openblas.config"
}

/// A comparability field whose value differs between two fingerprints.
public struct MachineDifference: Equatable, Sendable {
    public var field: ComparabilityField
    public var this: String
    public var other: String

    public init(field: ComparabilityField, this: String, other: String) {
        self.field = field
        self.this = this
        self.other = other
    }
}

/// A run setting that differs between two fingerprints: `openblas.threads`, `openblas.corename`, or an `OPENBLAS_*`
/// variable (nil on the side where it is not set).
public struct SettingDifference: Equatable, Sendable {
    public var name: String
    public var this: String?
    public var other: String?

    public init(name: String, this: String?, other: String?) {
        self.name = name
        self.this = this
        self.other = other
    }
}

extension MachineDifference {
    /// The form a comparison document records (baseline = this, candidate = other).
    public var recorded: FieldDifference { FieldDifference(field: field.rawValue, baseline: this, candidate: other) }
}

extension SettingDifference {
    /// The form a comparison document records; "unset" where a variable is not set on one side.
    public var recorded: FieldDifference {
        FieldDifference(field: name, baseline: this ?? "unset", candidate: other ?? "unset")
    }
}

extension MachineFingerprint {
    /// The value of a comparability field as the key hashes it (memory in whole GiB).
    public func value(of field: ComparabilityField) -> String {
        switch field {
        case .cpuModel: return cpuModel
        case .cpuSignature: return cpuSignature ?? "unknown"
        case .cores: return "\(cores)"
        case .memoryGiB: return "\(memoryBytes >> 30)GiB"
        case .os: return os
        case .swiftVersion: return swiftVersion
        // A DYNAMIC_ARCH build names the core it picked in its config string; the core is a run setting.
        case .openblasConfig:
            return openblas.config.split(separator: " ").filter { $0 != openblas.corename }.joined(
                separator: " ")
        }
    }

    /// The comparability fields that differ from `other`'s, in `ComparabilityField` order (empty: same machine).
    public func machineDifferences(_ other: MachineFingerprint) -> [MachineDifference] {
        ComparabilityField.allCases.compactMap { f in
            let (a, b) = (value(of: f), other.value(of: f))
            return a == b ? nil : MachineDifference(field: f, this: a, other: b)
        }
    }

    /// The run settings that differ from `other`'s: threads, core name, then each `OPENBLAS_*` variable by name.
    public func settingsDifferences(_ other: MachineFingerprint) -> [SettingDifference] {
        var out: [SettingDifference] = []
        if openblas.threads != other.openblas.threads {
            out.append(.init(name: "openblas.threads", this: "\(openblas.threads)", other: "\(other.openblas.threads)"))
        }
        if openblas.corename != other.openblas.corename {
            out.append(.init(name: "openblas.corename", this: openblas.corename, other: other.openblas.corename))
        }
        for name in Set(openblasEnvironment.keys).union(other.openblasEnvironment.keys).sorted() {
            let (a, b) = (openblasEnvironment[name], other.openblasEnvironment[name])
            if a != b { out.append(.init(name: name, this: a, other: b)) }
        }
        return out
    }
}
