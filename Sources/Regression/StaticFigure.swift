import Foundation
import PortbenchSchema

/// The deterministic figures of a case, compared exactly or within a stated tolerance: one descriptor per figure,
/// naming what moves it when it moves.
enum StaticFigure: CaseIterable {
    case flops, bytes, weightBytes, fusions, programBytes, relativeL2

    var key: String {
        switch self {
        case .flops: return "flops"
        case .bytes: return "bytes"
        case .weightBytes: return "weight_bytes"
        case .fusions: return "fusions"
        case .programBytes: return "program_bytes"
        case .relativeL2: return "relative_l2"
        }
    }

    func value(_ c: CaseResult) -> Double? {
        switch self {
        case .flops: return c.flops
        case .bytes: return c.bytes
        case .weightBytes: return c.weightBytes
        case .fusions: return c.backendDetails.map { Double($0.fusions) }
        case .programBytes: return c.backendDetails.map { Double($0.programBytes) }
        case .relativeL2: return c.backendDetails?.relativeL2
        }
    }

    /// Counts have no better or worse; numerics drifting from the reference is worse.
    var direction: MetricDirection? { self == .relativeL2 ? .lowerIsBetter : nil }

    var provenance: Provenance { self == .relativeL2 ? .measured : .counted }

    /// Counts must match exactly; the relative L2 error moves with summation order, so it may move 25% (and
    /// 1e-7 absolute) before it counts as a change.
    var tolerance: (relative: Double, absolute: Double) { self == .relativeL2 ? (0.25, 1e-7) : (0, 0) }

    /// What moves this figure.
    var cause: String {
        switch self {
        case .flops, .bytes, .weightBytes: return "the layer graph (workload spec or lowering) changed"
        case .fusions, .programBytes: return "the compiled program (StableHLO emitter or XLA) changed"
        case .relativeL2: return "the backend's numerics against the fp32 reference moved"
        }
    }

    func compare(_ key: CaseKey, _ a: CaseResult, _ b: CaseResult) -> CaseComparison? {
        guard let x = value(a), let y = value(b) else { return nil }
        let moved = abs(y - x) > Swift.max(tolerance.absolute, tolerance.relative * abs(x))
        let verdict: Verdict
        if !moved {
            verdict = .unchanged
        } else if let direction {
            verdict = (direction == .lowerIsBetter) == (y > x) ? .regression : .improvement
        } else {
            verdict = .changed
        }
        let ratio = x == 0 ? (y == 0 ? 1 : .infinity) : y / x
        let reason =
            moved
            ? "\(fmt(x)) → \(fmt(y)): \(cause)"
            : tolerance.relative == 0 ? "identical" : "within \(Int(tolerance.relative * 100))% (deterministic rule)"
        return CaseComparison(
            workload: key.workload, scenario: key.scenario, backend: key.backend, metric: self.key,
            provenance: provenance, direction: direction, baseline: x, candidate: y, ratio: ratio,
            effect: direction.map { $0 == .lowerIsBetter ? ratio - 1 : 1 / ratio - 1 }, baselineUnits: 1,
            candidateUnits: 1, verdict: verdict, reason: reason)
    }

    private func fmt(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)" }
}
