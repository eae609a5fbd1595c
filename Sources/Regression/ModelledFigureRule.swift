import Foundation
import PortbenchSchema

/// Device-model predictions are deterministic: each device's modelled layer time must match within a relative 1e-9
/// (the C library's exp and log may differ in the last bit between machines), and one that moved names what moved it.
enum ModelledFigureRule {
    static let relativeTolerance = 1e-9

    /// The metric name of a device's modelled layer time.
    static func metric(_ device: String) -> String { "modelled_s[\(device)]" }

    /// One row per device modelled on both sides at the same precision.
    static func compare(_ key: CaseKey, _ a: CaseResult, _ b: CaseResult, inputs: ModelInputs) -> [CaseComparison] {
        guard let before = a.modelled, let after = b.modelled else { return [] }
        return after.compactMap { y in
            guard let x = before.first(where: { $0.device == y.device && $0.precision == y.precision }) else {
                return nil
            }
            let moved = abs(y.seconds - x.seconds) > relativeTolerance * abs(x.seconds)
            let reason =
                moved
                ? String(format: "%.6g → %.6g µs: ", x.seconds * 1e6, y.seconds * 1e6)
                    + cause(y, a, b, inputs: inputs)
                : "identical within 1e-9 (deterministic rule)"
            return CaseComparison(
                workload: key.workload, scenario: key.scenario, backend: key.backend, metric: metric(y.device),
                provenance: .modelled, direction: nil, baseline: x.seconds, candidate: y.seconds,
                ratio: x.seconds == 0 ? 1 : y.seconds / x.seconds, effect: nil, baselineUnits: 1, candidateUnits: 1,
                verdict: moved ? .changed : .unchanged, reason: reason)
        }
    }

    /// The inputs that differ between the sides, else the layer graph, else the style's adapter code.
    static func cause(_ f: ModelledFigure, _ a: CaseResult, _ b: CaseResult, inputs: ModelInputs) -> String {
        let before = inputs.baseline[f.device]?.inputs, after = inputs.candidate[f.device]?.inputs
        if let before, let after {
            let moved = Set(before.keys).union(after.keys).sorted().filter { before[$0] != after[$0] }
            if !moved.isEmpty {
                let shown = moved.prefix(4).map { "\($0) \(text(before[$0])) → \(text(after[$0]))" }
                return "\(f.device)'s model inputs moved: " + shown.joined(separator: ", ")
                    + (moved.count > 4 ? " and \(moved.count - 4) more" : "")
            }
        }
        if a.flops != b.flops || a.bytes != b.bytes || a.weightBytes != b.weightBytes {
            return "the layer graph changed (workload spec or lowering)"
        }
        guard before != nil, after != nil else {
            return "a side does not record \(f.device)'s model inputs, so the cause cannot be named"
        }
        return
            "the \(f.style.rawValue)-style adapter changed (\(f.device)'s profile and style parameters are identical)"
    }

    static func text(_ v: Double?) -> String { v.map { String(format: "%.6g", $0) } ?? "absent" }
}

/// Each side's device-model inputs by device name (from its first document that records them).
struct ModelInputs {
    var baseline: [String: ModelledDevice]
    var candidate: [String: ModelledDevice]

    init(baseline a: [ResultDocument], candidate b: [ResultDocument]) {
        baseline = Self.index(a)
        candidate = Self.index(b)
    }

    static func index(_ docs: [ResultDocument]) -> [String: ModelledDevice] {
        let devices = docs.first { $0.modelledDevices != nil }?.modelledDevices ?? []
        return Dictionary(devices.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
