import ArgumentParser
import Foundation
import PortbenchRender
import PortbenchSchema
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
            var serve = TextTable(header: ["workload", "layers", "vocab", "serve scenario", "batch", "input", "output"])
            for w in try specs.locator.allWorkloads() {
                guard let m = w.model else { continue }
                for s in w.serve {
                    serve.rows.append([w.name, "\(m.layers)", "\(m.vocab)", s.name, "\(s.batch)", "\(s.inputLen)", "\(s.outputLen)"])
                }
            }
            if !serve.rows.isEmpty { print("\nwhole-model serving scenarios (device-model predictions: portbench predict):\n" + serve.render()) }
        }
    }
}
