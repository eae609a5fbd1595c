import ArgumentParser
import PortbenchCommands
import PortbenchSchema

extension Instrument: ExpressibleByArgument {}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time workloads on the CPU reference (OpenBLAS, fp32) and XLA, and write a result document.",
        discussion: "With no names, runs Workloads/suites/default.yaml. Names may be a suite, workloads, or file paths."
    )

    @OptionGroup var specs: SpecOptions
    @OptionGroup var blas: OpenBLASCoreOptions
    @Argument(help: "A suite, or one or more workloads (names or paths).") var names: [String] = []
    @Option(help: "Run only the scenarios with this name (repeatable).") var scenario: [String] = []
    @Option(help: "Timed repetitions per scenario, 1–10000 (default: the suite's, else 5).") var repetitions: Int?
    @Option(help: "Untimed warm-up runs per scenario, 0–1000 (default: the suite's, else 1).") var warmup: Int?
    @Option(
        name: .customLong("target-width"),
        help: "Adaptive: repeat until the median's 95% interval is this narrow relative to it, e.g. 0.02.")
    var targetWidth: Double?
    @Option(help: "Adaptive: seconds of timed repetitions per case at most (over the suite's budget_seconds).")
    var budget: Double?
    @Option(
        name: .customLong("min-repetitions"), help: "Adaptive: fewest timed runs, 1–10000 (default: --repetitions).")
    var minRepetitions: Int?
    @Option(name: .customLong("max-repetitions"), help: "Adaptive: most timed runs, 1–10000 (default: 100).")
    var maxRepetitions: Int?
    @Option(help: "Result document path (default: results/<suite>-<UTC time>-<run id>.json).") var out: String?
    @Option(help: "Run only shard i of n (e.g. 2/4): a stable part of the cases, balanced by cost; see `merge`.")
    var shard: String?
    @Option(help: "Seed for weights and inputs.") var seed: UInt64 = 42
    @Option(help: "Hugging Face safetensors checkpoint to take the layer's weights from.") var weights: String?
    @Option(name: .customLong("layer-index"), help: "Which layer of --weights to load.") var layerIndex: Int = 0
    @Option(name: .customLong("weight-prefix"), help: "Prefix of every tensor name in --weights (e.g. 'transformer.').")
    var weightPrefix: String = ""
    @Option(help: "A .npy input [tokens, hidden] instead of seeded N(0,1).") var input: String?
    @Option(
        name: .customLong("dump-outputs"), help: "Write <workload>/<scenario>/{input,output}.npy under this folder.")
    var dumpOutputs: String?
    @Option(help: "Reuse ceilings from `portbench calibrate --out FILE`; missing shapes are measured.") var calibration:
        String?
    @Flag(name: .customLong("per-op"), help: "Also time every op separately and print the breakdown.") var perOp = false
    @Flag(name: .customLong("enforce-goals"), help: "Exit with code 3 when a suite speed goal is missed.")
    var enforceGoals = false
    @Option(help: "Backends: cpu, xla, or cpu,xla (default: cpu,xla when the PJRT plugin is installed, else cpu).")
    var backend: String?
    @Option(
        name: .customLong("pjrt-plugin"),
        help:
            "PJRT plugin for the xla backend (default: $PORTBENCH_PJRT_PLUGIN or .cache/pjrt/pjrt_c_api_cpu_plugin.so)."
    ) var pjrtPlugin: String?
    @Option(name: .customLong("xla-precision"), help: "Precision of the XLA programs: fp32 or bf16.") var xlaPrecision:
        String = "fp32"
    @Flag(
        name: .customLong("allow-nonfinite"),
        help: "Run even when a weight or the input holds NaN or ±Inf (listed in the result).") var allowNonFinite =
        false
    @Option(
        name: .customLong("max-memory"),
        help:
            "The most memory the run may use, in GB (default: the smallest of physical memory, RLIMIT_AS and the cgroup limit)."
    ) var maxMemory: Double?
    @Option(
        help:
            "Count the measured region instead of timing it: callgrind (CPU reference under valgrind; instructions per repetition)."
    ) var instrument: Instrument?
    @Flag(name: .customLong("cache-sim"), help: "With --instrument callgrind: simulate caches (estimated cycles).")
    var cacheSim = false
    @Flag(name: .customLong("instrument-child"), help: .hidden) var instrumentChild = false
    @Flag(
        name: .customLong("no-upload"),
        help: "Do not upload the result, even when PORTBENCH_ENDPOINT is set (see `portbench upload`).")
    var noUpload = false

    func run() throws {
        // The child valgrind runs keeps the core its OpenBLAS detects under valgrind (which has no AVX-512).
        if !instrumentChild { try blas.apply() }
        var r = RunRequest()
        r.paths = specs.paths
        r.names = names
        r.scenarios = scenario
        r.repetitions = repetitions
        r.warmup = warmup
        r.targetWidth = targetWidth
        r.budget = budget
        r.minRepetitions = minRepetitions
        r.maxRepetitions = maxRepetitions
        r.out = out
        r.shard = shard
        r.seed = seed
        r.weights = weights
        r.layerIndex = layerIndex
        r.weightPrefix = weightPrefix
        r.input = input
        r.dumpOutputs = dumpOutputs
        r.calibration = calibration
        r.perOp = perOp
        r.enforceGoals = enforceGoals
        r.backend = backend
        r.pjrtPlugin = pjrtPlugin
        r.xlaPrecision = xlaPrecision
        r.allowNonFinite = allowNonFinite
        r.maxMemoryGB = maxMemory
        r.instrument = instrument
        r.cacheSim = cacheSim
        r.instrumentChild = instrumentChild
        r.upload = !noUpload
        try execute { try Commands.run(r, note: note) }
    }
}
