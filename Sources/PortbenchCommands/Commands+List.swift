import Foundation
import PortbenchRender
import PortbenchSchema
import Workload

extension Commands {
    /// Every workload with its scenarios, FLOPs and weight bytes, then the whole-model serving scenarios.
    public static func list(_ paths: SpecPaths) throws -> CommandOutput {
        let workloads = try paths.locator.allWorkloads()
        var table = TextTable(header: [
            "workload", "kind", "params", "scenario", "phase", "batch", "seq", "context", "GFLOP", "weights MB",
        ])
        for w in workloads {
            for s in w.scenarios {
                let cost = LayerGraph.lower(w.config, s).totalCost
                table.rows.append([
                    w.name, w.config.kind.rawValue, fmt(Double(w.config.parameterCount) / 1e6, 1) + " M",
                    s.name, s.phase.rawValue, "\(s.batch)", "\(s.seq)", "\(s.context)",
                    fmt(cost.flops / 1e9, 3), fmt(cost.weightBytes / 1e6, 1),
                ])
            }
        }
        var serve = TextTable(header: ["workload", "layers", "vocab", "serve scenario", "batch", "input", "output"])
        for w in workloads {
            guard let m = w.model else { continue }
            for s in w.serve {
                serve.rows.append([
                    w.name, "\(m.layers)", "\(m.vocab)", s.name, "\(s.batch)", "\(s.inputLen)", "\(s.outputLen)",
                ])
            }
        }
        var text = table.render()
        if !serve.rows.isEmpty {
            text +=
                "\n\nwhole-model serving scenarios (device-model predictions: portbench predict):\n" + serve.render()
        }
        return CommandOutput(text)
    }

    /// Checks workload and suite files; every problem goes to `note`, and any problem makes the status 2.
    public static func validate(_ files: [String], paths: SpecPaths, note: Note) -> CommandOutput {
        var lines: [String] = []
        var failed = 0
        for file in files {
            do {
                let url = URL(fileURLWithPath: file)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw SpecError(file: file, path: "", message: "no such file")
                }
                if try paths.locator.isSuite(url) {
                    let s = try Suite.load(url: url)
                    lines.append(
                        "ok  \(file): suite '\(s.name)', \(s.entries.count) workloads, \(s.entries.map(\.scenarios.count).reduce(0, +)) scenarios"
                    )
                } else {
                    let w = try WorkloadSpec.load(url: url)
                    lines.append(
                        "ok  \(file): workload '\(w.name)', \(w.config.kind.rawValue), \(w.scenarios.count) scenarios")
                }
            } catch {
                failed += 1
                note("error: \(error)")
            }
        }
        return CommandOutput(lines.joined(separator: "\n"), status: failed > 0 ? .badInput : .success)
    }
}
