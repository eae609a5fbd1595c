import ArgumentParser
import PortbenchCommands

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the shard documents of one run (`run --shard i/n`) into one result document.",
        discussion:
            "Refuses shards from different commits, suites, machines or settings, a shard given twice, a missing shard, and a case in two shards."
    )
    @Argument(help: "Every shard document of the run.") var shards: [String] = []
    @Option(help: "Where to write the joined result document.") var out: String?

    func run() throws {
        var r = MergeRequest()
        r.shards = shards
        r.out = out
        try execute { try Commands.merge(r, note: note) }
    }
}
