import DeviceModels
import Foundation
import PortbenchSchema
import Workload

extension ResultDocument {
    /// Records each device's prediction on the first case of every workload and scenario of the run, and what the
    /// device models read, so a comparison can show a prediction that moved and name the input that moved it.
    public mutating func recordModelled(
        suite: Suite, devices: [DeviceProfile], catalog: DeviceCatalog, options: AdapterOptions = AdapterOptions()
    ) {
        guard !devices.isEmpty else { return }
        var graphs: [String: LayerGraph] = [:]
        for entry in suite.entries {
            for s in entry.scenarios {
                graphs["\(entry.workload.name)/\(s.name)"] = LayerGraph.lower(entry.workload.config, s)
            }
        }
        var done = Set<String>()
        for i in cases.indices {
            let key = "\(cases[i].workload)/\(cases[i].scenario)"
            guard let graph = graphs[key], done.insert(key).inserted else { continue }
            cases[i].modelled = devices.map { catalog.modelledFigure(graph, on: $0, options: options) }
        }
        modelledDevices = devices.map(catalog.modelInputs)
    }
}
