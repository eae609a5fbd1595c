import Foundation
import Measurement
import PortbenchSchema
import Workload

extension RunRequest {
    /// What `--instrument` cannot be combined with, checked before anything is read.
    func validateInstrument() throws {
        guard let instrument else {
            if cacheSim { throw UsageError("--cache-sim needs --instrument callgrind") }
            if instrumentChild { throw UsageError("--instrument-child needs --instrument callgrind") }
            return
        }
        let option = "--instrument \(instrument.rawValue)"
        if let backend, backend.split(separator: ",").contains(where: { $0 != "cpu" }) {
            throw UsageError(
                "--backend \(backend): \(option) counts the CPU reference only; use --backend cpu or leave it out")
        }
        if enforceGoals {
            throw UsageError("--enforce-goals: \(option) counts instructions; speed goals need native times")
        }
        if perOp {
            throw UsageError("--per-op: \(option) counts whole repetitions; per-op times under valgrind mean nothing")
        }
        let adaptive = [
            ("--target-width", targetWidth != nil), ("--budget", budget != nil),
            ("--min-repetitions", minRepetitions != nil), ("--max-repetitions", maxRepetitions != nil),
        ].filter(\.1).map(\.0)
        if let first = adaptive.first {
            throw UsageError("\(first): \(option) counts a fixed number of repetitions; use --repetitions")
        }
        if instrumentChild && !CallgrindRegion.isRunningOnValgrind {
            throw UsageError("--instrument-child is internal to \(option) and runs only under valgrind")
        }
    }

    /// Refuses a suite whose own keys make the policy adaptive (the command line's were refused already).
    func checkInstrumentPolicy(_ policy: RepetitionPolicy, suite: Suite) throws {
        guard policy.isAdaptive, let instrument else { return }
        throw UsageError(
            "\(suite.file ?? suite.name): target_relative_width, budget_seconds, min_repetitions or max_repetitions "
                + "make the policy adaptive; --instrument \(instrument.rawValue) counts a fixed number of "
                + "repetitions (run that suite without the instrument, or name its workloads)")
    }

    /// The same run for the child valgrind starts: CPU reference only, the parent's ceilings, a scratch output.
    func childArguments(calibration: String, out: String) -> [String] {
        var a = ["run"] + names
        if let w = paths.workloads { a += ["--workloads", w] }
        if let d = paths.devices { a += ["--devices", d] }
        a += scenarios.flatMap { ["--scenario", $0] }
        if let repetitions { a += ["--repetitions", "\(repetitions)"] }
        if let warmup { a += ["--warmup", "\(warmup)"] }
        a += ["--seed", "\(seed)"]
        if let weights { a += ["--weights", weights, "--layer-index", "\(layerIndex)"] }
        if !weightPrefix.isEmpty { a += ["--weight-prefix", weightPrefix] }
        if let input { a += ["--input", input] }
        if let dumpOutputs { a += ["--dump-outputs", dumpOutputs] }
        if allowNonFinite { a.append("--allow-nonfinite") }
        if let maxMemoryGB { a += ["--max-memory", "\(maxMemoryGB)"] }
        a += ["--backend", "cpu", "--calibration", calibration, "--out", out]
        a += ["--instrument", (instrument ?? .callgrind).rawValue, "--instrument-child"]
        return a
    }
}
