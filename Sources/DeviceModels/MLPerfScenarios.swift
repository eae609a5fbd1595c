import Foundation
import PortbenchSchema
import Workload

/// MLPerf Inference's LLM scenarios on the serving simulation: Offline (every query at once, maximum throughput)
/// and Server (Poisson arrivals; the highest rate whose 99th-percentile time to first token and time per output
/// token stay within the limits, e.g. 2 s and 200 ms for Llama 2 70B).
public struct MLPerfScenarios {
    public let simulation: ServingSimulation
    public var samples = 2000
    public var seed: UInt64 = 1
    public var ttftP99Limit = 2.0
    public var tpotP99Limit = 0.2
    /// Model copies in the system; each serves an equal share of the queries (a Poisson stream split at random
    /// stays Poisson).
    public var copies = 1

    public init(simulation: ServingSimulation) { self.simulation = simulation }

    public func offline() -> MLPerfScenarioResult {
        let o = simulation.run(arrivals: Array(repeating: 0, count: samples))
        return result(o, samplesPerSecond: Double(samples) / o.makespan, note: "all \(samples) queries at once")
    }

    /// Bisects the arrival rate between 0 and the Offline rate; the same seeded exponential gaps at every rate.
    public func server(offlineRate: Double) -> MLPerfScenarioResult {
        var rng = SplitMix64(seed: seed)
        let gaps = (0..<samples).map { _ in -Foundation.log(rng.unit()) }
        func simulate(_ rate: Double) -> SimulationOutcome {
            var t = 0.0
            return simulation.run(
                arrivals: gaps.map {
                    t += $0 / rate
                    return t
                })
        }
        func meets(_ o: SimulationOutcome) -> Bool {
            SimulationOutcome.quantile(o.ttft, 0.99) <= ttftP99Limit
                && (o.tpot.isEmpty || SimulationOutcome.quantile(o.tpot, 0.99) <= tpotP99Limit)
        }
        func found(_ rate: Double, _ o: SimulationOutcome, bound: String) -> MLPerfScenarioResult {
            result(
                o, samplesPerSecond: rate,
                note: String(format: "Poisson arrivals at %.4g queries/s per copy, bounded by %@", rate, bound))
        }
        let top = simulate(offlineRate)
        if meets(top) { return found(offlineRate, top, bound: "the Offline rate") }
        var low = 0.0, high = offlineRate
        var best: (rate: Double, outcome: SimulationOutcome)?
        for _ in 0..<30 {
            let mid = (low + high) / 2
            let o = simulate(mid)
            if meets(o) { (low, best) = (mid, (mid, o)) } else { high = mid }
            if high - low < 1e-3 * high { break }
        }
        guard let best else {
            let o = simulate(offlineRate * 1e-6)
            return result(
                o, samplesPerSecond: 0, note: "no arrival rate meets the limits (one query alone misses them)")
        }
        return found(best.rate, best.outcome, bound: "the 99th-percentile limits")
    }

    /// Per-copy figures scaled to the system.
    func result(_ o: SimulationOutcome, samplesPerSecond perCopy: Double, note: String) -> MLPerfScenarioResult {
        let system = perCopy * Double(copies)
        let tokens = system * Double(simulation.outputLen)
        return MLPerfScenarioResult(
            samplesPerSecond: system, outputTokensPerSecond: tokens,
            outputTokensPerSecondPerChip: tokens / Double(copies * simulation.chips),
            ttftP99Seconds: SimulationOutcome.quantile(o.ttft, 0.99),
            tpotP99Seconds: SimulationOutcome.quantile(o.tpot, 0.99), meanInFlight: o.meanInFlight, note: note)
    }

    public func report() -> MLPerfReport {
        let off = offline()
        let server = self.server(offlineRate: off.samplesPerSecond / Double(copies))
        let d = simulation.predictor.adapter.device
        return MLPerfReport(
            workload: simulation.workload.name, device: d.name, style: d.style,
            precision: simulation.predictor.adapter.effectivePrecision(simulation.predictor.options.precision).0,
            chipsPerCopy: simulation.chips, copies: copies, inputLen: simulation.inputLen,
            outputLen: simulation.outputLen, samples: samples, seed: seed, maxBatch: simulation.maxBatch,
            ttftP99LimitSeconds: ttftP99Limit, tpotP99LimitSeconds: tpotP99Limit, offline: off, server: server)
    }
}
