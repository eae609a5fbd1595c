import ArgumentParser
import PortbenchCommands
import PortbenchSchema

extension ReportFormat: ExpressibleByArgument {}
extension MultipleComparisons: ExpressibleByArgument {}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare result documents with a baseline: a verdict per case and metric, exit 3 on a regression.",
        discussion: """
            One run per side is judged with the committed noise profile of this machine kind (Baselines/noise/), \
            several runs per side use each run's median as a unit, and --interleaved pairs A/B rounds. Exit codes: \
            0 no regression; 3 at least one regression; 4 with --fail-on-inconclusive, no regression but some case \
            inconclusive; 2 usage or input error; 1 failure.
            """)

    @Option(
        name: .customLong("baseline"),
        help: "A baseline name, a result file, or 'auto' (the newest baseline for this machine); repeatable.")
    var baselines: [String]
    @Argument(help: "Result documents of the candidate (one per run, or per round with --interleaved).") var results:
        [String]
    @Option(name: .customLong("baselines"), help: "Baseline folder (default: $PORTBENCH_BASELINES or ./Baselines).")
    var folder: String?
    @Option(help: "Noise profile: auto (Baselines/noise/<machine kind>.json), none, or a file.") var noise = "auto"
    @Option(name: .customLong("min-effect"), help: "Minimum relative effect (default: the suite's, else 0.03).")
    var minEffect: Double?
    @Option(help: "Two-sided significance level.") var alpha = 0.01
    @Option(help: "Correction for the comparison's many measured decisions: holm (any false verdict at alpha) or none.")
    var correction: MultipleComparisons = .holm
    @Flag(help: "The documents are interleaved A/B rounds, paired in order.") var interleaved = false
    @Flag(name: .customLong("allow-different-machine"), help: "Compare across machine fingerprints (reported at top).")
    var allowDifferentMachine = false
    @Flag(name: .customLong("fail-on-inconclusive"), help: "Exit 4 when nothing regressed but a case is inconclusive.")
    var failOnInconclusive = false
    @Option(help: "Output format: table, md, html or json.") var format: ReportFormat = .table
    @Option(help: "Write the comparison here instead of standard output.") var out: String?

    func run() throws {
        var r = CompareRequest()
        r.baselines = baselines
        r.results = results
        r.baselineFolder = folder
        r.noise = noise
        r.minimumEffect = minEffect
        r.alpha = alpha
        r.correction = correction
        r.interleaved = interleaved
        r.allowDifferentMachine = allowDifferentMachine
        r.failOnInconclusive = failOnInconclusive
        r.format = format
        r.out = out
        try execute { try Commands.compare(r, note: note) }
    }
}
