import PortbenchSchema
/// Every modelling parameter `Devices/styles.yaml` may set: its YAML key, its range, and the styles that need it.
/// Adapters read parameters by this enum, never by string.
public enum StyleParameter: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case gemmEfficiency = "gemm_efficiency"
    case memoryEfficiency = "memory_efficiency"
    case elementwiseMemoryEfficiency = "elementwise_memory_efficiency"
    case gemmTile = "gemm_tile"
    case launchOverheadMicroseconds = "launch_overhead_us"
    case graphLaunchOverheadMicroseconds = "graph_launch_overhead_us"
    case linkLatencyMicroseconds = "link_latency_us"
    case stepOverheadMicroseconds = "step_overhead_us"
    case compileSecondsBase = "compile_seconds_base"
    case compileSecondsPerOp = "compile_seconds_per_op"
    case computeEfficiency = "compute_efficiency"
    case sramUsableFraction = "sram_usable_fraction"
    case chipToChipLatencyMicroseconds = "c2c_latency_us"

    /// The values the parameter may take, and whether the lower bound itself is excluded.
    public var range: (bounds: ClosedRange<Double>, openLower: Bool) {
        switch self {
        case .gemmEfficiency, .memoryEfficiency, .elementwiseMemoryEfficiency, .computeEfficiency, .sramUsableFraction:
            return (0...1, true)
        case .gemmTile: return (1...4_096, false)
        case .launchOverheadMicroseconds, .graphLaunchOverheadMicroseconds, .linkLatencyMicroseconds,
             .stepOverheadMicroseconds, .chipToChipLatencyMicroseconds:
            return (0...1e6, false)
        case .compileSecondsBase, .compileSecondsPerOp: return (0...1e5, false)
        }
    }

    /// Which styles must set it (the others may not).
    public var styles: Set<ExecutionStyle> {
        switch self {
        case .gemmEfficiency, .memoryEfficiency, .linkLatencyMicroseconds: return [.cuda, .xla]
        case .elementwiseMemoryEfficiency, .gemmTile, .launchOverheadMicroseconds, .graphLaunchOverheadMicroseconds: return [.cuda]
        case .stepOverheadMicroseconds, .compileSecondsBase, .compileSecondsPerOp: return [.xla]
        case .computeEfficiency, .sramUsableFraction, .chipToChipLatencyMicroseconds: return [.lpu]
        }
    }
}
