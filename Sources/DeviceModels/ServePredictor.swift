import Foundation
import PortbenchSchema
import Workload

/// Predicts a `ServeScenario` for one device by lowering per-layer prefill and decode graphs through the adapter.
public struct ServePredictor {
    public let adapter: Adapter
    public let options: AdapterOptions
    public let batching: Batching

    public init(adapter: Adapter, options: AdapterOptions, batching: Batching = .static) {
        self.adapter = adapter
        self.options = options
        self.batching = batching
    }

    var device: DeviceProfile { adapter.device }

    /// Bytes the model needs resident: weights (all layers, embeddings, LM head) and the KV cache at full length.
    public func memoryNeeded(_ w: WorkloadSpec, model: ModelShape, batch: Int, tokens: Int, precision: Precision)
        -> Double
    {
        let c = w.config
        let embed = Double(model.vocab * c.hidden) * (model.tiedEmbeddings ? 1 : 2)
        let weights = (Double(c.parameterCount) * Double(model.layers) + embed) * precision.bytes
        let kv = Double(batch * tokens * model.layers * 2 * c.kvDim) * precision.kvCache.bytes
        return weights + kv
    }

    /// Chips for the model: the user's count, or the fewest the style needs to hold it.
    public func chips(need: Double) -> Int {
        options.chips ?? adapter.chipsToHold(need)
    }

    /// Sequences whose KV cache fits beside the weights and one request's prefill activations in the memory the
    /// serving engine uses on `chips` chips; a paged cache gives each sequence whole blocks of `kvBlockTokens`.
    public func sequencesThatFit(
        _ w: WorkloadSpec, model: ModelShape, chips: Int, _ s: ServeScenario, precision p: Precision
    )
        -> Int
    {
        let c = w.config
        let weights = memoryNeeded(w, model: model, batch: 0, tokens: 0, precision: p)
        let activations = Double(s.inputLen * (4 * c.hidden + 2 * c.ffn)) * p.storage.bytes
        let block = adapter.engine.kvBlockTokens
        let tokens = (s.inputLen + s.outputLen + block - 1) / block * block
        let perSequence = Double(tokens * model.layers * 2 * c.kvDim) * p.kvCache.bytes
        let room = adapter.engine.kvBudget(
            capacity: adapter.capacityPerChip * Double(chips), resident: weights + activations)
        return room <= 0 ? 0 : Int(min(room / perSequence, Double(SpecLimits.batch.upperBound)))
    }

