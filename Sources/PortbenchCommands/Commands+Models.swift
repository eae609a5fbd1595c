import DeviceModels
import Foundation
import PortbenchRender
import PortbenchSchema

extension Commands {
    /// What `validate-models` reports besides the table of errors.
    public enum ValidationMode: Equatable, Sendable {
        case errors
        case explain(String)
        /// Fit every style's free parameters to the table.
        case fit
        /// Leave-one-source-out error per style.
        case crossValidate
    }

    /// Predicts a table of published results and reports each error and the MAPE per style (`format`: table or
    /// json); or why one row's prediction is what it is; or the fit of the free parameters; or cross-validation.
    public static func validateModels(
        table: String, format text: String = "table", mode: ValidationMode = .errors, paths: SpecPaths
    ) throws -> CommandOutput {
        // html is the table of errors as a page with a chart; everything else prints a table or JSON.
        let html = text == "html"
        if html, mode != .errors {
            throw UsageError(
                "--format html draws the table of errors; --explain, --fit and --cross-validate print table or json")
        }
        let f = html ? .table : try format(text, allowed: [.table, .json], extra: ["html"])
        let catalog = try paths.catalog()
        let t = try ValidationTable.load(url: URL(fileURLWithPath: table))
        switch mode {
        case .fit:
            let r = try ParameterFit(table: t, catalog: catalog) { try paths.workload($0) }.report()
            return CommandOutput(f == .json ? try OutputFormat.json(r) : r.renderTable())
        case .crossValidate:
            let r = try ParameterFit(table: t, catalog: catalog) { try paths.workload($0) }.crossValidate()
            return CommandOutput(f == .json ? try OutputFormat.json(r) : r.renderTable())
        case .explain(let id):
            let e = try t.explain(id, catalog: catalog) { try paths.workload($0) }
            return CommandOutput(f == .json ? try OutputFormat.json(e) : e.renderText())
        case .errors: break
        }
        let outcomes = try t.validate(catalog: catalog) { try paths.workload($0) }
        let report = ValidationTable.report(table: table, outcomes)
        if html { return CommandOutput(report.renderHTML()) }
        return CommandOutput(f == .json ? try OutputFormat.json(report) : report.renderTable())
    }

    /// Device profiles, and with `sources` every figure and style parameter with its citation.
    public static func devices(sources: Bool, paths: SpecPaths) throws -> CommandOutput {
        let catalog = try paths.catalog()
        var t = TextTable(header: [
            "device", "style", "bf16 TF", "fp8 TF", "memory GB", "memory GB/s", "SRAM MB", "link GB/s", "MXU", "W",
            "$/chip-h",
        ])
        for d in catalog.devices {
            t.rows.append([
                d.name, d.style.rawValue, d.peakTFLOPS["bf16"].map { fmt($0.value, 1) } ?? "-",
                d.peakTFLOPS["fp8"].map { fmt($0.value, 1) } ?? "-", d.memoryGB.map { fmt($0.value, 0) } ?? "-",
                d.memoryGBps.map { fmt($0.value, 0) } ?? "-", fmt(d.sramMB.value, 0), fmt(d.interconnectGBps.value, 0),
                fmt(d.matrixUnit.value, 0), fmt(d.powerW.value, 0),
                d.pricePerChipHour.map { fmt($0.value, 2) } ?? "n/a",
            ])
        }
        var lines = [t.render()]
        guard sources else {
            return CommandOutput(
                (lines + ["", "(--sources prints each figure with its citation)"]).joined(separator: "\n"))
        }
        for d in catalog.devices {
            lines.append("\n\(d.name) — \(d.display) (\(d.file))")
            let byId = Dictionary(uniqueKeysWithValues: d.citations.map { ($0.id, $0) })
            for f in d.figures {
                let c = byId[f.value.source]!
                lines.append("  \(f.field) = \(f.value.value)   [\(c.id)] \(c.url) (\(c.date)) \(c.note)")
            }
        }
        for style in catalog.registry.styles.sorted(by: { $0.rawValue < $1.rawValue }) {
            let section = catalog.styles[style]!
            lines.append("\nstyle \(style.rawValue) parameters (Devices/styles.yaml)")
            let byId = Dictionary(uniqueKeysWithValues: section.citations.map { ($0.id, $0) })
            for (k, v) in section.figures.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(k) = \(v.value)   [\(v.source)] \(byId[v.source]!.note)")
            }
        }
        return CommandOutput(lines.joined(separator: "\n"))
    }
}
