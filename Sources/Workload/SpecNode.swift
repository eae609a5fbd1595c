import Foundation
import PortbenchSchema
import Yams

/// A YAML node with its file and key path, so every read can fail with a precise `SpecError`.
/// Every YAML file portbench reads (workloads, suites, device profiles, published tables) goes through it.
public struct SpecNode {
    public let node: Node
    public let file: String
    public let path: String

    public var line: Int? { node.mark?.line }

    public static func parse(text: String, file: String) throws -> SpecNode {
        try YAMLBounds.check(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SpecError(
                file: file, path: "", line: Self.line(of: error), message: "not valid YAML: \(Self.problem(of: error))")
        }
        guard let root else { throw SpecError(file: file, path: "", message: "the file is empty; expected a mapping") }
        return SpecNode(node: root, file: file, path: "")
    }

    public static func load(url: URL) throws -> SpecNode {
        if let problem = InputFile.problem(url.path, maxBytes: YAMLBounds.maxBytes) {
            throw SpecError(file: url.path, path: "", message: problem)
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SpecError(file: url.path, path: "", message: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(text: text, file: url.path)
    }

    public func fail(_ message: String) -> SpecError {
        SpecError(file: file, path: path, line: line, message: message)
    }

    public func child(_ key: String, _ value: Node) -> SpecNode {
        SpecNode(node: value, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    // MARK: mappings

    /// The mapping's entries, after checking that every key is one of `allowed`.
    public func mapping(allowed: [String]) throws -> [String: SpecNode] {
        guard case .mapping(let map) = node else { throw fail("expected a mapping, got \(kindName)") }
        var out: [String: SpecNode] = [:]
        for (keyNode, value) in map {
            guard let key = keyNode.string else { throw fail("keys must be strings") }
            guard out[key] == nil else {
                throw SpecError(
                    file: file, path: path.isEmpty ? key : "\(path).\(key)", line: keyNode.mark?.line,
                    message: "duplicate key '\(key)'")
            }
            guard allowed.contains(key) else {
                throw SpecError(
                    file: file, path: path.isEmpty ? key : "\(path).\(key)", line: keyNode.mark?.line,
                    message: "unknown key '\(key)'; expected one of: \(allowed.joined(separator: ", "))")
            }
            out[key] = child(key, value)
        }
        return out
    }

    /// A mapping's entries in file order, whatever their keys (for open-ended tables).
    public func entries() throws -> [(key: String, value: SpecNode)] {
        guard case .mapping(let map) = node else { throw fail("expected a mapping, got \(kindName)") }
        var seen = Set<String>()
        return try map.map { k, v in
            guard let key = k.string else { throw fail("keys must be strings") }
            guard seen.insert(key).inserted else { throw child(key, v).fail("duplicate key '\(key)'") }
            return (key, child(key, v))
        }
    }

    public func required(_ map: [String: SpecNode], _ key: String) throws -> SpecNode {
        guard let value = map[key] else {
            let where_ = path.isEmpty ? key : "\(path).\(key)"
            throw SpecError(file: file, path: where_, line: line, message: "missing required key '\(key)'")
        }
        return value
    }

    // MARK: scalars

    public var kindName: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return "'\(s.string)'"
        case .alias: return "an alias"
        }
    }

    public func string() throws -> String {
        guard case .scalar(let s) = node else { throw fail("expected a string, got \(kindName)") }
        return s.string
    }

    /// A name that ends up in file names and reports (`Identifier.rule`).
    public func identifier() throws -> String {
        let s = try string()
        guard Identifier.isValid(s) else { throw fail("expected a name of \(Identifier.rule), got '\(s)'") }
        return s
    }

    public func int() throws -> Int {
        guard case .scalar = node, let v = node.int else { throw fail("expected an integer, got \(kindName)") }
        return v
    }

    public func positiveInt() throws -> Int {
        let v = try int()
        guard v > 0 else { throw fail("expected a positive integer, got \(v)") }
        return v
    }

    /// An integer within `range` (every number a spec holds has a stated range).
    public func int(in range: ClosedRange<Int>) throws -> Int {
        let v = try int()
        guard range.contains(v) else {
            throw fail("expected an integer in \(range.lowerBound)...\(range.upperBound), got \(v)")
        }
        return v
    }

    /// A finite number within `range`; `openLower` excludes the lower bound itself (for "> 0").
    public func double(in range: ClosedRange<Double>, openLower: Bool = false) throws -> Double {
        let v = try double()
        let low = openLower ? "(" : "["
        guard v.isFinite, range.contains(v), !(openLower && v == range.lowerBound) else {
            throw fail("expected a number in \(low)\(range.lowerBound), \(range.upperBound)], got \(v)")
        }
        return v
    }

    public func double() throws -> Double {
        guard case .scalar = node, let v = node.float ?? node.int.map(Double.init) else {
            throw fail("expected a number, got \(kindName)")
        }
        return v
    }

    public func positiveDouble() throws -> Double {
        let v = try double()
        guard v > 0, v.isFinite else { throw fail("expected a positive number, got \(v)") }
        return v
    }

    public func bool() throws -> Bool {
        guard case .scalar = node, let v = node.bool else { throw fail("expected true or false, got \(kindName)") }
        return v
    }

    public func choice<T: CaseIterable & RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try string()
        guard let v = T(rawValue: raw) else {
            let options = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("unknown value '\(raw)'; expected one of: \(options)")
        }
        return v
    }

    public func sequence() throws -> [SpecNode] {
        guard case .sequence(let seq) = node else { throw fail("expected a list, got \(kindName)") }
        return seq.enumerated().map { SpecNode(node: $0.element, file: file, path: "\(path)[\($0.offset)]") }
    }

    // MARK: errors from Yams

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let dups, _):
            return "duplicate key " + dups.map { "'\($0)'" }.joined(separator: ", ")
        default: return "\(error)"
        }
    }
}
