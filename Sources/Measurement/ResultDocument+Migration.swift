import DeviceModels
import Foundation
import PortbenchSchema

extension ResultDocument {
    /// A result document that carries modelled migration reports only (no measured cases).
    public static func modelled(_ migrations: [MigrationReport], seed: UInt64, measured: [MeasuredMigration]? = nil)
        -> ResultDocument
    {
        ResultDocument(
            runId: UUID().uuidString.lowercased(), created: ISO8601DateFormatter().string(from: Date()),
            tool: toolVersion, suite: "migrate", policy: RepetitionPolicy(warmup: 0, repetitions: 0), seed: seed,
            machine: .current(), calibration: nil, metrics: Metric.allCases.map(\.descriptor), cases: [], goals: [],
            migrations: migrations, failures: nil, measuredMigrations: measured)
    }
}
