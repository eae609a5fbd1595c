import DeviceModels
import Foundation
import PortbenchRender
import PortbenchSchema
import Workload

/// `portbench cost`: the workload, the query shape, the per-query constraint and the output.
public struct CostRequest: Sendable {
    public var workload = ""
    public var inputLen = 1024
    public var outputLen = 1024
    /// Output tokens per second each query must see (sets the largest time per output token).
    public var minTokensPerSecond: Double?
    /// The largest time per output token, in milliseconds.
    public var maxTpotMilliseconds: Double?
    public var relativeTo: String? = "h100-sxm"
    public var format = "table"
    public var paths = SpecPaths()

    public init() {}

    /// The stricter of the two constraints, in seconds per output token (30 tokens/s per query when neither is given).
    func maxTpotSeconds() throws -> Double {
        if let s = minTokensPerSecond, !(s > 0 && s <= 1e6) {
            throw UsageError("--min-tokens-per-second: expected a rate above 0, got \(s)")
        }
        if let t = maxTpotMilliseconds, !(t > 0 && t <= 1e6) {
            throw UsageError("--max-tpot-ms: expected a time above 0 ms, got \(t)")
        }
        try checkQueryLengths(input: inputLen, output: outputLen)
        let limits = [minTokensPerSecond.map { 1 / $0 }, maxTpotMilliseconds.map { $0 / 1e3 }].compactMap { $0 }
        return limits.min() ?? 1 / 30
    }
}

extension Commands {
    /// The cheapest modelled way each priced device serves the workload under the per-query constraint.
    public static func cost(_ r: CostRequest) throws -> CommandOutput {
        let f = try format(r.format, allowed: [.table, .json])
        let limit = try r.maxTpotSeconds()
        let catalog = try r.paths.catalog()
        let w = try r.paths.workload(r.workload)
        guard w.model != nil else {
            throw SpecError(
                file: w.file ?? w.name, path: "model", message: "cost needs a 'model' block (layers, vocab)")
        }
        let reference = try r.relativeTo.map { try catalog.device($0).name }
        var planner = CostPlanner(catalog: catalog, workload: w, maxTpotSeconds: limit)
        planner.inputLen = r.inputLen
        planner.outputLen = r.outputLen
        let report = try planner.report()
        return CommandOutput(f == .json ? try OutputFormat.json(report) : report.renderTable(relativeTo: reference))
    }
}

/// `--input` and `--output` of the serving commands: token counts within the spec limits.
func checkQueryLengths(input: Int, output: Int) throws {
    for (flag, n) in [("--input", input), ("--output", output)] where !SpecLimits.tokens.contains(n) {
        throw UsageError(
            "\(flag): expected \(SpecLimits.tokens.lowerBound)...\(SpecLimits.tokens.upperBound), got \(n)")
    }
}
