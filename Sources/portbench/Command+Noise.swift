import ArgumentParser
import Foundation
import PortbenchCommands
import PortbenchSchema

struct Noise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Measure between-run noise: run a suite N times in fresh processes (or read runs) and write a profile.",
        discussion:
            "Commit the profile as Baselines/noise/<machine kind>.json; `compare` then uses it for one run per side.")

    @OptionGroup var specs: SpecOptions
    @Argument(help: "A suite or workloads to run (ignored with --from).") var names: [String] = []
    @Option(help: "Separate runs to make.") var runs = 10
    @Option(help: "Use these result documents instead of running (repeatable).") var from: [String] = []
    @Option(help: "Scenarios to run (repeatable).") var scenario: [String] = []
    @Option(help: "Repetitions per case in each run.") var repetitions: Int?
    @Option(help: "Backends: cpu, xla, or cpu,xla.") var backend: String?
    @Option(help: "Count each run with an instrument (callgrind): the profile then holds the counts' noise.")
    var instrument: Instrument?
    @Flag(name: .customLong("cache-sim"), help: "With --instrument callgrind: simulate caches (estimated cycles).")
    var cacheSim = false
    @Option(help: "Keep the runs' result documents in this folder.") var keep: String?
    @Option(help: "Write the noise profile here.") var out: String?
    @Flag(help: "Also write it where `compare --noise auto` finds it: <baselines>/noise/<machine kind>.json.")
    var save = false
    @Option(name: .customLong("baselines"), help: "Baseline folder (default: $PORTBENCH_BASELINES or ./Baselines).")
    var folder: String?

    func run() throws {
        var r = NoiseRequest()
        r.from = from
        r.names = names
        r.runs = runs
        r.keep = keep
        r.out = out
        r.save = save
        r.baselineFolder = folder
        r.executable = ProcessInfo.processInfo.arguments[0]
        var args = specs.arguments + scenario.flatMap { ["--scenario", $0] }
        if let repetitions { args += ["--repetitions", "\(repetitions)"] }
        if let backend { args += ["--backend", backend] }
        if let instrument { args += ["--instrument", instrument.rawValue] }
        if cacheSim { args.append("--cache-sim") }
        r.runArguments = args
        try execute { try Commands.noise(r, note: note) }
    }
}
