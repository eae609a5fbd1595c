import ArgumentParser
import Foundation
import PortbenchCommands
import PortbenchSchema

struct AB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ab",
        abstract:
            "Interleaved A/B: build two commits (or take two binaries), run them alternately, compare the rounds.",
        discussion: """
            Each revision is built in release mode into .build-ab-<commit>/ (ignored by git, reused). Rounds run \
            A B, B A, A B, … on this machine; each round's log ratio is one paired unit, so drift shared by a round \
            cancels. Both sides read the spec folders of the current checkout. Exit codes as for `compare`.
            """)

    @OptionGroup var specs: SpecOptions
    @Option(help: "Side A (the baseline): a portbench executable or a git revision.") var a: String
    @Option(help: "Side B (the candidate): a portbench executable or a git revision.") var b: String
    @Argument(help: "A suite or workloads (default: the default suite).") var names: [String] = []
    @Option(help: "Interleaved rounds, 3–1000.") var rounds = 10
    @Option(help: "Scenarios to run (repeatable).") var scenario: [String] = []
    @Option(help: "Repetitions per case in each run.") var repetitions: Int?
    @Option(help: "Backends: cpu, xla, or cpu,xla.") var backend: String?
    @Option(help: "Keep the rounds' result documents here (default: results/ab-<time>/).") var keep: String?
    @Option(name: .customLong("min-effect"), help: "Minimum relative effect (default: the suite's, else 0.03).")
    var minEffect: Double?
    @Option(help: "Correction for the comparison's many measured decisions: holm (any false verdict at alpha) or none.")
    var correction: MultipleComparisons = .holm
    @Flag(name: .customLong("fail-on-inconclusive"), help: "Exit 4 when nothing regressed but a case is inconclusive.")
    var failOnInconclusive = false
    @Option(help: "Output format: table, md, html or json.") var format: ReportFormat = .table
    @Option(help: "Write the comparison here.") var out: String?
    @Flag(
        name: .customLong("no-upload"),
        help: "Do not upload the rounds' documents, even when PORTBENCH_ENDPOINT is set.")
    var noUpload = false

    func run() throws {
        var r = ABRequest()
        r.a = a
        r.b = b
        r.names = names
        r.rounds = rounds
        r.keep = keep
        var args = specs.arguments + scenario.flatMap { ["--scenario", $0] }
        if let repetitions { args += ["--repetitions", "\(repetitions)"] }
        if let backend { args += ["--backend", backend] }
        r.runArguments = args
        r.compare.minimumEffect = minEffect
        r.compare.correction = correction
        r.compare.failOnInconclusive = failOnInconclusive
        r.compare.format = format
        r.compare.out = out
        r.upload = !noUpload
        try execute { try Commands.ab(r, note: note) }
    }
}
