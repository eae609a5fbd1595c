import Foundation
import PortbenchSchema

/// Small synthetic result documents for the regression tests: one machine, cases with given samples.
public enum SyntheticResults {
    public static func machine(cpu: String = "Test CPU", threads: Int = 2, env: [String: String] = [:])
        -> MachineFingerprint
    {
        var m = MachineFingerprint(
            cpuModel: cpu, cores: 2, memoryBytes: 24 << 30, os: "Debian 12", kernel: "6.1", hostname: "h",
            swiftVersion: "6.3.1",
            openblas: OpenBLASInfo(
                config: "OpenBLAS 0.3.21", version: "0.3.21",
                corename: "Haswell", threads: threads),
            openblasEnvironment: env, gitCommit: "c0ffee", gitDirty: false, comparabilityKey: "")
        m.comparabilityKey = m.computeKey()
        return m
    }

    public static func result(
        _ cases: [(String, [Double])], machine: MachineFingerprint = machine(), run: String = UUID().uuidString,
        created: String = "2026-12-01T00:00:00Z", commit: String = "c0ffee", flops: Double = 1e9
    ) -> ResultDocument {
        var m = machine
        m.gitCommit = commit
        let results = cases.map { name, seconds in
            CaseResult(
                workload: name, scenario: "prefill-128", backend: .cpuReference, provenance: .measured,
                phase: .prefill, batch: 1, seq: 128, context: 128, tokens: 128, flops: flops, weightBytes: 1e6,
                bytes: 2e6, weights: "seeded", samplesNs: seconds.map { UInt64($0 * 1e9) },
                stats: SampleStatistics(seconds), metrics: ["median_s": SampleStatistics(seconds).median],
                ceiling: Ceiling(bound: .compute, computeSeconds: 0.01, memorySeconds: 0.001, gemmFlops: flops))
        }
        return ResultDocument(
            runId: run, created: created, tool: "test", suite: "nightly", policy: RepetitionPolicy(), seed: 42,
            machine: m, metrics: [], cases: results, goals: [])
    }

    /// The same document as counted by callgrind: each case's per-repetition instructions (and estimated cycles).
    public static func counted(
        _ doc: ResultDocument, instructions: [[Double]], cycles: [[Double]]? = nil
    ) -> ResultDocument {
        var d = doc
        for i in d.cases.indices {
            d.cases[i].instrument = InstrumentCounts(
                instrument: .callgrind, instructions: instructions[i], estimatedCycles: cycles?[i],
                valgrindVersion: "valgrind-3.19.0", codePath: "OpenBLAS Haswell kernels under valgrind")
        }
        return d
    }

    /// `n` seconds around `center` with a little deterministic spread.
    public static func samples(_ center: Double, n: Int = 21, spread: Double = 0.01, seed: UInt64 = 1) -> [Double] {
        var g = SplitMix64(seed: seed)
        return (0..<n).map { _ in center * exp(spread * g.normalPair().0) }
    }
}

extension ResultDocument {
    /// Writes the document as JSON at `url` (tests only; the product writes through `OutputFile`).
    public func save(_ url: URL) throws { try JSONCoding.encoder().encode(self).write(to: url) }
}
