import ArgumentParser
import DeviceModels
import Foundation
import PortbenchSchema

struct ValidateModels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-models",
        abstract: "Predict a table of published (or your own) results and report each error and the MAPE per style.")
    @OptionGroup var specs: SpecOptions
    @Option(help: "Validation table (format: Validation/README.md).") var table: String = "Validation/published.yaml"

    func run() throws {
        try guarded {
            let catalog = try specs.catalog()
            let t = try ValidationTable.load(url: URL(fileURLWithPath: table))
            let outcomes = try t.validate(catalog: catalog) { try specs.workload($0) }
            var out = TextTable(header: ["row", "style", "device×chips", "precision", "metric", "published", "modelled", "error %"])
            for o in outcomes {
                out.rows.append([o.row.id, o.style.rawValue, "\(o.row.device)×\(o.row.chips)", o.row.precision.rawValue, o.row.metric.rawValue,
                                 fmt(o.row.value, 1), fmt(o.predicted, 1), String(format: "%+.1f", o.error * 100)])
            }
            print(out.render())
            print("")
            let byStyle = ValidationTable.mape(outcomes)
            for style in catalog.registry.styles.sorted(by: { $0.rawValue < $1.rawValue }) {
                guard let mape = byStyle[style] else { continue }
                let n = outcomes.filter { $0.style == style }.count
                print("MAPE \(style.rawValue): \(fmt(mape, 1))% over \(n) row(s)")
            }
        }
    }
}
