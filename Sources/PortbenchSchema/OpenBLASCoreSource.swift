import Foundation

/// Who chose the OpenBLAS core a run used: OpenBLAS's own CPU detection, `OPENBLAS_CORETYPE` set by the user,
/// portbench's `--openblas-core auto` (after a self-check), or an explicit `--openblas-core NAME`.
public enum OpenBLASCoreSource: String, Codable, CaseIterable, Equatable, Sendable {
    case openblas
    case environment
    case portbench
    case option
}
