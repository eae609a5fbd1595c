import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

/// One layer graph compiled by XLA through PJRT, with its weights and inputs resident on the device; the caches
/// are donated to each run and replaced by the run's updated caches (the program aliases them).
public final class XLALayerRunner {
    public let graph: LayerGraph
    public let precision: ProgramPrecision
    public let program: String
    public let compileSeconds: Double
    let client: PJRTClient
    let executable: PJRTExecutable
    var arguments: [PJRTBuffer] = []
    /// Where the caches sit among the arguments, in `StableHLOEmitter.caches` order (the program's results 1…).
    let cacheArguments: [Int]

    /// Emits, compiles (timed) and uploads weights plus the executor's current input and caches.
    public init(
        client: PJRTClient, graph: LayerGraph, precision: ProgramPrecision, weights: WeightStore,
        inputs: (String) -> Tensor
    ) throws {
        self.client = client
        self.graph = graph
        self.precision = precision
        let emitter = StableHLOEmitter(graph: graph, precision: precision)
        program = emitter.emit()
        let t0 = DispatchTime.now().uptimeNanoseconds
        executable = try client.compile(mlir: program)
        compileSeconds = Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9
        let parameters = emitter.parameters
        cacheArguments = StableHLOEmitter.caches.map { parameters.firstIndex(of: $0)! }
        arguments = try parameters.map { name in
            if StableHLOEmitter.caches.contains(name) {
                return try client.upload(StableHLOEmitter.deviceCache(name, inputs(name)))
            }
            return try client.upload(weights[name] ?? inputs(name))
        }
    }

    /// Runs once, waiting for completion (what the timer measures); the run's caches become the next run's.
    public func run() throws -> PJRTBuffer {
        let results = try executable.execute(arguments)
        for (i, argument) in cacheArguments.enumerated() { arguments[argument] = results[i + 1] }
        return results[0]
    }

    /// Warm-up runs, then `repetitions` timed runs (each waits for completion); nanoseconds per run.
    public func time(warmup: Int, repetitions: Int) throws -> [UInt64] {
        for _ in 0..<warmup { _ = try run() }
        return try (0..<repetitions).map { _ in
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try run()
            return DispatchTime.now().uptimeNanoseconds - t0
        }
    }

    /// Runs once and copies the output back.
    public func output() throws -> Tensor {
        let t = Tensor(shape: graph.value(LayerGraph.outputName)!.shape)
        try run().read(into: t)
        return t
    }

    /// What XLA made of the program: fusion count and the optimized program's size.
    public func compiledSummary() throws -> CompiledSummary {
        let p = try executable.optimizedProgram()
        return CompiledSummary(format: p.format, bytes: p.code.count, fusions: CompiledSummary.countFusions(p.code))
    }
}

/// Facts read from XLA's optimized program.
public struct CompiledSummary: Codable, Equatable, Sendable {
    public var format: String
    public var bytes: Int
    public var fusions: Int

    /// Distinct fused computations named in the program (HLO text or a serialized HloModuleProto alike).
    static func countFusions(_ code: [UInt8]) -> Int {
        let text = String(decoding: code, as: UTF8.self)
        var names = Set<String>()
        let pattern = try! NSRegularExpression(pattern: "fused_computation[A-Za-z0-9_.]*")
        for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            names.insert(String(text[Range(m.range, in: text)!]))
        }
        return names.count
    }
}
