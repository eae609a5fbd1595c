import Foundation
import PortbenchSchema

/// The folder of runs that could not be delivered yet: one file per run, `<UTC time with ms>-<run id>.json`, holding
/// the document's bytes exactly (written atomically). `upload --flush-spool` delivers them oldest first; runs the
/// server refuses are moved to `rejected/` with a `.why.txt` beside them.
public struct Spool: Sendable {
    public let folder: URL

    public static let environmentVariable = "PORTBENCH_SPOOL"

    public init(folder: String) {
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL
    }

    /// `explicit` (`--spool`), else `PORTBENCH_SPOOL`, else `$XDG_CACHE_HOME/portbench/spool`, else
    /// `~/.cache/portbench/spool`; refused when it exists and is not a folder (or is a link).
    public static func resolve(_ explicit: String?, environment: [String: String]) throws -> Spool {
        let role = explicit != nil ? "--spool" : environment[environmentVariable] != nil ? environmentVariable : "spool"
        let path = explicit ?? defaultFolder(environment: environment)
        let checked = try OutputFolder.check(path, role: role)
        return Spool(folder: checked.url.path)
    }

    public static func defaultFolder(environment: [String: String]) -> String {
        if let s = environment[environmentVariable], !s.isEmpty { return s }
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/portbench/spool" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/portbench/spool"
    }

    /// One spooled run.
    public struct Entry: Sendable, Equatable {
        public var url: URL
        public var name: String { url.lastPathComponent }
        /// The run id in the file name (the document's own run id is what is sent).
        public var runId: String {
            let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
            guard let dash = stem.firstIndex(of: "-") else { return stem }
            return String(stem[stem.index(after: dash)...])
        }
    }

    /// The file name for a run spooled at `date`: `20261201T130000.123Z-<run id>.json`.
    public static func fileName(runId: String, at date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return "\(f.string(from: date))-\(runId).json"
    }

    /// Spools `document` (its exact bytes); a run already waiting in the spool is not added twice.
    @discardableResult
    public func add(runId: String, document: Data, at date: Date = Date()) throws -> URL {
        if let existing = try pending().first(where: { $0.runId == runId }) { return existing.url }
        let file = try OutputFile.check(
            folder.appendingPathComponent(Self.fileName(runId: runId, at: date)).path, role: "spool")
        try file.write(document)
        return file.url
    }

    /// Waiting runs, oldest first (the names begin with a fixed-width UTC time).
    public func pending() throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .sorted()
            .map { Entry(url: folder.appendingPathComponent($0)) }
            .filter { isRegularFile($0.url.path) }
    }

    /// Removes a delivered run's file (already gone is fine: another flush may have delivered it).
    public func remove(_ entry: Entry) throws {
        guard unlink(entry.url.path) == 0 || errno == ENOENT else {
            throw SpoolError("spool \(entry.url.path): cannot remove: \(String(cString: strerror(errno)))")
        }
    }

    /// Where refused runs go.
    public var rejectedFolder: URL { folder.appendingPathComponent("rejected") }

    /// Moves a refused run to `rejected/` and writes why beside it (`<name without .json>.why.txt`).
    @discardableResult
    public func reject(_ entry: Entry, why: String) throws -> URL {
        try FileManager.default.createDirectory(at: rejectedFolder, withIntermediateDirectories: true)
        let target = rejectedFolder.appendingPathComponent(entry.name)
        let stem = entry.name.hasSuffix(".json") ? String(entry.name.dropLast(5)) : entry.name
        try OutputFile.check(rejectedFolder.appendingPathComponent(stem + ".why.txt").path, role: "spool")
            .write(Data((why + "\n").utf8))
        guard rename(entry.url.path, target.path) == 0 else {
            throw SpoolError(
                "spool \(entry.url.path): cannot move to \(target.path): \(String(cString: strerror(errno)))")
        }
        return target
    }

    private func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }
}

/// A spool file that could not be removed or moved (exit status 1).
public struct SpoolError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
