import Foundation
import Measurement
import PortbenchRender
import PortbenchSchema
import Workload

extension Commands {
    /// `run --instrument callgrind`: ceilings measured natively here, then the same run in a child under callgrind
    /// (a copy of this executable without debug information) that counts each timed repetition, and the child's
    /// document written with the counts through the run's own output file.
    static func runInstrumented(
        _ r: RunRequest, suite: Suite, policy: RepetitionPolicy, note: @escaping Note
    ) throws -> CommandOutput {
        guard CallgrindRegion.isBuiltIn else {
            throw InstrumentError(
                "--instrument callgrind: this portbench was built without valgrind's headers (valgrind/callgrind.h); "
                    + "install valgrind (ci/install-deps.sh) and rebuild")
        }
        let valgrind = try Valgrind.locate()
        let inputs = SpecPaths.files(of: suite) + [r.weights, r.input, r.calibration].compactMap { $0 }
        let runId = UUID().uuidString.lowercased()
        let outFile = try output(r.out ?? defaultResultPath(suite: suite.name, runId: runId), inputs: inputs)!
        if let dump = r.dumpOutputs {
            let options = RunOptions(policy: policy)
            try SuiteRunner(suite: suite, options: options).checkDumpTargets(
                try OutputFolder.check(dump, role: "--dump-outputs"), inputs: inputs)
        }
        let reuse = try r.calibration.map { try CalibrationFile.read(URL(fileURLWithPath: $0)) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("portbench-callgrind-\(runId)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        note("portbench: ceilings measured natively (under valgrind they would time its emulation)")
        let shapes = SuiteRunner(suite: suite, options: RunOptions(policy: policy)).graphs.flatMap(\.graph.gemmShapes)
        let calibration = Calibration.measure(shapes: shapes, repetitions: policy.repetitions, reuse: reuse) {
            note("  calibrating \($0)")
        }
        let calibrationPath = scratch.appendingPathComponent("calibration.json").path
        try CalibrationFile(machine: .current(), calibration: calibration).write(
            OutputFile.check(calibrationPath, role: "calibration", inputs: []))
        let binary = try Valgrind.strippedCopy(of: r.executable ?? Bundle.main.executablePath!, into: scratch.path)
        let childOut = scratch.appendingPathComponent("child.json").path
        note(
            "portbench: \(valgrind.version) --tool=callgrind\(r.cacheSim ? " --cache-sim=yes" : ""), "
                + "\(policy.warmup) warm-up + \(policy.repetitions) counted runs per scenario")
        try Subprocess.run(
            valgrind.path,
            valgrind.arguments(outputs: scratch.path, cacheSim: r.cacheSim) + [binary]
                + r.childArguments(calibration: calibrationPath, out: childOut), quiet: true,
            environment: Valgrind.childEnvironment, removing: Valgrind.removedVariables)
        let dumps = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            .filter { $0.hasPrefix("callgrind.out.") }.sorted()
            .map { try CallgrindDump.read(scratch.appendingPathComponent($0)) }
        var doc = try ResultDocument.read(from: URL(fileURLWithPath: childOut))
            .attachingCallgrind(dumps, valgrindVersion: valgrind.version)
        doc.runId = runId
        try doc.write(to: outFile)
        note("wrote \(outFile.path)")
        automaticUpload([outFile.path], enabled: r.upload, note: note)
        return CommandOutput(
            RunReport(document: doc).render(perOp: false),
            status: status(of: doc, enforceGoals: false, note: note))
    }
}
