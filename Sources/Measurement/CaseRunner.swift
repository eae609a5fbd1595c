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
        let ceiling = Ceiling(graph: graph, calibration: calibration)
        let s = graph.scenario
        let metrics: [Metric: Double] = [
            .medianSeconds: stats.median,
            .tokensPerSecond: Double(s.tokens) / stats.median,
            .gflops: cost.flops / stats.median / 1e9,
            .weightReadGBps: cost.weightBytes / stats.median / 1e9,
            .ceilingFraction: ceiling.fraction(measuredSeconds: stats.median),
            .cv: stats.cv,
        ]
        let physical = ceiling.physicalSeconds.map { [Metric.physicalFraction: $0 / stats.median] } ?? [:]
        let blas = OpenBLASInfo.current()
        let causes = PhysicalGapCause.diagnose(
            ceiling: ceiling, medianSeconds: stats.median, corename: blas.corename, threads: blas.threads,
            cores: Parallel.cores, bestISA: CPUFeatures.current().bestISA)
        let flags =
            (ceiling.fraction(measuredSeconds: stats.median) > 1 ? [CaseFlag.aboveCeiling] : [])
            + (sampling?.isNoisy == true ? [.noisy] : []) + (causes != nil ? [.belowPhysical] : [])
        return CaseResult(
            workload: workload, scenario: s.name, backend: backend, provenance: .measured,
            phase: s.phase, batch: s.batch, seq: s.seq, context: s.context, tokens: s.tokens,
            flops: cost.flops, weightBytes: cost.weightBytes, bytes: cost.bytes, weights: weights,
            samplesNs: samplesNs, stats: stats,
            metrics: Dictionary(
                uniqueKeysWithValues: metrics.merging(physical) { a, _ in a }.map { ($0.key.rawValue, $0.value) }),
            ceiling: ceiling, ops: ops, backendDetails: details, flags: flags.isEmpty ? nil : flags,
            warmupCount: sampling?.warmupCount, stopReason: sampling?.stopReason, physicalGapCauses: causes)
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
