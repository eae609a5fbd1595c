import Foundation
import Kernels
import Measurement
import PortbenchSchema

extension Commands {
    /// `--openblas-core`: decides the core before any kernel runs. Returns the environment to re-execute this
    /// portbench with (a candidate passed its self-check in a child), or nil to go on with the core loaded.
    public static func openBLASCore(_ text: String, note: Note) throws -> [String: String]? {
        guard let option = OpenBLASCoreOption(text) else {
            throw UsageError(
                "--openblas-core: expected auto, keep or a core this OpenBLAS has ("
                    + OpenBLASCore.known.map(\.name).joined(separator: ", ") + "), got '\(text)'")
        }
        let cpu = CPUFeatures.current()
        let environment = ProcessInfo.processInfo.environment
        if case .named(let core) = option, !cpu.flags.isEmpty, !cpu.has(core.needs) {
            throw UsageError(
                "--openblas-core \(core.name): this CPU lacks \(core.needs.subtracting(cpu.flags).sorted().joined(separator: ", ")), "
                    + "which its kernels need")
        }
        let corename = OpenBLASInfo.current().corename
        let choice = OpenBLASCoreChoice.decide(
            option: option, environment: environment, corename: corename, cpu: cpu)
        guard case .verify(let candidates) = choice.action else {
            if let reason = choice.reason { note((choice.fallback ? "warning: " : "portbench: ") + reason) }
            return nil
        }
        for core in candidates {
            switch selfCheck(core) {
            case .success(let summary):
                note(
                    "portbench: OpenBLAS core \(core.name): \(choice.reason ?? ""); \(summary); "
                        + "re-running with OPENBLAS_CORETYPE=\(core.name)")
                return OpenBLASCoreChoice.environment(for: core, source: choice.source)
            case .failure(let why):
                if choice.source == .option {
                    throw OpenBLASCoreError("--openblas-core \(core.name): \(why); the core is not used")
                }
                note("portbench: core \(core.name) is not used: \(why)")
            }
        }
        note("warning: \(choice.reason ?? ""); no better core passed its self-check, so \(corename) is kept")
        return nil
    }

    /// Runs `portbench openblas-check` with `OPENBLAS_CORETYPE=core` (a core the CPU cannot run kills only the
    /// child); its one line on success, or why it failed.
    static func selfCheck(_ core: OpenBLASCore, timeout: TimeInterval = 120) -> Result<String, OpenBLASCoreError> {
        let p = Process()
        let own = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : nil
        guard let path = own ?? Bundle.main.executablePath else {
            return .failure(OpenBLASCoreError("cannot find this executable to run the self-check"))
        }
        p.executableURL = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? path)
        p.arguments = ["openblas-check", "--expect", core.name]
        var env = ProcessInfo.processInfo.environment
        env[OpenBLASCoreChoice.markerVariable] = nil
        env["OPENBLAS_CORETYPE"] = core.name
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        do { try p.run() } catch { return .failure(OpenBLASCoreError("the self-check did not start: \(error)")) }
        let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        p.waitUntilExit()
        watchdog.cancel()
        if p.terminationReason == .uncaughtSignal {
            return .failure(OpenBLASCoreError("its sgemm self-check died on signal \(p.terminationStatus)"))
        }
        guard p.terminationStatus == 0 else {
            return .failure(OpenBLASCoreError(text.isEmpty ? "its self-check exited \(p.terminationStatus)" : text))
        }
        return .success(text)
    }

    /// `portbench openblas-check`: the products of `GEMM.selfCheck` on the core loaded; fails (status 1) when the
    /// core loaded is not `expect` or a product is off its error bound.
    public static func openBLASCheck(expect: String?) -> CommandOutput {
        let corename = OpenBLASInfo.current().corename
        if let expect, OpenBLASCore.named(expect) != OpenBLASCore.named(corename) {
            return CommandOutput("OpenBLAS loaded core \(corename), not \(expect)", status: .failure)
        }
        let r = GEMM.selfCheck()
        let worst = String(format: "%.3g", r.worstRatio)
        return r.passed
            ? CommandOutput(
                "\(corename) passed its sgemm self-check (\(r.cases) products, worst error \(worst) of its bound)")
            : CommandOutput(
                "\(corename) failed its sgemm self-check: \(r.worst) (error \(worst) × its bound)", status: .failure)
    }
}
