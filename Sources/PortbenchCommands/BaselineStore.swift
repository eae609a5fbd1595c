import Foundation
import PortbenchSchema

/// One saved baseline: what run it is, on which machine and settings, saved when.
public struct BaselineEntry: Codable, Equatable, Sendable {
    public var name: String
    /// The document's file name inside the folder.
    public var file: String
    public var runId: String
    public var suite: String
    public var commit: String
    public var created: String
    public var saved: String
    public var machineKey: String
    public var cpuModel: String
    public var cores: Int
    public var openblasCore: String
    public var threads: Int
    public var cases: Int
}

/// The index of a baseline folder (`Baselines/index.json`).
struct BaselineIndex: Codable, Equatable {
    static let schemaName = "portbench.baselines"
    var schema = BaselineIndex.schemaName
    var schemaVersion = 1
    var baselines: [BaselineEntry] = []
}

/// A folder of named baselines: each a result document kept byte for byte (every raw sample), plus an index entry.
public struct BaselineStore {
    public let folder: URL
    var indexURL: URL { folder.appendingPathComponent("index.json") }

    public init(folder: String?) {
        let path = folder ?? ProcessInfo.processInfo.environment["PORTBENCH_BASELINES"] ?? "Baselines"
        self.folder = URL(fileURLWithPath: path)
    }

    public func entries() throws -> [BaselineEntry] { try index().baselines }

    /// Where the noise profile of a machine kind lives (`noise/<kind slug>.json`): `noise --save` writes it and
    /// `compare --noise auto` reads it.
    public func noiseProfileURL(for kind: MachineKind) -> URL {
        folder.appendingPathComponent("noise/\(kind.slug).json")
    }

    func index() throws -> BaselineIndex {
        guard FileManager.default.fileExists(atPath: indexURL.path) else { return BaselineIndex() }
        let index = try SchemaDocument.read(
            BaselineIndex.self, from: indexURL, schema: BaselineIndex.schemaName,
            versions: 1...1
        ) { ($0.schema, $0.schemaVersion) }
        return index
    }

    public func entry(_ name: String) throws -> BaselineEntry {
        guard let e = try entries().first(where: { $0.name == name }) else {
            let known = try entries().map(\.name)
            throw UsageError(
                "no baseline named '\(name)' in \(folder.path)"
                    + (known.isEmpty ? " (none saved)" : "; saved: \(known.joined(separator: ", "))"))
        }
        return e
    }

    public func document(_ e: BaselineEntry) throws -> ResultDocument {
        try ResultDocument.read(from: folder.appendingPathComponent(e.file))
    }

    /// Saves a result file under `name`: the document first, then the index, each written whole or not at all.
    public func save(resultFile: String, name: String, replace: Bool, saved: String) throws -> BaselineEntry {
        guard Identifier.isValid(name) else { throw UsageError("--name '\(name)': expected \(Identifier.rule)") }
        let doc = try ResultDocument.read(from: URL(fileURLWithPath: resultFile))
        var index = try self.index()
        if index.baselines.contains(where: { $0.name == name }) && !replace {
            throw UsageError("baseline '\(name)' exists in \(folder.path); pass --replace to overwrite it")
        }
        let file = "\(name).json"
        let target = folder.appendingPathComponent(file).path
        let docFile = try OutputFile.check(target, role: "baseline", inputs: [resultFile])
        let indexFile = try OutputFile.check(indexURL.path, role: "baseline index", inputs: [resultFile])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try docFile.write(Data(contentsOf: URL(fileURLWithPath: resultFile)))
        let entry = Self.entry(doc, name: name, file: file, saved: saved)
        index.baselines.removeAll { $0.name == name }
        index.baselines.append(entry)
        index.baselines.sort { $0.name < $1.name }
        try indexFile.write(JSONCoding.encoder().encode(index))
        return entry
    }

    /// Removes a baseline: the index first (so a half-done delete never leaves an entry without its file).
    public func delete(name: String) throws -> BaselineEntry {
        let e = try entry(name)
        var index = try self.index()
        index.baselines.removeAll { $0.name == name }
        try OutputFile.check(indexURL.path, role: "baseline index").write(JSONCoding.encoder().encode(index))
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(e.file))
        return e
    }

    /// The newest baseline measured on the candidate's machine (same comparability key, recomputed from each
    /// baseline's own fingerprint so a key written by an older portbench still matches).
    public func newest(for machine: MachineFingerprint) throws -> BaselineEntry? {
        let key = machine.computeKey()
        return try entries().filter { try document($0).machine.computeKey() == key }.max {
            ($0.created, $0.name) < ($1.created, $1.name)
        }
    }

    static func entry(_ doc: ResultDocument, name: String, file: String, saved: String) -> BaselineEntry {
        let m = doc.machine
        return BaselineEntry(
            name: name, file: file, runId: doc.runId, suite: doc.suite, commit: m.gitCommit, created: doc.created,
            saved: saved, machineKey: m.computeKey(), cpuModel: m.cpuModel, cores: m.cores,
            openblasCore: m.openblas.corename, threads: m.openblas.threads, cases: doc.cases.count)
    }
}
