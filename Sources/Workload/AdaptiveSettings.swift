import PortbenchSchema

/// The adaptive repetition settings a suite file (or the command line) may give; nil fields are left to the policy.
public struct AdaptiveSettings: Equatable, Sendable {
    public var targetRelativeWidth: Double?
    public var budgetSeconds: Double?
    public var minRepetitions: Int?
    public var maxRepetitions: Int?

    public init(
        targetRelativeWidth: Double? = nil, budgetSeconds: Double? = nil, minRepetitions: Int? = nil,
        maxRepetitions: Int? = nil
    ) {
        self.targetRelativeWidth = targetRelativeWidth
        self.budgetSeconds = budgetSeconds
        self.minRepetitions = minRepetitions
        self.maxRepetitions = maxRepetitions
    }

    /// The suite keys, beside `repetitions` and `warmup`.
    public static let keys = ["target_relative_width", "budget_seconds", "min_repetitions", "max_repetitions"]

    /// Reads the keys from a suite mapping: each ranged by `SpecLimits`, and `min_repetitions` ≤ `max_repetitions`.
    static func parse(_ m: [String: SpecNode]) throws -> AdaptiveSettings {
        let s = AdaptiveSettings(
            targetRelativeWidth: try m["target_relative_width"]?.double(
                in: SpecLimits.targetRelativeWidth, openLower: true),
            budgetSeconds: try m["budget_seconds"]?.double(in: SpecLimits.budgetSeconds, openLower: true),
            minRepetitions: try m["min_repetitions"]?.int(in: SpecLimits.repetitions),
            maxRepetitions: try m["max_repetitions"]?.int(in: SpecLimits.repetitions))
        if let lo = s.minRepetitions, let hi = s.maxRepetitions, lo > hi {
            throw m["min_repetitions"]!.fail("min_repetitions \(lo) is above max_repetitions \(hi)")
        }
        return s
    }

    /// These settings with each field `other` sets taken from it (the command line over the suite).
    public func overridden(by other: AdaptiveSettings) -> AdaptiveSettings {
        AdaptiveSettings(
            targetRelativeWidth: other.targetRelativeWidth ?? targetRelativeWidth,
            budgetSeconds: other.budgetSeconds ?? budgetSeconds,
            minRepetitions: other.minRepetitions ?? minRepetitions,
            maxRepetitions: other.maxRepetitions ?? maxRepetitions)
    }

    /// A policy with these settings (fixed when none is set).
    public func policy(warmup: Int, repetitions: Int) -> RepetitionPolicy {
        RepetitionPolicy(
            warmup: warmup, repetitions: repetitions, targetRelativeWidth: targetRelativeWidth,
            budgetSeconds: budgetSeconds, minRepetitions: minRepetitions, maxRepetitions: maxRepetitions)
    }
}
