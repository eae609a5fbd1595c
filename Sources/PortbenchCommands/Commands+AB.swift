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
        let binA = try ABBuild.executable(for: r.a, repository: r.repository, note: note)
        let binB = try ABBuild.executable(for: r.b, repository: r.repository, note: note)
        let folder = r.keep ?? "results/ab-\(Int(Date().timeIntervalSince1970))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let start = Date()
        var filesA: [String] = [], filesB: [String] = []
        for round in 1...r.rounds {
            let order = round % 2 == 1 ? [("a", binA), ("b", binB)] : [("b", binB), ("a", binA)]
            for (side, bin) in order {
                let path = "\(folder)/round-\(round)-\(side).json"
                note("ab: round \(round) of \(r.rounds), side \(side.uppercased())")
                // The rounds upload nothing themselves (A may be a build without `--no-upload`): `ab` uploads them
                // all after the last round, so no network traffic runs between two measured rounds.
                try Subprocess.run(
                    bin, ["run"] + r.names + r.runArguments + ["--out", path], quiet: true,
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

/// Turns an A/B side into an executable: a path to a binary as given, or a git revision checked out and built in
/// release mode into its own scratch folder `.build-ab-<commit>/` (reused when already built).
enum ABBuild {
    static func executable(for side: String, repository: String, note: Note) throws -> String {
        if FileManager.default.isExecutableFile(atPath: side), !isDirectory(side) { return side }
        let commit = try git(["rev-parse", "--verify", "\(side)^{commit}"], repository: repository)
        let root = URL(fileURLWithPath: repository).appendingPathComponent(".build-ab-\(commit.prefix(12))").path
        let source = "\(root)/src", scratch = "\(root)/build"
        let binary = "\(scratch)/release/portbench"
        if FileManager.default.isExecutableFile(atPath: binary) {
            note("ab: \(side) (\(commit.prefix(12))) already built in \(root)")
            return binary
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
        return binary
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
