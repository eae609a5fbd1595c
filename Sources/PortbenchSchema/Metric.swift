import Foundation

/// Which way a metric improves.
public enum MetricDirection: String, Codable, Sendable {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
}

/// Where a number comes from: timed on this machine, predicted by a device model, or counted exactly (FLOPs and
/// bytes of the graph, fusions of a compiled program).
public enum Provenance: String, Codable, Sendable {
    case measured, modelled, counted
}

/// One metric's unit, direction and provenance: the single table reports and comparisons read.
public struct MetricDescriptor: Codable, Equatable, Sendable {
    public var key: String
    public var label: String
    public var unit: String
    public var direction: MetricDirection
    public var provenance: Provenance

    public init(key: String, label: String, unit: String, direction: MetricDirection, provenance: Provenance) {
        self.key = key
        self.label = label
        self.unit = unit
        self.direction = direction
        self.provenance = provenance
    }
}

/// The metrics the CPU reference reports for every case.
public enum Metric: String, CaseIterable, Codable, Sendable {
    case medianSeconds = "median_s"
    case tokensPerSecond = "tokens_per_s"
    case gflops = "gflops"
    case weightReadGBps = "weight_read_gbps"
    case ceilingFraction = "ceiling_fraction"
    /// The physical roofline's time over the median (`Ceiling.physicalSeconds`); absent without peak rates.
    case physicalFraction = "physical_fraction"
    case cv = "cv"

    public var descriptor: MetricDescriptor {
        switch self {
        case .medianSeconds:
            return MetricDescriptor(
                key: rawValue, label: "median", unit: "s", direction: .lowerIsBetter, provenance: .measured)
        case .tokensPerSecond:
            return MetricDescriptor(
                key: rawValue, label: "tokens/s", unit: "tok/s", direction: .higherIsBetter, provenance: .measured)
        case .gflops:
            return MetricDescriptor(
                key: rawValue, label: "GFLOP/s", unit: "GFLOP/s", direction: .higherIsBetter, provenance: .measured)
        case .weightReadGBps:
            return MetricDescriptor(
                key: rawValue, label: "weights GB/s", unit: "GB/s", direction: .higherIsBetter, provenance: .measured)
        case .ceilingFraction:
            return MetricDescriptor(
                key: rawValue, label: "of ceiling", unit: "fraction", direction: .higherIsBetter, provenance: .measured)
        case .physicalFraction:
            return MetricDescriptor(
                key: rawValue, label: "of physical", unit: "fraction", direction: .higherIsBetter,
                provenance: .measured)
        case .cv:
            return MetricDescriptor(
                key: rawValue, label: "CV", unit: "fraction", direction: .lowerIsBetter, provenance: .measured)
        }
    }
}
