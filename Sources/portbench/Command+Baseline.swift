import ArgumentParser
import PortbenchCommands

/// Options the baseline subcommands share.
struct BaselineFolder: ParsableArguments {
    @Option(name: .customLong("baselines"), help: "Baseline folder (default: $PORTBENCH_BASELINES or ./Baselines).")
    var folder: String?
}

struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Save, list, show and delete named baselines (a result document with every raw sample, indexed).",
        subcommands: [Save.self, List.self, Show.self, Delete.self, Match.self])

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save a result document as a named baseline.")
        @OptionGroup var folder: BaselineFolder
        @Argument(help: "The result document.") var results: String
        @Option(help: "The baseline's name (letters, digits, '-', '_', '.').") var name: String
        @Flag(help: "Overwrite a baseline of the same name.") var replace = false
        func run() throws {
            let r = BaselineRequest(action: .save(result: results, name: name, replace: replace), folder: folder.folder)
            try execute { try Commands.baseline(r, note: note) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List saved baselines.")
        @OptionGroup var folder: BaselineFolder
        func run() throws {
            try execute { try Commands.baseline(.init(action: .list, folder: folder.folder), note: note) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a baseline's cases.")
        @OptionGroup var folder: BaselineFolder
        @Argument(help: "The baseline's name.") var name: String
        func run() throws {
            try execute { try Commands.baseline(.init(action: .show(name: name), folder: folder.folder), note: note) }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a baseline and its index entry.")
        @OptionGroup var folder: BaselineFolder
        @Argument(help: "The baseline's name.") var name: String
        func run() throws {
            try execute { try Commands.baseline(.init(action: .delete(name: name), folder: folder.folder), note: note) }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the newest baseline measured on a result's machine (nothing when there is none).")
        @OptionGroup var folder: BaselineFolder
        @Argument(help: "The result document.") var results: String
        func run() throws {
            try execute {
                try Commands.baseline(.init(action: .match(result: results), folder: folder.folder), note: note)
            }
        }
    }
}
