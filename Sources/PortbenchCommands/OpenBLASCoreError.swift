import Foundation

/// A core asked for by `--openblas-core NAME` that failed its self-check (crashed, was not loaded, or computed
/// wrong products): not used, and the run stops (exit 1).
public struct OpenBLASCoreError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
