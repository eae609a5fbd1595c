import DeviceModels
import Foundation
import PortbenchSchema
import Workload

/// Where a command reads workload specs and device profiles from (defaults: $PORTBENCH_WORKLOADS or ./Workloads,
/// $PORTBENCH_DEVICES or ./Devices).
public struct SpecPaths: Sendable {
    public var workloads: String?
    public var devices: String?
    /// The execution styles device profiles may name (a test or an embedding tool can register another).
    public var registry: AdapterRegistry

    public init(workloads: String? = nil, devices: String? = nil, registry: AdapterRegistry = .builtIn) {
        self.workloads = workloads
        self.devices = devices
        self.registry = registry
    }

    public var locator: SpecLocator {
        let dir = workloads ?? ProcessInfo.processInfo.environment["PORTBENCH_WORKLOADS"] ?? "Workloads"
        return SpecLocator(workloadsDirectory: URL(fileURLWithPath: dir))
    }

    public func catalog() throws -> DeviceCatalog {
        let dir = devices ?? ProcessInfo.processInfo.environment["PORTBENCH_DEVICES"] ?? "Devices"
        return try DeviceCatalog.load(directory: URL(fileURLWithPath: dir), registry: registry)
    }

    /// One workload by name or path.
    public func workload(_ name: String) throws -> WorkloadSpec {
        let suite = try locator.suite(for: [name])
        guard suite.entries.count == 1 else {
            throw SpecError(
                file: name, path: "", message: "expected one workload, got a suite of \(suite.entries.count)")
        }
        return suite.entries[0].workload
    }

    /// The spec files a suite was read from (outputs must never overwrite them).
    public static func files(of suite: Suite) -> [String] {
        [suite.file].compactMap { $0 } + suite.entries.compactMap(\.workload.file)
    }
}
