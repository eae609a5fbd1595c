/// The exit status of every portbench command: one table, used by the CLI and printed in its help and the README.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// A failure while running (a case that could not be measured, a file that could not be written).
    case failure = 1
    /// A usage or input error: arguments, specs, checkpoints, .npy, device profiles, tables, output paths.
    case badInput = 2
    /// A performance check failed: a regression found by a comparison, or a suite goal missed under `--enforce-goals`.
    case performanceCheckFailed = 3
    /// Inconclusive, where a command is asked to fail on it.
    case inconclusive = 4

    public var meaning: String {
        switch self {
        case .success: return "success"
        case .failure: return "a failure while running"
        case .badInput:
            return "a usage or input error (arguments, specs, checkpoints, .npy, profiles, tables, output paths)"
        case .performanceCheckFailed:
            return "a performance check failed (a regression found, or a suite goal missed under --enforce-goals)"
        case .inconclusive: return "no regression but some case inconclusive, with --fail-on-inconclusive"
        }
    }

    /// The table as one line per code, for `--help`.
    public static var table: String {
        allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ")
    }
}

/// An error caused by what the user gave (a file, a field, an argument): the CLI exits with `ExitStatus.badInput`.
public protocol InputError: Error, CustomStringConvertible {}
