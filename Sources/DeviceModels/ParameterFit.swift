import Foundation
import PortbenchSchema
import Workload

/// Fits a style's free parameters to rows of a validation table: the values with the least mean absolute
/// percentage error, found by coordinate search (a grid over each parameter's range, then a golden-section search
/// between the best grid point's neighbours), a few sweeps until no parameter moves. Deterministic.
public struct ParameterFit {
    public let table: ValidationTable
    public let catalog: DeviceCatalog
    let workloads: [String: WorkloadSpec]

    /// Grid points per parameter and golden-section steps after it; sweeps over all parameters at most.
    static let gridPoints = 13
    static let goldenSteps = 12
    static let sweeps = 3

    public init(table: ValidationTable, catalog: DeviceCatalog, workload: (String) throws -> WorkloadSpec) throws {
        self.table = table
        self.catalog = catalog
        var w: [String: WorkloadSpec] = [:]
        for name in Set(table.rows.map(\.workload)) { w[name] = try workload(name) }
        workloads = w
    }

    /// The table's rows of `style` (indices), optionally leaving out one source's.
    public func rows(of style: ExecutionStyle, without source: String? = nil) throws -> [Int] {
        try table.rows.indices.filter { i in
            try catalog.device(table.rows[i].device).style == style && table.rows[i].source != source
        }
    }

    /// MAPE (%) of `rows` with `style`'s parameters set to `values`.
    public func mape(_ style: ExecutionStyle, rows: [Int], values: [String: Double]) throws -> Double {
        ValidationTable.mape(try outcomes(rows, catalog: catalog.overriding(style, values)))[style] ?? 0
    }

    func outcomes(_ rows: [Int], catalog c: DeviceCatalog) throws -> [ValidationOutcome] {
        try rows.map { i in try table.predictRow(i, catalog: c) { name in workloads[name]! }.outcome }
    }

    /// The values of `style`'s free parameters that predict `rows` best, and that MAPE.
    public func fit(_ style: ExecutionStyle, rows: [Int]) throws -> (values: [String: Double], mape: Double) {
        let free = catalog.styles[style]?.free ?? []
        var values = Dictionary(uniqueKeysWithValues: free.map { ($0.key, $0.value) })
        var best = try mape(style, rows: rows, values: values)
        guard !free.isEmpty, !rows.isEmpty else { return (values, best) }
        for _ in 0..<Self.sweeps {
            var moved = false
            for p in free {
                let (v, m) = try search(p, style: style, rows: rows, around: values)
                if m < best - 1e-9 {
                    best = m
                    values[p.key] = v
                    moved = true
                }
            }
            if !moved { break }
        }
        return (values, best)
    }

    /// The best value of one parameter with the others held at `values`.
    func search(_ p: FreeParameter, style: ExecutionStyle, rows: [Int], around values: [String: Double]) throws
        -> (Double, Double)
    {
        func f(_ x: Double) throws -> Double {
            var v = values
            v[p.key] = x
            return try mape(style, rows: rows, values: v)
        }
        let grid = p.grid(Self.gridPoints)
        let scores = try grid.map(f)
        let k = scores.indices.min { scores[$0] < scores[$1] }!
        var (bestX, bestF) = (grid[k], scores[k])
        var a = grid[max(0, k - 1)], b = grid[min(grid.count - 1, k + 1)]
        let ratio = (sqrt(5) - 1) / 2
        for _ in 0..<Self.goldenSteps {
            let x1 = b - ratio * (b - a), x2 = a + ratio * (b - a)
            let (f1, f2) = (try f(x1), try f(x2))
            if f1 < bestF { (bestX, bestF) = (x1, f1) }
            if f2 < bestF { (bestX, bestF) = (x2, f2) }
            if f1 <= f2 { b = x2 } else { a = x1 }
        }
        return (bestX, bestF)
    }

    /// `validate-models --fit`: every style's fit over all its rows.
    public func report() throws -> FitReport {
        var out: [StyleFit] = []
        for style in catalog.registry.styles {
            let rows = try rows(of: style)
            guard !rows.isEmpty else { continue }
            let free = catalog.styles[style]?.free ?? []
            let committed = try mape(style, rows: rows, values: [:])
            let (values, fitted) = try fit(style, rows: rows)
            out.append(
                StyleFit(
                    style: style, rows: rows.count,
                    parameters: free.map {
                        FittedParameter(
                            key: $0.key, committed: $0.value, fitted: values[$0.key]!, lower: $0.lower, upper: $0.upper)
                    }, mapeCommitted: committed, mapeFitted: fitted))
        }
        return FitReport(table: table.file, styles: out)
    }

    /// `validate-models --cross-validate`: per style, each source's rows predicted by a fit without them.
    public func crossValidate() throws -> CrossValidationReport {
        var out: [StyleCrossValidation] = []
        for style in catalog.registry.styles {
            let all = try rows(of: style)
            guard !all.isEmpty else { continue }
            let free = catalog.styles[style]?.free ?? []
            var folds: [SourceFold] = []
            var heldOut: [ValidationOutcome] = []
            for source in orderedSources(all) {
                let training = try rows(of: style, without: source)
                let held = all.filter { table.rows[$0].source == source }
                let values = try fit(style, rows: training).values
                let predicted = try outcomes(held, catalog: catalog.overriding(style, values))
                heldOut += predicted
                folds.append(
                    SourceFold(
                        source: source, rows: held.count, trainingRows: training.count,
                        mape: ValidationTable.mape(predicted)[style] ?? 0, fitted: free.isEmpty ? [:] : values))
            }
            out.append(
                StyleCrossValidation(
                    style: style, freeParameters: free.map(\.key),
                    mapeInSample: try mape(style, rows: all, values: [:]),
                    mapeLeaveOneSourceOut: ValidationTable.mape(heldOut)[style] ?? 0, folds: folds))
        }
        return CrossValidationReport(table: table.file, styles: out)
    }

    /// The sources of `rows`, in the order the table first cites them.
    func orderedSources(_ rows: [Int]) -> [String] {
        var seen = Set<String>()
        return rows.map { table.rows[$0].source }.filter { seen.insert($0).inserted }
    }
}
