import Foundation
import PortbenchSchema

/// A workload file: a named layer configuration, where it comes from, and its grid of scenarios.
public struct WorkloadSpec: Equatable, Sendable {
    public var name: String
    public var description: String
    public var sources: [String]
    public var config: TransformerConfig
    public var scenarios: [Scenario]
    /// Whole-model shape (layers, vocabulary) when the spec gives one.
    public var model: ModelShape?
    /// Whole-model serving scenarios (device-model predictions only).
    public var serve: [ServeScenario]
    /// The file it was read from, if any.
    public var file: String?

    public init(
        name: String, description: String = "", sources: [String] = [], config: TransformerConfig,
        scenarios: [Scenario], model: ModelShape? = nil, serve: [ServeScenario] = [], file: String? = nil
    ) {
        self.name = name
        self.description = description
        self.sources = sources
        self.config = config
        self.scenarios = scenarios
        self.model = model
        self.serve = serve
        self.file = file
    }

    public func scenario(named name: String) -> Scenario? {
        scenarios.first { $0.name == name }
    }
}