    /// The scenario's batch is the offered concurrency: the model runs as many of those sequences as fit.
    public func predict(_ w: WorkloadSpec, _ offered: ServeScenario) throws -> ServePrediction {
        guard let model = w.model else {
            throw SpecError(
                file: w.file ?? w.name, path: "model",
                message: "serving predictions need a 'model' block (layers, vocab)")
        }
        let (p, hazard) = adapter.effectivePrecision(options.precision)
        let length = offered.inputLen + offered.outputLen
        let n = chips(need: memoryNeeded(w, model: model, batch: offered.batch, tokens: length, precision: p))
        let fit = sequencesThatFit(w, model: model, chips: n, offered, precision: p)
        var s = offered
        s.batch = max(1, min(offered.batch, fit))
        let need = memoryNeeded(w, model: model, batch: s.batch, tokens: length, precision: p)
        let perChipCapacity = adapter.capacityPerChip
        let (tp, stages) = adapter.parallelism(chips: n, layerBytes: need / Double(model.layers), layers: model.layers)
        let shard = w.config.shard(tp)
        let opts = options

        let prefill = stepSeconds(
            w, model: model, shard: shard, tp: tp, stages: stages,
            scenario:
                .prefill("serve-prefill", batch: s.batch, seq: s.inputLen), lmRows: s.batch, opts: opts)
        let samples = min(s.outputLen, 17)
        var decodeTotal = 0.0
        for k in 0..<samples {
            let step = samples == 1 ? 0 : k * (s.outputLen - 1) / (samples - 1)
            decodeTotal += stepSeconds(
                w, model: model, shard: shard, tp: tp, stages: stages,
                scenario: .decode("serve-decode", batch: s.batch, context: s.inputLen + step), lmRows: s.batch,
                opts: opts)
        }
        let decode = decodeTotal / Double(samples)
        let (ttftSeconds, tpot) = batchedLatencies(
            w, model: model, shard: shard, tp: tp, stages: stages, s, prefill: prefill, decode: decode)
        let total = ttftSeconds + tpot * Double(s.outputLen - 1)
        let tokens = Double(s.batch * s.outputLen)
        let flops = modelFlops(w, model: model, s)
        let peakAll = adapter.peak(p) * Double(n)
        var hazards = hazard.map { [$0] } ?? []
        if fit < offered.batch {
            hazards.append(
                fit == 0
                    ? "the weights leave no room for one sequence's KV cache in \(memoryShare(n)): predicted at batch 1"
                    : "only \(fit) of the \(offered.batch) offered sequences fit in \(memoryShare(n)): ran batch \(fit)"
            )
        }
        if need > perChipCapacity * Double(n) {
            hazards.append(
                String(
                    format: "needs %.1f GB but %d chip(s) hold %.1f GB", need / 1e9, n,
                    perChipCapacity * Double(n) / 1e9))
        }
        let compile =
            adapter.compileSeconds(ops: LayerGraph.lower(shard, .decode("c", batch: 1, context: 1)).ops.count * 2) ?? 0
        let ttft = ttftQuantiles(w, model: model, shard: shard, tp: tp, stages: stages, s, opts: opts)
        let admitted = Double(s.batch - 1) / Double(s.outputLen)
        var prediction = ServePrediction(
            workload: w.name, scenario: s.name, device: device.name, style: device.style, precision: p, chips: n,
            tensorParallel: tp,
            pipelineStages: stages, memoryNeededGB: need / 1e9, fits: fit >= 1 && need <= perChipCapacity * Double(n),
            ttftSeconds: ttftSeconds,
            tpotSeconds: tpot, totalSeconds: total, outputTokensPerSecond: tokens / total,
            outputTokensPerSecondPerChip: tokens / total / Double(n), modelFlopsUtilization: flops / total / peakAll,
            joulesPerToken: device.powerW.value * Double(n) * total / tokens,
            dollarsPerMillionTokens: device.pricePerChipHour.map { $0.value * Double(n) / 3600 * total / tokens * 1e6 },
            compileSeconds: compile, ttftP50Seconds: ttft?.0, ttftP99Seconds: ttft?.1, hazards: hazards)
        prediction.batchOffered = offered.batch
        prediction.batchUsed = s.batch
        prediction.decodeStepSeconds = decode
        // Continuous: the prefills interleaved per step take tpot − decode for `admitted` requests; alone (batch 1)
        // or static, the prefill is the first token's wait, shared by the batch.
        prediction.prefillSecondsPerRequest =
            batching == .continuous && s.batch > 1 ? (tpot - decode) / admitted : ttftSeconds / Double(s.batch)
        return prediction
    }

    /// "90% of 2 × 80 GB (trt-llm: paged KV, 64-token blocks)": the memory a fit is judged in.
    func memoryShare(_ chips: Int) -> String {
        let e = adapter.engine
        return "\(e.memoryRule) \(chips) × " + String(format: "%.0f GB", adapter.capacityPerChip / 1e9)
            + " (\(e.engine.rawValue)" + (e.kvBlockTokens > 1 ? ": paged KV, \(e.kvBlockTokens)-token blocks)" : ")")
    }

    /// Time to first token and time per output token under the predictor's batching. Static: the batch's prompts
    /// in one prefill, then decode steps of the whole batch. Continuous (in-flight batching, Yu et al., OSDI 2022;
    /// TensorRT-LLM, vLLM and JetStream all schedule this way): `batch` requests in flight in steady state, so every
    /// decode step also runs the prefills of the (batch − 1) / output_len other requests admitted per step, and a new
    /// request waits half a step for the running one, then runs its own prefill inside a step of the others' decode.
    func batchedLatencies(
        _ w: WorkloadSpec, model: ModelShape, shard: TransformerConfig, tp: Int, stages: Int, _ s: ServeScenario,
        prefill: Double, decode: Double
    ) -> (ttft: Double, tpot: Double) {
        guard batching == .continuous, s.batch > 1 else {
            guard batching == .continuous else { return (prefill, decode) }
            return (
                stepSeconds(
                    w, model: model, shard: shard, tp: tp, stages: stages,
                    scenario: .prefill("serve-prefill-1", batch: 1, seq: s.inputLen), lmRows: 1, opts: options),
                decode
            )
        }
        let admitted = Double(s.batch - 1) / Double(s.outputLen)
        let k = max(1, min(s.batch, Int(admitted.rounded())))
        let prefillK = stepSeconds(
            w, model: model, shard: shard, tp: tp, stages: stages,
            scenario: .prefill("serve-prefill-admitted", batch: k, seq: s.inputLen), lmRows: k, opts: options)
        let one =
            k == 1
            ? prefillK
            : stepSeconds(
                w, model: model, shard: shard, tp: tp, stages: stages,
                scenario: .prefill("serve-prefill-1", batch: 1, seq: s.inputLen), lmRows: 1, opts: options)
        let tpot = decode + prefillK * admitted / Double(k)
        return (0.5 * tpot + decode + one, tpot)
    }

