import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema
import Regression

/// `portbench noise`: measure between-run noise by running a suite several times in fresh processes, or from
/// result documents already made the same way.
public struct NoiseRequest: Sendable {
    /// Result documents of separate runs (instead of running).
    public var from: [String] = []
    /// The suite (or workloads) to run, and how many separate runs.
    public var names: [String] = []
    public var runs = 10
    /// Extra arguments passed to every `portbench run` (e.g. `--scenario`, `--repetitions`, `--backend`).
    public var runArguments: [String] = []
    /// The portbench executable to run (the CLI passes its own path).
    public var executable: String = CommandLine.arguments[0]
    public var out: String?
    /// Where the runs' documents go (a scratch folder when nil).
    public var keep: String?
    /// Also write the profile where `compare --noise auto` looks for it: `<baselines>/noise/<machine kind>.json`.
    public var save = false
    public var baselineFolder: String?

    public init() {}
}

extension Commands {
    /// Writes a noise profile: each case's between-run deviation of the log median, beyond its within-run error.
    public static func noise(_ r: NoiseRequest, note: Note) throws -> CommandOutput {
        guard (NoiseEstimator.minimumRuns...1000).contains(r.from.isEmpty ? r.runs : r.from.count) else {
            throw UsageError("--runs: expected \(NoiseEstimator.minimumRuns)...1000 separate runs, got \(r.runs)")
        }
        let outFile = try output(r.out, inputs: r.from)
        let saveFile = try r.save ? output(try savePath(r), role: "--save", inputs: r.from) : nil
        let files = r.from.isEmpty ? try runSeparately(r, note: note) : r.from
        let docs = try files.map { try ResultDocument.read(from: URL(fileURLWithPath: $0)) }
        let profile = try NoiseEstimator.profile(
            docs, labels: files, created: ISO8601DateFormatter().string(from: Date()), tool: ResultDocument.toolVersion)
        for file in [outFile, saveFile].compactMap({ $0 }) {
            try profile.write(to: file)
            note("wrote \(file.path)")
        }
        return CommandOutput(noiseTable(profile))
    }

    /// The profile's place in the baseline folder, for the machine the runs are (or were) made on.
    static func savePath(_ r: NoiseRequest) throws -> String {
        let machine =
            try r.from.first.map { try ResultDocument.read(from: URL(fileURLWithPath: $0)).machine }
            ?? MachineFingerprint.current()
        return BaselineStore(folder: r.baselineFolder).noiseProfileURL(for: MachineKind(machine)).path
    }

    /// Runs the suite `runs` times, each in a fresh process, and returns the documents' paths.
    static func runSeparately(_ r: NoiseRequest, note: Note) throws -> [String] {
        let folder =
            r.keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("portbench-noise-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try (1...r.runs).map { i in
            let path = "\(folder)/run-\(i).json"
            note("noise: run \(i) of \(r.runs)")
            try Subprocess.run(
                r.executable, ["run"] + r.names + r.runArguments + ["--out", path], quiet: true,
                removing: ["PORTBENCH_ENDPOINT"])
            return path
        }
    }

    static func noiseTable(_ p: NoiseProfile) -> String {
        var t = TextTable(header: [
            "workload", "scenario", "backend", "metric", "runs", "between-run sd", "within-run se",
        ])
        for c in p.cases {
            t.rows.append([
                c.workload, c.scenario, c.backend.rawValue, c.metric, "\(c.runs)", pct(c.betweenRunLogSd),
                pct(c.withinRunLogSe),
            ])
        }
        return "noise on \(p.machineKind.cpuModel) (\(p.machineKind.cores) cores), OpenBLAS \(p.openblasCore), "
            + "\(p.threads) threads, \(p.runIds.count) runs; pooled between-run sd \(pct(p.pooledBetweenRunLogSd))\n"
            + t.render()
    }

    private static func pct(_ logSd: Double) -> String { String(format: "%.2f%%", expm1(logSd) * 100) }
}
