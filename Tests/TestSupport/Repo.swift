import Foundation
import Workload

/// The repository the tests run in, found from this file's path (Tests/TestSupport/Repo.swift).
public enum Repo {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let workloads = root.appendingPathComponent("Workloads")
    public static let fixtures = root.appendingPathComponent("Tests/ReferenceTests/Fixtures")

    /// The shipped workload spec `Workloads/<name>.yaml`.
    public static func workload(_ name: String) throws -> WorkloadSpec {
        try WorkloadSpec.load(url: workloads.appendingPathComponent("\(name).yaml"))
    }
}
