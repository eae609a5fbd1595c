import Foundation
import PortbenchSchema
import Workload

/// A style's typed modelling parameters, read from its section of Devices/styles.yaml by its adapter.
public protocol StyleParameters: Sendable {
    /// Reads every parameter from `section`; the loader then reports anything unknown, missing or out of range.
    init(_ section: StyleSectionReader)
}

/// Reads one style's section: each parameter a cited `{value, source}` within its range, or a free parameter
/// `{value, source: fitted, fit: [low, high]}` that `validate-models --fit` fits to the validation table. Problems are
/// collected and `finish()` reports the first: an unknown key, then a bad value, then a missing key (file, line and
/// key path). Built from already-read figures with `overrides`, it gives the parameters a fit tries.
public final class StyleSectionReader {
    let node: SpecNode?
    let ids: Set<String>
    let entries: [String: SpecNode]
    /// Figures already read (a section being re-read with `overrides`), by key.
    let read: [String: Sourced]
    let overrides: [String: Double]
    let style: ExecutionStyle
    private(set) var keys: [String] = []
    private(set) var figures: [(key: String, value: Sourced)] = []
    private(set) var free: [FreeParameter] = []
    private var problems: [Error] = []
    private var missing: [String] = []

    /// What a parameter reads as when it is missing or bad (`finish()` then throws, so it is never used).
    static let placeholder = Sourced(value: .nan, source: "")

    init(node: SpecNode, ids: Set<String>, style: ExecutionStyle) {
        self.node = node
        self.ids = ids
        self.style = style
        let pairs = (try? node.entries()) ?? []
        entries = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        read = [:]
        overrides = [:]
    }

    /// A reader of figures already read and checked, with some values replaced (a fit's trial values).
    init(section: StyleSection, overrides: [String: Double]) {
        node = nil
        ids = []
        style = section.style
        entries = [:]
        read = Dictionary(section.figures.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        self.overrides = overrides
        free = section.free
    }

    /// A parameter within `range`; `openLower` excludes the lower bound itself.
    public func value(_ key: String, in range: ClosedRange<Double>, openLower: Bool = false) -> Sourced {
        keys.append(key)
        if node == nil {
            guard var v = read[key] else {
                missing.append(key)
                return Self.placeholder
            }
            if let o = overrides[key] { v.value = o }
            figures.append((key, v))
            return v
        }
        guard let node = entries[key] else {
            missing.append(key)
            return Self.placeholder
        }
        do {
            let v = try DeviceProfile.sourced(node, ids: ids, range: (range, openLower), extraKeys: ["fit"])
            if let f = try FreeParameter.read(node, style: style, key: key, value: v, range: range) { free.append(f) }
            figures.append((key, v))
            return v
        } catch {
            problems.append(error)
            return Self.placeholder
        }
    }

    /// A fraction of a published peak: in (0, 1].
    public func fraction(_ key: String) -> Sourced { value(key, in: 0...1, openLower: true) }

    /// A fixed overhead or latency in microseconds: in [0, 1e6].
    public func microseconds(_ key: String) -> Sourced { value(key, in: 0...1e6) }

    /// Throws the first problem: a key no parameter was read under (or a section that is not a mapping), a value out
    /// of range or with an uncited source, a parameter the section lacks.
    func finish() throws {
        _ = try node?.mapping(allowed: keys)
        if let first = problems.first { throw first }
        if let key = missing.first {
            throw node?.fail("missing required parameter '\(key)'")
                ?? SpecError(file: "styles.yaml", path: style.rawValue, message: "missing parameter '\(key)'")
        }
    }
}
