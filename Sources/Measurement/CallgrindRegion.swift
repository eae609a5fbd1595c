import CCallgrind
import Foundation

/// The measured region under callgrind: instrumentation on for exactly one timed repetition, then a dump labelled
/// with the case and repetition (`CallgrindLabel`), so warm-up, calibration and setup are never counted.
public struct CallgrindRegion: Sendable {
    /// Whether this build holds callgrind's client requests (valgrind's headers were found at build time).
    public static var isBuiltIn: Bool { portbench_callgrind_available() != 0 }
    /// Whether this process runs under valgrind.
    public static var isRunningOnValgrind: Bool { portbench_running_on_valgrind() != 0 }

    public init() {}

    public func begin() { portbench_callgrind_start() }

    public func end(label: String) { label.withCString { portbench_callgrind_stop($0) } }
}

/// The dump label of one counted repetition: `portbench <workload>/<scenario> rep <n>` (names are identifiers).
public struct CallgrindLabel: Hashable, Sendable {
    public var workload: String
    public var scenario: String
    public var repetition: Int

    public init(workload: String, scenario: String, repetition: Int) {
        self.workload = workload
        self.scenario = scenario
        self.repetition = repetition
    }

    public var text: String { "portbench \(workload)/\(scenario) rep \(repetition)" }

    /// The label back from a dump's trigger text; nil for anything portbench did not write.
    public init?(parsing text: String) {
        let words = text.split(separator: " ")
        guard words.count == 4, words[0] == "portbench", words[2] == "rep", let rep = Int(words[3]) else { return nil }
        let name = words[1].split(separator: "/", omittingEmptySubsequences: false)
        guard name.count == 2, !name[0].isEmpty, !name[1].isEmpty else { return nil }
        self.init(workload: String(name[0]), scenario: String(name[1]), repetition: rep)
    }
}
