import Foundation
import PortbenchSchema

/// A small synthetic night: four cases, a comparison with every verdict, two series with change points.
enum RenderFixture {
    static let created = "2025-06-01T02:00:00Z"
    static let commit = "3f3a0ee1c0ffee00d15ea5e0123456789abcdef0"
    static let baselineCommit = "091a7fd2badc0de5eed1234567890abcdef01234"

    static func machine(commit: String = commit, coreType: String = "Haswell") -> MachineFingerprint {
        MachineFingerprint(
            cpuModel: "AMD EPYC 7B13 64-Core Processor", cores: 16, memoryBytes: 64 << 30, os: "Debian GNU/Linux 12",
            kernel: "6.1.0-21-amd64", hostname: "ci-runner-3", swiftVersion: "6.3",
            openblas: OpenBLASInfo(
                config: "OpenBLAS 0.3.21 DYNAMIC_ARCH", version: "0.3.21", corename: coreType, threads: 8),
            openblasEnvironment: ["OPENBLAS_CORETYPE": coreType], gitCommit: commit, gitDirty: false,
            comparabilityKey: "9c41d2e07b5a1f30")
    }

    /// Relative offsets of the samples (no libm, so every platform computes the same numbers).
    static let jitter = [
        0, 0.012, -0.008, 0.019, -0.015, 0.004, -0.002, 0.009, -0.011, 0.016, -0.004, 0.001, -0.019, 0.007, 0.013,
    ]

    /// Samples spread ±2% around a median, deterministic.
    static func samples(_ median: Double) -> [Double] { jitter.map { median * (1 + $0) } }

    static func caseResult(_ workload: String, _ scenario: String, _ backend: Backend, median: Double, tokens: Int)
        -> CaseResult
    {
        let s = samples(median)
        let stats = SampleStatistics(s)
        return CaseResult(
            workload: workload, scenario: scenario, backend: backend, provenance: .measured, phase: .decode, batch: 1,
            seq: tokens, context: 512, tokens: tokens, flops: 2.5e10, weightBytes: 4e8, bytes: 5e8, weights: "seeded 7",
            samplesNs: s.map { UInt64($0 * 1e9) }, stats: stats,
            metrics: ["median_s": stats.median, "tokens_per_s": Double(tokens) / stats.median],
            ceiling: Ceiling(bound: .memory, computeSeconds: median * 0.3, memorySeconds: median * 0.6, gemmFlops: 2e10)
        )
    }

    static func result(workload: String = "llama3-8b") -> ResultDocument {
        ResultDocument(
            runId: "run-0601", created: created, tool: "portbench test", suite: "nightly",
            policy: RepetitionPolicy(warmup: 2, repetitions: 15), seed: 7, machine: machine(),
            metrics: Metric.allCases.map(\.descriptor),
            cases: [
                caseResult(workload, "decode-b1", .cpuReference, median: 0.0021, tokens: 1),
                caseResult(workload, "prefill-512", .cpuReference, median: 0.180, tokens: 512),
                caseResult("mixtral-8x7b", "decode-b8", .cpuReference, median: 0.0094, tokens: 8),
                caseResult("mixtral-8x7b", "prefill-128", .xla, median: 0.045, tokens: 128),
            ],
            goals: [], migrations: [migration(workload: workload)])
    }

    static func side(_ device: String, seconds: Double) -> MigrationSide {
        MigrationSide(
            device: device, style: .xla, precision: .bf16,
            layer: LayerPrediction(
                scenario: "decode-b1", seconds: seconds, tokensPerSecond: 1 / seconds, modelFlopsUtilization: 0.4,
                hbmBytes: 4e8, launches: 12, paddingWasteFlops: 0, bytesSavedByFusion: 0, joulesPerToken: 0.1,
                boundShare: 0.2, hazards: []),
            variance: LatencyDistribution(
                p50: seconds, p90: seconds, p99: seconds, mean: seconds, cv: 0, p99WithCompiles: seconds,
                throughputP50: 1 / seconds, distinctShapes: 1, recompilationsPer1000: 0, compileSecondsPer1000: 0),
            chipsNeeded: 1, paddingWasteFraction: 0)
    }

    static func migration(workload: String) -> MigrationReport {
        let from = side("h100-sxm", seconds: 0.00021), to = side("tpu-v5e", seconds: 0.00034)
        return MigrationReport(
            workload: workload, from: "h100-sxm", to: "tpu-v5e", requestedPrecision: .bf16,
            rows: [
                MigrationRow(
                    scenario: "decode-b1", from: from, to: to, throughputRatio: 0.62, latencyRatio: 1.62, hazards: [])
            ])
    }
}
