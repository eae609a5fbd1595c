import Foundation
import PortbenchSchema
import Workload

/// The serving software a published result ran on. The model predicts what the hardware allows; an engine sets
/// how much of the memory holds KV cache and in what blocks, each figure cited in the `engines` section of
/// Devices/styles.yaml. A row may name its engine; without one it gets its style's default.
public enum ServingEngine: String, CaseIterable, Codable, Sendable {
    case trtLLM = "trt-llm"
    case vllm
    case jetstream
    case groq

    /// The engine a row of `style` is served with when it names none: TensorRT-LLM on CUDA-style GPUs (NVIDIA's
    /// own tables and MLPerf submissions), JetStream on TPUs, Groq's own stack on LPUs.
    public static func defaultEngine(for style: ExecutionStyle) -> ServingEngine {
        switch style {
        case .xla: return .jetstream
        case .lpu: return .groq
        default: return .trtLLM
        }
    }
}

/// What an engine's KV-cache budget is a fraction of.
public enum KVMemoryBasis: String, CaseIterable, Codable, Sendable {
    /// vLLM's --gpu-memory-utilization: weights, activations and KV cache together within a share of the memory.
    case total
    /// TensorRT-LLM's free_gpu_memory_fraction: the KV cache takes a share of what weights and activations leave.
    case free
}

/// An engine's cited figures: KV-cache block size and the share of memory it gives the cache.
public struct EngineFigures: Equatable, Sendable {
    public var engine: ServingEngine
    /// Tokens per KV-cache block (a sequence holds whole blocks); 1 for an engine without a paged cache.
    public var kvBlockTokens: Int
    /// The share of memory (of `basis`) the engine fills.
    public var memoryFraction: Double
    public var basis: KVMemoryBasis

    /// Bytes of KV cache `capacity` bytes of memory leave beside `resident` bytes of weights and activations.
    public func kvBudget(capacity: Double, resident: Double) -> Double {
        switch basis {
        case .total: return capacity * memoryFraction - resident
        case .free: return (capacity - resident) * memoryFraction
        }
    }

    /// What the engine's memory rule reads as in a hazard ("90% of 2 × 80 GB, paged KV in 64-token blocks").
    public var memoryRule: String {
        let share = String(format: "%.0f%%", memoryFraction * 100)
        return basis == .total ? "\(share) of" : "\(share) of what the weights leave in"
    }
}

extension EngineFigures {
    /// No paging and all of the memory: what an adapter holds until a catalog gives it its engine's figures.
    public static let unpaged = EngineFigures(engine: .trtLLM, kvBlockTokens: 1, memoryFraction: 1, basis: .total)

    /// Reads the `engines` section of styles.yaml: one entry per engine, each figure cited.
    static func loadAll(_ node: SpecNode, ids: Set<String>) throws -> [ServingEngine: EngineFigures] {
        let m = try node.mapping(allowed: ServingEngine.allCases.map(\.rawValue))
        var out: [ServingEngine: EngineFigures] = [:]
        for engine in ServingEngine.allCases {
            let entry = try node.required(m, engine.rawValue)
            let e = try entry.mapping(allowed: ["kv_block_tokens", "memory_fraction", "memory_of"])
            let block = try DeviceProfile.sourced(
                entry.required(e, "kv_block_tokens"), ids: ids, range: (1...65_536, false))
            let fraction = try DeviceProfile.sourced(
                entry.required(e, "memory_fraction"), ids: ids, range: (0...1, true))
            guard block.value == block.value.rounded() else {
                throw e["kv_block_tokens"]!.fail("expected a whole number of tokens, got \(block.value)")
            }
            out[engine] = EngineFigures(
                engine: engine, kvBlockTokens: Int(block.value), memoryFraction: fraction.value,
                basis: try entry.required(e, "memory_of").choice(KVMemoryBasis.self))
        }
        return out
    }
}
