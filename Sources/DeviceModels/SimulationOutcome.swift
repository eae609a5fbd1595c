import Foundation

/// What a simulation measured: every request's time to first token and time per output token.
public struct SimulationOutcome: Sendable {
    public var ttft: [Double]
    public var tpot: [Double]
    public var makespan: Double
    /// Time-averaged sequences in flight (admitted, not finished).
    public var meanInFlight: Double
    public var outputTokens: Int

    /// Nearest-rank quantile (MLPerf reports the 99th percentile this way).
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// Memoized step times by batch size (the simulation asks for the same few sizes thousands of times).
final class StepTimes: @unchecked Sendable {
    private var times: [Int: Double] = [:]

    func value(_ batch: Int, _ compute: () -> Double) -> Double {
        if let t = times[batch] { return t }
        let t = compute()
        times[batch] = t
        return t
    }
}
