import Foundation
import PortbenchSchema

extension ResultDocument {
    /// The child's document with every CPU-reference case given its counted repetitions (one dump per repetition,
    /// matched by label) and the note that its times were taken under valgrind. Throws when a repetition has no dump.
    public func attachingCallgrind(_ dumps: [CallgrindDump], valgrindVersion: String) throws -> ResultDocument {
        var byLabel: [CallgrindLabel: CallgrindDump] = [:]
        for d in dumps { if let label = d.label { byLabel[label] = d } }
        let codePath =
            "OpenBLAS \(machine.openblas.corename) kernels under valgrind (valgrind hides AVX-512), "
            + "\(machine.openblas.threads) OpenBLAS threads"
        var doc = self
        for i in doc.cases.indices where doc.cases[i].backend == .cpuReference {
            let c = doc.cases[i]
            let reps = try (1...c.samplesNs.count).map { rep -> CallgrindDump in
                let label = CallgrindLabel(workload: c.workload, scenario: c.scenario, repetition: rep)
                guard let d = byLabel[label], d.instructions != nil else {
                    throw CallgrindDumpError(file: label.text, message: "callgrind wrote no dump with instructions")
                }
                return d
            }
            let cycles = reps.map(\.estimatedCycles)
            doc.cases[i].instrument = InstrumentCounts(
                instrument: .callgrind, instructions: reps.map { $0.instructions! },
                estimatedCycles: cycles.allSatisfy { $0 != nil } ? cycles.map { $0! } : nil,
                valgrindVersion: valgrindVersion, codePath: codePath)
        }
        doc.goals = []
        doc.instrumentNote =
            "callgrind (\(valgrindVersion)) counted each timed repetition only (not warm-up, calibration or setup), "
            + "every thread, with deterministic Swift hashing, running \(codePath). Times, tokens/s and ceiling fractions here were taken under "
            + "valgrind: they describe its emulation, not this machine, and must not be compared with native runs. "
            + "Ceilings were measured natively, outside valgrind; speed goals are not evaluated."
        return doc
    }
}