    /// The prediction and where its time goes: the prefill of the batch and one decode step at the mean context.
    public func explain(_ w: WorkloadSpec, _ s: ServeScenario) throws -> (ServePrediction, [StepExplanation]) {
        let prediction = try predict(w, s)
        guard let model = w.model else { return (prediction, []) }
        let shard = w.config.shard(prediction.tensorParallel)
        let tp = prediction.tensorParallel, stages = prediction.pipelineStages
        let context = s.inputLen + s.outputLen / 2
        // Under continuous batching a request's time to first token pays its own prefill, not the batch's.
        let prefillBatch = batching == .continuous ? 1 : s.batch
        let prefill = stepCost(
            w, model: model, shard: shard, tp: tp, stages: stages,
            scenario: .prefill("serve-prefill", batch: prefillBatch, seq: s.inputLen), lmRows: prefillBatch,
            opts: options)
        let decode = stepCost(
            w, model: model, shard: shard, tp: tp, stages: stages,
            scenario: .decode("serve-decode", batch: s.batch, context: context), lmRows: s.batch, opts: options)
        var p = prediction
        if batching == .continuous, s.batch > 1 {
            p.hazards.insert(
                String(
                    format:
                        "continuous batching: %d requests in flight; each decode step also runs %.2f admitted prefills "
                        + "(TPOT %.3f ms = decode step %.3f ms + their share)",
                    s.batch, Double(s.batch - 1) / Double(s.outputLen), p.tpotSeconds * 1e3, decode.totalSeconds * 1e3),
                at: 0)
        }
        return (
            p,
            [
                prefill.explanation(phase: "prefill", batch: prefillBatch, tokens: s.inputLen),
                decode.explanation(phase: "decode", batch: s.batch, tokens: context),
            ]
        )
    }

    /// p50 and p99 of the prefill time over the input-length distribution; the spread comes only from the lengths.
    func ttftQuantiles(
        _ w: WorkloadSpec, model: ModelShape, shard: TransformerConfig, tp: Int, stages: Int, _ s: ServeScenario,
        opts: AdapterOptions
    ) -> (Double, Double)? {
        guard !s.lengths.isEmpty else { return nil }
        let total = s.lengths.reduce(0) { $0 + $1.weight }
        let mass = s.lengths.map { l -> (latency: Double, p: Double) in
            let length = adapter.paddedLength(l.length, options: opts)
            let t = stepSeconds(
                w, model: model, shard: shard, tp: tp, stages: stages,
                scenario: .prefill("ttft", batch: s.batch, seq: length), lmRows: s.batch, opts: opts)
            return (t, l.weight / total)
        }.sorted { $0.latency < $1.latency }
        return (LengthVariance.quantile(mass, 0.5), LengthVariance.quantile(mass, 0.99))
    }

    /// One forward step of the whole model: every layer's shard, the tensor-parallel all-reduces, the LM head and
    /// the style's fixed step overhead (an XLA program's, an LPU's hops between pipeline stages).
    func stepSeconds(
        _ w: WorkloadSpec, model: ModelShape, shard: TransformerConfig, tp: Int, stages: Int, scenario: Scenario,
        lmRows: Int, opts: AdapterOptions
    ) -> Double {
        stepCost(
            w, model: model, shard: shard, tp: tp, stages: stages, scenario: scenario, lmRows: lmRows, opts: opts
        ).totalSeconds
    }

