import ArgumentParser
import DeviceModels
import Foundation
import PortbenchSchema

struct Devices: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List device profiles with every figure and its public source.")
    @OptionGroup var specs: SpecOptions
    @Flag(help: "Print every sourced figure, not just the summary.") var sources = false

    func run() throws {
        try guarded {
            let catalog = try specs.catalog()
            var t = TextTable(header: ["device", "style", "bf16 TF", "fp8 TF", "memory GB", "memory GB/s", "SRAM MB", "link GB/s", "MXU", "W", "$/chip-h"])
            for d in catalog.devices {
                t.rows.append([d.name, d.style.rawValue, d.peakTFLOPS["bf16"].map { fmt($0.value, 1) } ?? "-",
                               d.peakTFLOPS["fp8"].map { fmt($0.value, 1) } ?? "-", d.memoryGB.map { fmt($0.value, 0) } ?? "-",
                               d.memoryGBps.map { fmt($0.value, 0) } ?? "-", fmt(d.sramMB.value, 0), fmt(d.interconnectGBps.value, 0),
                               fmt(d.matrixUnit.value, 0), fmt(d.powerW.value, 0), d.pricePerChipHour.map { fmt($0.value, 2) } ?? "n/a"])
            }
            print(t.render())
            guard sources else {
                print("\n(--sources prints each figure with its citation)")
                return
            }
            for d in catalog.devices {
                print("\n\(d.name) — \(d.display) (\(d.file))")
                let byId = Dictionary(uniqueKeysWithValues: d.citations.map { ($0.id, $0) })
                for f in d.figures {
                    let c = byId[f.value.source]!
                    print("  \(f.field) = \(f.value.value)   [\(c.id)] \(c.url) (\(c.date)) \(c.note)")
                }
            }
            for style in catalog.registry.styles.sorted(by: { $0.rawValue < $1.rawValue }) {
                let section = catalog.styles[style]!
                print("\nstyle \(style.rawValue) parameters (Devices/styles.yaml)")
                let byId = Dictionary(uniqueKeysWithValues: section.citations.map { ($0.id, $0) })
                for (k, v) in section.figures.sorted(by: { $0.key < $1.key }) {
                    print("  \(k) = \(v.value)   [\(v.source)] \(byId[v.source]!.note)")
                }
            }
        }
    }
}
