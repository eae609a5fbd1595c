import Foundation
import PortbenchSchema
import Regression

/// `portbench ab`: two builds (executables or git revisions), a suite, how many interleaved rounds, and the output.
public struct ABRequest: Sendable {
    /// A portbench executable, or a git revision built into `.build-ab-<commit>/`.
    public var a: String = ""
    public var b: String = ""
    public var names: [String] = []
    public var rounds = Regression.defaultInterleavedRounds
    /// Arguments passed to every `portbench run` (scenarios, repetitions, backend, spec folders).
    public var runArguments: [String] = []
    /// Where the rounds' documents go (default: results/ab-<time>/).
    public var keep: String?
    /// The repository the revisions are built from (default: the current folder).
    public var repository = "."
    public var compare = CompareRequest()
    /// Upload the rounds' documents to `PORTBENCH_ENDPOINT`, when set, after the last round (`--no-upload`: not).
    public var upload = true

    public init() {}
}

extension Commands {
    /// Builds both sides, runs them alternately (A B, then B A, …) on this machine, and compares the rounds as
    /// paired units with the interleaved rule.
    public static func ab(_ r: ABRequest, note: @escaping Note) throws -> CommandOutput {
        guard (3...1000).contains(r.rounds) else { throw UsageError("--rounds: expected 3...1000, got \(r.rounds)") }
        guard !r.a.isEmpty, !r.b.isEmpty else { throw UsageError("--a and --b: expected a build or a git revision") }
        _ = try output(r.compare.out, inputs: [])
        let sideA = try ABBuild.side(r.a, repository: r.repository, note: note)
        let sideB = try ABBuild.side(r.b, repository: r.repository, note: note)
        let folder = r.keep ?? "results/ab-\(Int(Date().timeIntervalSince1970))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        // A suite or workload given as a file is the same file for both sides, wherever each side runs.
        let names = r.names.map { FileManager.default.fileExists(atPath: $0) ? absolute($0) : $0 }
        // A side run in its own checkout still loads this folder's PJRT plugin (a cache, not part of a revision).
        let plugin = ["PORTBENCH_PJRT_PLUGIN": absolute(XLAWiring.pluginPath(nil))]
        let start = Date()
        var filesA: [String] = [], filesB: [String] = []
        for round in 1...r.rounds {
            let order = round % 2 == 1 ? [("a", sideA), ("b", sideB)] : [("b", sideB), ("a", sideA)]
            for (side, build) in order {
                let path = "\(folder)/round-\(round)-\(side).json"
                note("ab: round \(round) of \(r.rounds), side \(side.uppercased())")
                // The rounds upload nothing themselves (A may be a build without `--no-upload`): `ab` uploads them
                // all after the last round, so no network traffic runs between two measured rounds.
                try Subprocess.run(
                    build.binary, ["run"] + names + r.runArguments + ["--out", absolute(path)], quiet: true,
                    directory: build.directory, environment: build.directory == nil ? [:] : plugin,
                    removing: ["PORTBENCH_ENDPOINT"])
                if side == "a" { filesA.append(path) } else { filesB.append(path) }
            }
        }
        note(
            String(
                format: "ab: %d rounds in %.0f s (builds excluded); documents in %@", r.rounds,
                Date().timeIntervalSince(start), folder))
        automaticUpload(filesA + filesB, enabled: r.upload, note: note)
        var c = r.compare
        c.baselines = filesA
        c.results = filesB
        c.interleaved = true
        return try compare(c, note: note)
    }
}

/// One side of an A/B run: the executable, and for a git revision the checkout it runs in, so its documents record
/// that revision's commit and it reads that revision's workloads, suites and device profiles.
struct ABSide {
    var binary: String
    var directory: String?
}

/// Turns an A/B side into an executable: a path to a binary as given (run in the current folder), or a git revision
/// checked out and built in release mode into its own scratch folder `.build-ab-<commit>/` (reused when already
/// built) and run in its checkout.
enum ABBuild {
    static func side(_ side: String, repository: String, note: Note) throws -> ABSide {
        if FileManager.default.isExecutableFile(atPath: side), !isDirectory(side) {
            return ABSide(binary: side, directory: nil)
        }
        let commit = try git(["rev-parse", "--verify", "\(side)^{commit}"], repository: repository)
        let root = URL(fileURLWithPath: repository).appendingPathComponent(".build-ab-\(commit.prefix(12))").path
        let source = "\(root)/src", scratch = "\(root)/build"
        let binary = "\(scratch)/release/portbench"
        if FileManager.default.isExecutableFile(atPath: binary) {
            note("ab: \(side) (\(commit.prefix(12))) already built in \(root)")
            return ABSide(binary: binary, directory: source)
        }
        if !FileManager.default.fileExists(atPath: source) {
            _ = try git(["worktree", "add", "--detach", source, commit], repository: repository)
        }
        note("ab: building \(side) (\(commit.prefix(12))) in \(root) (release)")
        try Subprocess.run(
            "/usr/bin/env",
            [
                "swift", "build", "-c", "release", "--package-path", source, "--scratch-path", scratch,
                "--product", "portbench",
            ], quiet: true)
        return ABSide(binary: binary, directory: source)
    }

    static func git(_ args: [String], repository: String) throws -> String {
        do {
            return try Subprocess.capture("/usr/bin/env", ["git", "-C", repository] + args)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch is SubprocessError {
            throw UsageError("git \(args.joined(separator: " ")): not a revision of \(repository)")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
    }
}
