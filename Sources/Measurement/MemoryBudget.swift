import Foundation
import PortbenchSchema
import Workload

/// What a run needs in memory, estimated from the graphs before anything is allocated, against the most this
/// process may use: the smallest of physical memory, `RLIMIT_AS` and the cgroup's limit, or `--max-memory`.
public struct MemoryBudget: Sendable {
    public var limitBytes: Double
    /// Where the limit comes from ("physical memory", "cgroup memory.max", "RLIMIT_AS", "--max-memory").
    public var limitSource: String

    /// The machine's limit, or the one the user gave.
    public static func current(explicitBytes: Double? = nil) -> MemoryBudget {
        if let explicitBytes { return MemoryBudget(limitBytes: explicitBytes, limitSource: "--max-memory") }
        var best = MemoryBudget(
            limitBytes: Double(ProcessInfo.processInfo.physicalMemory), limitSource: "physical memory")
        for (bytes, source) in [(cgroupLimit(), "the cgroup's memory limit"), (addressSpaceLimit(), "RLIMIT_AS")] {
            if let bytes, bytes < best.limitBytes { best = MemoryBudget(limitBytes: bytes, limitSource: source) }
        }
        return best
    }

    /// Bytes one case needs: fp32 weights and every value of the graph; an external backend's worker holds its own
    /// copy of both plus the compiled program's buffers (counted as a second copy).
    public static func caseBytes(_ graph: LayerGraph, external: Bool) -> (total: Double, detail: String) {
        let weights = graph.weights.reduce(0.0) { $0 + elements($1.shape) } * 4
        let values = graph.values.reduce(0.0) { $0 + elements($1.shape) } * 4
        let worker = external ? 2 * (weights + values) : 0
        var detail = "weights \(gb(weights)), activations and KV cache \(gb(values))"
        if external { detail += ", XLA worker \(gb(worker))" }
        return (weights + values + worker, detail)
    }

    /// Calibration's largest buffers: the bandwidth buffer or one GEMM's operands.
    public static func calibrationBytes(_ shapes: [GemmShape]) -> Double {
        let gemm = shapes.map {
            (Double($0.m) * Double($0.k) + Double($0.n) * Double($0.k) + Double($0.m) * Double($0.n)) * 4
        }
        return max(Double(1 << 30), gemm.max() ?? 0)
    }

    /// Refuses, with the estimate, the first case that would not fit (a run also checks its calibration).
    public func check(_ graphs: [(workload: WorkloadSpec, graph: LayerGraph)], external: Bool) throws {
        for (w, g) in graphs {
            let need = Self.caseBytes(g, external: external)
            if need.total > limitBytes {
                throw MemoryBudgetError(
                    message:
                        "\(w.file ?? w.name): scenario '\(g.scenario.name)' needs about \(Self.gb(need.total)) (\(need.detail)), "
                        + "more than the \(Self.gb(limitBytes)) this process may use (\(limitSource)); "
                        + "choose a smaller scenario, or set --max-memory if the limit is wrong")
            }
        }
    }

    /// Refuses a calibration whose largest buffer would not fit.
    public func checkCalibration(_ shapes: [GemmShape]) throws {
        let calibration = Self.calibrationBytes(shapes)
        if calibration > limitBytes {
            throw MemoryBudgetError(
                message: "calibration needs about \(Self.gb(calibration)), more than the \(Self.gb(limitBytes)) "
                    + "this process may use (\(limitSource))")
        }
    }

    static func elements(_ shape: [Int]) -> Double { shape.reduce(1.0) { $0 * Double($1) } }

    static func gb(_ bytes: Double) -> String { String(format: "%.2f GB", bytes / 1e9) }

    static func cgroupLimit() -> Double? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                let v = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
            else { continue }
            if v < 1e18 { return v }
        }
        return nil
    }

    static func addressSpaceLimit() -> Double? {
        var r = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &r) == 0, r.rlim_cur != rlim_t.max else { return nil }
        return Double(r.rlim_cur)
    }
}

/// A run that would not fit in memory: refused before anything is allocated.
public struct MemoryBudgetError: InputError {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
