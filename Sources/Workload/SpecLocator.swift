import Foundation
import PortbenchSchema
import Yams

/// Turns command-line names into specs: a path to a suite or workload file, or a bare name looked up in the
/// workloads folder (`default` → suites/default.yaml, `llama-3-8b` → llama-3-8b.yaml).
public struct SpecLocator {
    public let workloadsDirectory: URL

    public init(workloadsDirectory: URL) {
        self.workloadsDirectory = workloadsDirectory
    }

    /// The suite to run for `names`: the default suite when empty, one suite, or workloads with all their scenarios.
    public func suite(for names: [String]) throws -> Suite {
        if names.isEmpty { return try Suite.load(url: suiteURL("default")) }
        var workloads: [WorkloadSpec] = []
        for name in names {
            let url = try locate(name)
            if try isSuite(url) {
                guard names.count == 1 else {
                    throw SpecError(
                        file: url.path, path: "", message: "a suite cannot be combined with other names; run it alone")
                }
                return try Suite.load(url: url)
            }
            workloads.append(try WorkloadSpec.load(url: url))
        }
        return .adHoc(workloads)
    }

    /// Every workload file in the workloads folder (not the suites), sorted by name.
    public func allWorkloads() throws -> [WorkloadSpec] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: workloadsDirectory, includingPropertiesForKeys: nil)
        } catch {
            throw SpecError(
                file: workloadsDirectory.path, path: "",
                message: "cannot list the workloads folder (--workloads): it does not exist or is not readable")
        }
        return try files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }.map(WorkloadSpec.load)
    }

    func suiteURL(_ name: String) -> URL {
        workloadsDirectory.appendingPathComponent("suites").appendingPathComponent("\(name).yaml")
    }

    func locate(_ name: String) throws -> URL {
        let direct = URL(fileURLWithPath: name)
        let candidates = [direct, workloadsDirectory.appendingPathComponent("\(name).yaml"), suiteURL(name)]
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw SpecError(
            file: name, path: "",
            message: "no such file, workload or suite (looked in \(workloadsDirectory.path) and its suites/)")
    }

    /// A file is a suite when its top level has an `entries` key.
    public func isSuite(_ url: URL) throws -> Bool {
        let root = try SpecNode.load(url: url)
        guard case .mapping(let m) = root.node else { return false }
        return m.keys.contains { $0.string == "entries" }
    }
}
