import Foundation
import PortbenchSchema
import Workload

/// A discrete-event simulation of one model copy serving requests through continuous batching, the way MLPerf's
/// Offline and Server scenarios load it: each engine iteration admits waiting requests into free slots (their
/// prefill runs in that iteration), then every running sequence decodes one token. Step times come from the
/// device model (modelled); the queueing is simulated.
public struct ServingSimulation {
    public let predictor: ServePredictor
    public let workload: WorkloadSpec
    public let inputLen: Int
    public let outputLen: Int
    /// The most sequences in flight: what fits in memory (or a smaller cap).
    public let maxBatch: Int
    let model: ModelShape
    let shard: TransformerConfig
    let tp: Int
    let stages: Int
    public let chips: Int
    private let prefillTimes = StepTimes()
    private let decodeTimes = StepTimes()

    public init(
        predictor: ServePredictor, workload w: WorkloadSpec, inputLen: Int, outputLen: Int, maxBatch: Int? = nil
    )
        throws
    {
        guard let model = w.model else {
            throw SpecError(
                file: w.file ?? w.name, path: "model", message: "serving simulations need a 'model' block")
        }
        let one = ServeScenario(name: "sim", batch: 1, inputLen: inputLen, outputLen: outputLen)
        let p = predictor.adapter.effectivePrecision(predictor.options.precision).0
        let need = predictor.memoryNeeded(w, model: model, batch: 1, tokens: inputLen + outputLen, precision: p)
        chips = predictor.chips(need: need)
        let fit = predictor.sequencesThatFit(w, model: model, chips: chips, one, precision: p)
        (tp, stages) = predictor.adapter.parallelism(
            chips: chips, layerBytes: need / Double(model.layers), layers: model.layers)
        shard = w.config.shard(tp)
        self.predictor = predictor
        self.workload = w
        self.model = model
        self.inputLen = inputLen
        self.outputLen = outputLen
        self.maxBatch = max(1, min(maxBatch ?? fit, fit))
    }

    /// One prefill of `k` requests (modelled, memoized).
    public func prefillSeconds(_ k: Int) -> Double {
        prefillTimes.value(k) {
            predictor.stepSeconds(
                workload, model: model, shard: shard, tp: tp, stages: stages,
                scenario: .prefill("sim-prefill", batch: k, seq: inputLen), lmRows: k, opts: predictor.options)
        }
    }

    /// One decode step of `b` sequences at the mean context (modelled, memoized).
    public func decodeSeconds(_ b: Int) -> Double {
        decodeTimes.value(b) {
            predictor.stepSeconds(
                workload, model: model, shard: shard, tp: tp, stages: stages,
                scenario: .decode("sim-decode", batch: b, context: inputLen + outputLen / 2), lmRows: b,
                opts: predictor.options)
        }
    }

    /// Serves requests arriving at `arrivals` (seconds, ascending) first come, first served.
    public func run(arrivals: [Double]) -> SimulationOutcome {
        var ttft = [Double](repeating: 0, count: arrivals.count)
        var tpot = [Double](repeating: 0, count: arrivals.count)
        var running: [(id: Int, produced: Int, first: Double)] = []
        var t = 0.0, next = 0, done = 0, inFlightArea = 0.0
        while done < arrivals.count {
            if running.isEmpty, next < arrivals.count { t = max(t, arrivals[next]) }
            var admitted: [Int] = []
            while next < arrivals.count, arrivals[next] <= t, running.count + admitted.count < maxBatch {
                admitted.append(next)
                next += 1
            }
            let step =
                (admitted.isEmpty ? 0 : prefillSeconds(admitted.count))
                + (running.isEmpty ? 0 : decodeSeconds(running.count))
            inFlightArea += step * Double(running.count + admitted.count)
            t += step
            running = running.compactMap { r in
                guard r.produced + 1 < outputLen else {
                    tpot[r.id] = (t - r.first) / Double(outputLen - 1)
                    done += 1
                    return nil
                }
                return (r.id, r.produced + 1, r.first)
            }
            for id in admitted {
                ttft[id] = t - arrivals[id]
                if outputLen == 1 { done += 1 } else { running.append((id, 1, t)) }
            }
        }
        return SimulationOutcome(
            ttft: ttft, tpot: outputLen > 1 ? tpot : [], makespan: t,
            meanInFlight: t > 0 ? inFlightArea / t : 0, outputTokens: arrivals.count * outputLen)
    }
}
