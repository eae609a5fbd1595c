import ArgumentParser
import PortbenchCommands
import Publish

/// Options every command that talks to the results server shares.
struct ServerOptions: ParsableArguments {
    @Option(help: "The results server (default: $PORTBENCH_ENDPOINT): https, or plain http to a loopback host.")
    var endpoint: String?
    @Option(help: "Seconds each attempt may take (connecting: at most 10 of them).") var timeout: Double = 30
    @Option(name: .customLong("retry-for"), help: "Keep retrying each run this many seconds after its first attempt.")
    var retryFor: Double = 600
    @Flag(name: .customLong("allow-http"), help: "Allow plain http to a host that is not loopback (token unencrypted).")
    var allowHTTP = false

    var options: UploadOptions {
        var o = UploadOptions()
        o.endpoint = endpoint
        o.timeout = timeout
        o.retryFor = retryFor
        o.allowHTTP = allowHTTP
        return o
    }
}

struct Upload: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Upload result documents to a portbench results server; deliver the spool of undelivered runs.",
        discussion: """
            The token is read from PORTBENCH_TOKEN only (never an option; never printed). Each run is sent \
            gzip-compressed with its run id as the Idempotency-Key and retried (backoff with jitter, Retry-After \
            honoured) on connection errors, timeouts, 429 and 5xx until stored or --retry-for passes; a run still \
            undelivered is written to the spool (--spool, $PORTBENCH_SPOOL, else $XDG_CACHE_HOME/portbench/spool or \
            ~/.cache/portbench/spool) for `upload --flush-spool`. A run the server refuses (4xx) is not retried or \
            spooled. Exit 0 when every run was delivered, 1 when some was refused or is undelivered, 2 for bad input.
            """)

    @Argument(help: "Result documents (each checked before anything is sent).") var results: [String] = []
    @OptionGroup var server: ServerOptions
    @Option(help: "Runs in flight at once, 1–256.") var parallel: Int = 4
    @Option(help: "Spool folder for undelivered runs.") var spool: String?
    @Flag(name: .customLong("no-spool"), help: "Do not spool undelivered runs.") var noSpool = false
    @Flag(name: .customLong("flush-spool"), help: "Deliver the spooled runs, oldest first.") var flushSpool = false

    func run() throws {
        var r = UploadRequest()
        r.files = results
        r.flushSpool = flushSpool
        r.options = server.options
        r.options.parallel = parallel
        r.options.spool = spool
        r.options.noSpool = noSpool
        try execute { try Commands.upload(r, note: note) }
    }
}

struct UploadBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload-bench",
        abstract: "Load-test a results server: many copies of one result, uploaded concurrently, each read back.",
        discussion: """
            Copies RESULT --runs times with fresh run ids, uploads them with --clients at once through the same \
            uploader as `upload` (retries included, nothing spooled), then reads every run back with GET \
            /api/v1/runs/{id}. Prints runs/s, latency p50/p99/max (first attempt to success) and attempts. Exit 1 \
            unless every run is stored exactly as sent.
            """)

    @Argument(help: "The result document to copy.") var result: String
    @OptionGroup var server: ServerOptions
    @Option(help: "How many runs to upload.") var runs: Int = 2000
    @Option(help: "Uploads in flight at once, 1–256.") var clients: Int = 32
    @Option(help: "Also write the measurements as JSON here.") var json: String?

    func run() throws {
        var r = UploadBenchRequest()
        r.file = result
        r.runs = runs
        r.clients = clients
        r.json = json
        r.options = server.options
        try execute { try Commands.uploadBench(r, note: note) }
    }
}
