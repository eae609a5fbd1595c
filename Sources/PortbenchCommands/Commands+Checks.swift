import Foundation
import PortbenchSchema
import Workload

/// Checks where a command will write before it does any work (see `OutputFile`).
func output(_ path: String?, role: String = "--out", inputs: [String]) throws -> OutputFile? {
    try path.map { try OutputFile.check($0, role: role, inputs: inputs) }
}

/// A repetition count from the command line, within the range suites allow.
func checkRepetitions(_ r: Int?, option: String = "--repetitions") throws {
    guard let r else { return }
    guard SpecLimits.repetitions.contains(r) else {
        throw UsageError(
            "\(option): expected \(SpecLimits.repetitions.lowerBound)...\(SpecLimits.repetitions.upperBound), got \(r)")
    }
}
