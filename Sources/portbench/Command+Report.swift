import ArgumentParser
import PortbenchCommands
import PortbenchSchema

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Per-commit report of a run: verdicts against a baseline, trends and change points; md, html or json.",
        discussion:
            "Exits 0 when the report is written, whatever it says; 3 with --fail-on-regression when a case regressed.")

    @Argument(help: "The run's result document.") var results: String
    @Option(
        name: .customLong("baseline"),
        help: "A baseline name, a result file, or 'auto' (the newest baseline for this machine); repeatable.")
    var baselines: [String] = []
    @Option(name: .customLong("baselines"), help: "Baseline folder (default: $PORTBENCH_BASELINES or ./Baselines).")
    var folder: String?
    @Option(help: "Noise profile: auto, none, or a file.") var noise = "auto"
    @Option(name: .customLong("min-effect"), help: "Minimum relative effect (default: the suite's, else 0.03).")
    var minEffect: Double?
    @Option(help: "Correction for the comparison's many measured decisions: holm (any false verdict at alpha) or none.")
    var correction: MultipleComparisons = .holm
    @Flag(name: .customLong("allow-different-machine"), help: "Compare across machine fingerprints (reported at top).")
    var allowDifferentMachine = false
    @Option(help: "A folder (or files) of earlier results for trends and change points; repeatable.") var history:
        [String] = []
    @Option(help: "Output format: md, html or json.") var format: ReportFormat = .md
    @Option(help: "Write the report here.") var out: String?
    @Flag(name: .customLong("fail-on-regression"), help: "Exit 3 when a case regressed.") var failOnRegression = false
    @Flag(name: .customLong("fail-on-inconclusive"), help: "Exit 4 when nothing regressed but a case is inconclusive.")
    var failOnInconclusive = false

    func run() throws {
        var r = ReportRequest()
        r.result = results
        r.compare.baselines = baselines
        r.compare.baselineFolder = folder
        r.compare.noise = noise
        r.compare.minimumEffect = minEffect
        r.compare.correction = correction
        r.compare.allowDifferentMachine = allowDifferentMachine
        r.compare.failOnInconclusive = failOnInconclusive
        r.history = history
        r.format = format
        r.out = out
        r.failOnRegression = failOnRegression
        try execute { try Commands.report(r, note: note) }
    }
}
