import ArgumentParser
import Foundation
import Workload

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List workloads, their scenarios and FLOPs per scenario.")
    @OptionGroup var specs: SpecOptions

    func run() throws {
        try guarded {
            var table = TextTable(header: ["workload", "kind", "params", "scenario", "phase", "batch", "seq", "context", "GFLOP", "weights MB"])
            for w in try specs.locator.allWorkloads() {
                for s in w.scenarios {
                    let g = LayerGraph.lower(w.config, s)
                    let cost = g.totalCost
                    table.rows.append([w.name, w.config.kind.rawValue, fmt(Double(w.config.parameterCount) / 1e6, 1) + " M",
                                       s.name, s.phase.rawValue, "\(s.batch)", "\(s.seq)", "\(s.context)",
                                       fmt(cost.flops / 1e9, 3), fmt(cost.weightBytes / 1e6, 1)])
                }
            }
            print(table.render())
        }
    }
}
