import ArgumentParser
import XLABackend

/// `portbench xla-worker`: the isolated child that runs one XLA case (internal).
struct XLAWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xla-worker", abstract: "Internal: run one XLA case from a JSON request on stdin.",
        shouldDisplay: false)
    func run() throws {
        let code = XLAWorker.main()
        if code != 0 { throw ExitCode(code) }
    }
}