    /// Where one whole-model step's time goes: per layer (compute-bound units, memory-bound units, communication,
    /// fixed overhead), the LM head and the style's per-step overhead.
    func stepCost(
        _ w: WorkloadSpec, model: ModelShape, shard: TransformerConfig, tp: Int, stages: Int, scenario: Scenario,
        lmRows: Int, opts: AdapterOptions
    ) -> StepCost {
        let plan = adapter.lower(LayerGraph.lower(shard, scenario), options: opts)
        let p = plan.precision
        let activation = Double(scenario.tokens * w.config.hidden) * p.storage.bytes
        // A layer inside the whole-model program: its fixed per-program overhead is paid once per step below.
        var cost = StepCost(plan: plan, layers: model.layers)
        for k in plan.kernels {
            cost.layerOverheadSeconds += k.overheadSeconds
            if k.bound == .compute {
                cost.layerComputeSeconds += k.seconds - k.overheadSeconds
            } else {
                cost.layerMemorySeconds += k.seconds - k.overheadSeconds
            }
        }
        cost.layerCommunicationSeconds = 2 * adapter.allReduceSeconds(bytes: activation, chips: tp)
        // LM head on the last position of each sequence, split over the tensor-parallel chips.
        let head = LayerGraph.lmHead(rows: lmRows, hidden: w.config.hidden, vocab: (model.vocab + tp - 1) / tp)
        let headPlan = adapter.lower(head, options: opts)
        cost.headSeconds = headPlan.seconds - headPlan.overheadSeconds
        cost.stepOverheadSeconds = adapter.stepOverheadSeconds(activationBytes: activation, pipelineStages: stages)
        return cost
    }

    /// Model FLOPs of the scenario (2 per parameter per token plus attention), for MFU.
    func modelFlops(_ w: WorkloadSpec, model: ModelShape, _ s: ServeScenario) -> Double {
        let prefill = LayerGraph.lower(w.config, .prefill("f", batch: s.batch, seq: s.inputLen)).totalCost.flops
        let mid = LayerGraph.lower(w.config, .decode("f", batch: s.batch, context: s.inputLen + s.outputLen / 2))
            .totalCost.flops
        let head = 2 * Double(w.config.hidden * model.vocab * s.batch)
        return Double(model.layers) * (prefill + mid * Double(s.outputLen - 1)) + head * Double(s.outputLen)
    }
}

/// Where one whole-model step's time goes (`validate-models --explain`); `totalSeconds` is what predictions use.
struct StepCost {
    var plan: ExecutionPlan
    var layers: Int
    var layerComputeSeconds = 0.0
    var layerMemorySeconds = 0.0
    var layerCommunicationSeconds = 0.0
    var layerOverheadSeconds = 0.0
    var headSeconds = 0.0
    var stepOverheadSeconds = 0.0

    init(plan: ExecutionPlan, layers: Int) {
        self.plan = plan
        self.layers = layers
    }

    var layerSeconds: Double {
        layerComputeSeconds + layerMemorySeconds + layerCommunicationSeconds + layerOverheadSeconds
    }
    var totalSeconds: Double { layerSeconds * Double(layers) + headSeconds + stepOverheadSeconds }

    func explanation(phase: String, batch: Int, tokens: Int) -> StepExplanation {
        StepExplanation(
            phase: phase, batch: batch, tokens: tokens, layers: layers, layerComputeSeconds: layerComputeSeconds,
            layerMemorySeconds: layerMemorySeconds, layerCommunicationSeconds: layerCommunicationSeconds,
            layerOverheadSeconds: layerOverheadSeconds, headSeconds: headSeconds,
            stepOverheadSeconds: stepOverheadSeconds, totalSeconds: totalSeconds,
            units: plan.kernels.map {
                ExplainedUnit(
                    name: $0.name, kind: $0.kind, bound: $0.bound.rawValue, flops: $0.executedFlops, bytes: $0.bytes,
                    seconds: $0.seconds, overheadSeconds: $0.overheadSeconds, note: $0.note)
            })
    }
}

/// How requests share the chips while a scenario is served.
public enum Batching: String, CaseIterable, Codable, Sendable {
    /// The whole batch arrives together: one prefill of every prompt, then decode steps of the whole batch
    /// (TensorRT-LLM's gptSessionBenchmark, vLLM's latency benchmark, NeMo's inference tables).
    case `static`
    /// Steady-state in-flight batching: `batch` requests in flight, prefills of arriving requests interleaved with
    /// the others' decode steps (TensorRT-LLM in-flight batching, vLLM, JetStream, MLPerf Server).
    case continuous
}
