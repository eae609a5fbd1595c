/// What ran a measured case: the fp32 CPU reference through OpenBLAS, or XLA through a PJRT plugin.
/// The raw values are the strings result documents have always held.
public enum Backend: String, CaseIterable, Codable, Sendable {
    case cpuReference = "cpu-reference"
    case xla
}
