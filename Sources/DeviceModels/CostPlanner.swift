import Foundation
import PortbenchSchema
import Workload

/// Finds, per device, the cheapest precision, chip count and batch whose modelled continuous-batching serving of
/// `inputLen` in / `outputLen` out meets a per-query time per output token, and prices its tokens (modelled).
///
/// A deployment of `chips` chips at `price` per chip-hour costs P = chips · price / 3600 per second. Each decode
/// step of `batch` requests yields one output token each, so an output token costs P · decode step / batch; each
/// request's prefill takes its share of chip time, so an input token costs P · prefill per request / input length.
public struct CostPlanner {
    public let catalog: DeviceCatalog
    public let workload: WorkloadSpec
    public var inputLen = 1024
    public var outputLen = 1024
    public var maxTpotSeconds: Double
    /// Chip counts tried: the fewest that hold the model, then that times 2, 4, …, up to this factor.
    public var chipFactors = [1, 2, 4, 8]
    public var maxBatch = 4096

    public init(catalog: DeviceCatalog, workload: WorkloadSpec, maxTpotSeconds: Double) {
        self.catalog = catalog
        self.workload = workload
        self.maxTpotSeconds = maxTpotSeconds
    }

    /// Every device of the catalog: the cheapest option of each priced device, and the rest with a reason.
    public func report() throws -> CostReport {
        var options: [CostOption] = [], excluded: [CostExclusion] = []
        for d in catalog.devices {
            guard d.pricePerChipHour != nil else {
                excluded.append(CostExclusion(device: d.name, reason: "no price_per_chip_hour in \(d.file)"))
                continue
            }
            if let best = try cheapest(on: d) {
                options.append(best)
            } else {
                let speed = String(format: "%.1f", 1 / maxTpotSeconds)
                excluded.append(
                    CostExclusion(
                        device: d.name,
                        reason: "no precision, chip count (up to \(chipFactors.last!)× the fewest that hold the "
                            + "model) or batch reaches \(speed) output tokens/s per query"))
            }
        }
        return CostReport(
            workload: workload.name, inputLen: inputLen, outputLen: outputLen, maxTpotSeconds: maxTpotSeconds,
            options: options.sorted { $0.dollarsPerMillionInputPlusOutput < $1.dollarsPerMillionInputPlusOutput },
            excluded: excluded)
    }

    /// The cheapest (per 1M input + 1M output tokens) option on one device; nil when none meets the constraint.
    public func cheapest(on d: DeviceProfile) throws -> CostOption? {
        let adapter = makeAdapter(for: d, catalog: catalog)
        var best: CostOption?
        for p in precisions(adapter) {
            let hold = try predictor(adapter, p, chips: nil).predict(workload, scenario(batch: 1)).chips
            for chips in Set(chipFactors.map { $0 * hold }).sorted() {
                guard let option = try largestBatch(adapter, d, p, chips: chips) else { continue }
                if best.map({ option.dollarsPerMillionInputPlusOutput < $0.dollarsPerMillionInputPlusOutput }) ?? true {
                    best = option
                }
            }
        }
        return best
    }

    /// The precisions the style runs as asked (a request it would run as another is left to that other).
    func precisions(_ adapter: Adapter) -> [Precision] {
        [.bf16, .fp16, .fp8e4m3].filter { adapter.effectivePrecision($0).0 == $0 }
    }

    func scenario(batch: Int) -> ServeScenario {
        ServeScenario(name: "cost-b\(batch)", batch: batch, inputLen: inputLen, outputLen: outputLen)
    }

    func predictor(_ adapter: Adapter, _ p: Precision, chips: Int?) -> ServePredictor {
        var o = AdapterOptions(precision: p)
        o.chips = chips
        return ServePredictor(adapter: adapter, options: o, batching: .continuous)
    }

    /// The largest batch that fits and meets the constraint (doubling, then bisecting), priced; nil when batch 1
    /// already misses it.
    func largestBatch(_ adapter: Adapter, _ d: DeviceProfile, _ p: Precision, chips: Int) throws -> CostOption? {
        let serve = predictor(adapter, p, chips: chips)
        func predict(_ b: Int) throws -> (batch: Int, prediction: ServePrediction) {
            (b, try serve.predict(workload, scenario(batch: b)))
        }
        func meets(_ t: (batch: Int, prediction: ServePrediction)) -> Bool {
            t.prediction.fits && t.prediction.batchUsed == t.batch && t.prediction.tpotSeconds <= maxTpotSeconds
        }
        var good = try predict(1)
        guard meets(good) else { return nil }
        var failed: (batch: Int, prediction: ServePrediction)?
        while failed == nil, good.batch * 2 <= maxBatch {
            let next = try predict(good.batch * 2)
            if meets(next) { good = next } else { failed = next }
        }
        while let f = failed, f.batch - good.batch > 1 {
            let mid = try predict((good.batch + f.batch) / 2)
            if meets(mid) { good = mid } else { failed = mid }
        }
        let limit = failed.map { limitedBy($0.prediction, batch: $0.batch) } ?? "the batch cap (\(maxBatch))"
        return price(good.prediction, batch: good.batch, d, limitedBy: limit)
    }

    /// Why the next batch size fails: memory, or the speed constraint.
    func limitedBy(_ next: ServePrediction, batch: Int) -> String {
        if !next.fits || next.batchUsed != batch {
            return "memory (\(next.batchUsed ?? 0) of \(batch) sequences fit on \(next.chips) chip(s))"
        }
        return String(
            format: "speed (batch %d runs %.1f ms per output token, over %.1f ms)", batch, next.tpotSeconds * 1e3,
            maxTpotSeconds * 1e3)
    }

    func price(_ s: ServePrediction, batch: Int, _ d: DeviceProfile, limitedBy: String) -> CostOption {
        let price = d.pricePerChipHour!
        let perSecond = price.value * Double(s.chips) / 3600
        let decode = s.decodeStepSeconds ?? s.tpotSeconds
        let prefill = s.prefillSecondsPerRequest ?? s.ttftSeconds
        let citation = d.citations.first { $0.id == price.source }
        return CostOption(
            device: d.name, style: d.style, precision: s.precision, chips: s.chips, batch: batch,
            tpotSeconds: s.tpotSeconds, ttftSeconds: s.ttftSeconds,
            outputTokensPerSecondPerChip: Double(batch) / s.tpotSeconds / Double(s.chips),
            pricePerChipHour: price.value,
            priceSource: citation.map { "\($0.id): \($0.url) (\($0.date))" } ?? price.source,
            dollarsPerMillionInput: perSecond * prefill / Double(inputLen) * 1e6,
            dollarsPerMillionOutput: perSecond * decode / Double(batch) * 1e6, limitedBy: limitedBy)
    }
}
