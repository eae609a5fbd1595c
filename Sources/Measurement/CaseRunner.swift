import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

/// Times one prepared executor: warm-up, repetitions of the whole layer, and optionally a per-op pass.
public struct CaseRunner {
    public var policy: RepetitionPolicy
    public var perOp: Bool
    /// Under `run --instrument callgrind`: each timed repetition is counted inside this region.
    public var region: CallgrindRegion?

    public init(policy: RepetitionPolicy, perOp: Bool, region: CallgrindRegion? = nil) {
        self.policy = policy
        self.perOp = perOp
        self.region = region
    }

    public func run(
        _ executor: LayerExecutor, workload: String, calibration: Calibration,
        progress: ((Int, UInt64) -> Void)? = nil
    ) -> CaseResult {
        let scenario = executor.graph.scenario.name
        let sampling =
            region.map { region in
                policy.sampleCounted(
                    region: region,
                    label: { CallgrindLabel(workload: workload, scenario: scenario, repetition: $0).text },
                    { executor.run() }, progress: progress)
            } ?? policy.measure({ executor.run() }, progress: progress)
        return CaseResult.make(
            graph: executor.graph, workload: workload, backend: .cpuReference, samplesNs: sampling.samplesNs,
            weights: executor.weights.origin, calibration: calibration,
            ops: perOp ? opTimings(executor) : nil, details: nil, sampling: sampling)
    }

    /// Times each op separately over the policy's repetitions (a separate pass, so it never skews whole-layer samples).
    func opTimings(_ executor: LayerExecutor) -> [OpTiming] {
        let ops = executor.graph.ops
        var times = Array(repeating: [Double](), count: ops.count)
        for rep in 0..<(policy.warmup + policy.repetitions) {
            for i in ops.indices {
                let t = MonotonicClock.time { executor.execute(op: i) }
                if rep >= policy.warmup { times[i].append(Double(t) * 1e-9) }
            }
        }
        return ops.indices.map { i in
            let c = ops[i].cost
            return OpTiming(
                name: ops[i].name, kind: ops[i].kind.name, flops: c.flops, bytes: c.bytes,
                medianSeconds: SampleStatistics(times[i]).median)
        }
    }
}

extension CaseResult {
    /// A measured case from raw samples: statistics, metrics and the ceiling for its graph.
    public static func make(
        graph: LayerGraph, workload: String, backend: Backend, samplesNs: [UInt64], weights: String,
        calibration: Calibration, ops: [OpTiming]?, details: BackendDetails?, sampling: SamplingOutcome? = nil
    ) -> CaseResult {
        let stats = SampleStatistics(samplesNs.map { Double($0) * 1e-9 })
        let cost = graph.totalCost
        let s = graph.scenario
        let ceiling = Ceiling(graph: graph, calibration: calibration)
        let metrics: [Metric: Double] = [
            .medianSeconds: stats.median,
            .tokensPerSecond: Double(s.tokens) / stats.median,
            .gflops: cost.flops / stats.median / 1e9,
            .weightReadGBps: cost.weightBytes / stats.median / 1e9,
            .cv: stats.cv,
        ]
        var result = CaseResult(
            workload: workload, scenario: s.name, backend: backend, provenance: .measured,
            phase: s.phase, batch: s.batch, seq: s.seq, context: s.context, tokens: s.tokens,
            flops: cost.flops, weightBytes: cost.weightBytes, bytes: cost.bytes, weights: weights,
            samplesNs: samplesNs, stats: stats,
            metrics: Dictionary(uniqueKeysWithValues: metrics.map { ($0.key.rawValue, $0.value) }),
            ceiling: ceiling, ops: ops, backendDetails: details,
            flags: sampling?.isNoisy == true ? [.noisy] : nil, warmupCount: sampling?.warmupCount,
            stopReason: sampling?.stopReason)
        result.judge(against: ceiling)
        return result
    }

    /// Sets everything that depends on the ceiling: the ceiling, its fractions, the `above-ceiling` and
    /// `below-physical` flags and their causes (other flags are kept).
    public mutating func judge(against ceiling: Ceiling) {
        self.ceiling = ceiling
        metrics[Metric.ceilingFraction.rawValue] = ceiling.fraction(measuredSeconds: stats.median)
        metrics[Metric.physicalFraction.rawValue] = ceiling.physicalSeconds.map { $0 / stats.median }
        let blas = OpenBLASInfo.current()
        physicalGapCauses = PhysicalGapCause.diagnose(
            ceiling: ceiling, medianSeconds: stats.median, corename: blas.corename, threads: blas.threads,
            cores: Parallel.cores, bestISA: CPUFeatures.current().bestISA)
        var set = Set((flags ?? []).filter { $0 != .aboveCeiling && $0 != .belowPhysical })
        if ceiling.fraction(measuredSeconds: stats.median) > 1 { set.insert(.aboveCeiling) }
        if physicalGapCauses != nil { set.insert(.belowPhysical) }
        flags = set.isEmpty ? nil : CaseFlag.allCases.filter(set.contains)
    }
}

extension OpKind {
    /// The op kind's name as DESIGN.md spells it.
    public var name: String {
        switch self {
        case .matmul: return "matmul"
        case .batchedMatmul: return "batchedMatmul"
        case .softmax: return "softmax"
        case .rmsNorm: return "rmsNorm"
        case .layerNorm: return "layerNorm"
        case .rope: return "rope"
        case .activation: return "activation"
        case .add: return "add"
        case .router: return "router"
        case .moeExperts: return "moeExperts"
        case .kvAppend: return "kvAppend"
        }
    }
}
