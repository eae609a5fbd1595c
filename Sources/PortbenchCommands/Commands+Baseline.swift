import Foundation
import PortbenchRender
import PortbenchSchema

/// `portbench baseline save|list|show|delete`: which action, on which folder.
public struct BaselineRequest: Sendable {
    public enum Action: Sendable {
        case save(result: String, name: String, replace: Bool)
        case list
        case show(name: String)
        case delete(name: String)
        /// The newest baseline measured on a result's machine (empty output when there is none).
        case match(result: String)
    }
    public var action: Action
    public var folder: String?

    public init(action: Action, folder: String? = nil) {
        self.action = action
        self.folder = folder
    }
}

extension Commands {
    /// Saves, lists, shows or deletes named baselines.
    public static func baseline(_ r: BaselineRequest, note: Note) throws -> CommandOutput {
        let store = BaselineStore(folder: r.folder)
        switch r.action {
        case .save(let result, let name, let replace):
            let e = try store.save(
                resultFile: result, name: name, replace: replace, saved: ISO8601DateFormatter().string(from: Date()))
            note("saved \(result) as baseline '\(e.name)' in \(store.folder.path)")
            return CommandOutput(baselineTable([e]))
        case .list:
            let entries = try store.entries()
            return CommandOutput(entries.isEmpty ? "no baselines in \(store.folder.path)" : baselineTable(entries))
        case .show(let name):
            let e = try store.entry(name)
            return CommandOutput(RunReport(document: try store.document(e)).render(perOp: false))
        case .match(let result):
            let doc = try ResultDocument.read(from: URL(fileURLWithPath: result))
            guard let e = try store.newest(for: doc.machine) else {
                note("no baseline in \(store.folder.path) was measured on \(result)'s machine")
                return CommandOutput("")
            }
            return CommandOutput(e.name)
        case .delete(let name):
            let e = try store.delete(name: name)
            note("deleted baseline '\(e.name)' (\(e.file)) from \(store.folder.path)")
            return CommandOutput("")
        }
    }

    static func baselineTable(_ entries: [BaselineEntry]) -> String {
        var t = TextTable(header: [
            "name", "suite", "cases", "commit", "created", "cpu", "cores", "openblas", "threads",
        ])
        for e in entries {
            t.rows.append([
                e.name, e.suite, "\(e.cases)", String(e.commit.prefix(12)), e.created, e.cpuModel, "\(e.cores)",
                e.openblasCore, "\(e.threads)",
            ])
        }
        return t.render()
    }
}
