import Foundation
import PortbenchSchema
import Workload

extension DeviceCatalog {
    /// A suite's `modelled_devices`, resolved before any work; an unknown name is an error naming the suite file.
    public func modelledDevices(_ names: [String], suiteFile: String) throws -> [DeviceProfile] {
        try names.enumerated().map { i, name in
            do {
                return try device(name)
            } catch let e as SpecError {
                throw SpecError(file: suiteFile, path: "modelled_devices[\(i)]", message: e.message)
            }
        }
    }

    /// One device model's prediction for a layer graph (modelled).
    public func modelledFigure(_ graph: LayerGraph, on d: DeviceProfile, options: AdapterOptions) -> ModelledFigure {
        let plan = makeAdapter(for: d, catalog: self).lower(graph, options: options)
        return ModelledFigure(
            device: d.name, style: d.style, precision: plan.precision.rawValue, seconds: plan.seconds,
            tokensPerSecond: Double(graph.scenario.tokens) / plan.seconds, hbmBytes: plan.bytes,
            launches: plan.launches)
    }

    /// Everything a device's predictions are computed from: its profile's figures and its style's parameters.
    public func modelInputs(_ d: DeviceProfile) -> ModelledDevice {
        var inputs: [String: Double] = [:]
        for f in d.figures { inputs["profile.\(f.field)"] = f.value.value }
        for f in styles[d.style]?.figures ?? [] { inputs["\(d.style.rawValue).\(f.key)"] = f.value.value }
        return ModelledDevice(name: d.name, style: d.style, inputs: inputs)
    }
}
