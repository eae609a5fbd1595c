import Foundation
import PortbenchSchema

/// One callgrind dump file (`callgrind.out.<pid>.<n>`): the trigger that wrote it, its event names and totals.
public struct CallgrindDump: Equatable, Sendable {
    /// `desc: Trigger:` text, e.g. `Client Request: portbench tiny-llama/prefill-7 rep 1`.
    public var trigger: String
    /// The `events:` line, in order (`Ir`, and with `--cache-sim=yes` also `Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw`).
    public var events: [String]
    /// The `totals:` line (the cost the file holds), one per event; `summary:` when a file has no totals.
    public var totals: [Double]

    /// The label a client request gave the dump; nil for the dump at program termination.
    public var label: CallgrindLabel? {
        let prefix = "Client Request: "
        guard trigger.hasPrefix(prefix) else { return nil }
        return CallgrindLabel(parsing: String(trigger.dropFirst(prefix.count)))
    }

    public init(trigger: String, events: [String], totals: [Double]) {
        self.trigger = trigger
        self.events = events
        self.totals = totals
    }

    /// Reads the header and totals of a dump; the per-function cost lines between them are skipped.
    public init(text: String, file: String) throws {
        var trigger: String?, events: [String]?, totals: [Double]?, summary: [Double]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("desc: Trigger: ") {
                trigger = String(line.dropFirst("desc: Trigger: ".count))
            } else if line.hasPrefix("events: ") {
                events = line.dropFirst("events: ".count).split(separator: " ").map(String.init)
            } else if line.hasPrefix("totals: ") {
                totals = try Self.numbers(line.dropFirst("totals: ".count), file: file, field: "totals")
            } else if line.hasPrefix("summary: ") {
                summary = try Self.numbers(line.dropFirst("summary: ".count), file: file, field: "summary")
            }
        }
        guard let events, !events.isEmpty else { throw CallgrindDumpError(file: file, message: "no 'events:' line") }
        guard var values = totals ?? summary else {
            throw CallgrindDumpError(file: file, message: "no 'totals:' or 'summary:' line")
        }
        // Trailing zero events may be left off a cost line.
        guard values.count <= events.count else {
            throw CallgrindDumpError(
                file: file, message: "totals: \(values.count) numbers for \(events.count) events")
        }
        values += Array(repeating: 0, count: events.count - values.count)
        self.init(trigger: trigger ?? "", events: events, totals: values)
    }

    public static func read(_ url: URL) throws -> CallgrindDump {
        try CallgrindDump(text: String(contentsOf: url, encoding: .utf8), file: url.path)
    }

    /// The total of one event (`Ir`, `D1mr`, …); nil when the dump did not collect it.
    public func total(_ event: String) -> Double? { events.firstIndex(of: event).map { totals[$0] } }

    /// Instructions executed (`Ir`).
    public var instructions: Double? { total("Ir") }

    /// KCachegrind's cycle estimation (`CEst`, kcachegrind libviews/globalconfig.cpp:
    /// `Ir + 10 Bm + 10 L1m + 20 Ge + 100 L2m + 100 LLm`) over what callgrind's cache simulator counts — no branch
    /// simulation (`Bm`), no global bus events (`Ge`), first and last level only: Ir + 10 × (I1mr + D1mr + D1mw) +
    /// 100 × (ILmr + DLmr + DLmw). Nil without the cache simulator's events.
    public var estimatedCycles: Double? {
        let l1 = ["I1mr", "D1mr", "D1mw"].map(total), ll = ["ILmr", "DLmr", "DLmw"].map(total)
        guard let ir = instructions, l1.allSatisfy({ $0 != nil }), ll.allSatisfy({ $0 != nil }) else { return nil }
        return Self.estimatedCycles(
            instructions: ir, l1Misses: l1.reduce(0) { $0 + $1! }, lastLevelMisses: ll.reduce(0) { $0 + $1! })
    }

    public static func estimatedCycles(instructions: Double, l1Misses: Double, lastLevelMisses: Double) -> Double {
        instructions + 10 * l1Misses + 100 * lastLevelMisses
    }

    static func numbers(_ text: Substring, file: String, field: String) throws -> [Double] {
        try text.split(separator: " ").map {
            guard let v = Double($0), v >= 0 else {
                throw CallgrindDumpError(file: file, message: "\(field): '\($0)' is not a count")
            }
            return v
        }
    }
}

/// A callgrind dump portbench cannot read (names the file and the line).
public struct CallgrindDumpError: Error, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
