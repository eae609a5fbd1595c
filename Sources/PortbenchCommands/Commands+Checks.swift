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

/// A number from the command line within a range that excludes its lower bound (a width, a budget).
func checkRange(_ v: Double?, _ range: ClosedRange<Double>, option: String) throws {
    guard let v else { return }
    guard v.isFinite, v > range.lowerBound, v <= range.upperBound else {
        throw UsageError("\(option): expected a number in (\(range.lowerBound), \(range.upperBound)], got \(v)")
    }
}
