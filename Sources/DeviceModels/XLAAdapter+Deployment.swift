import Foundation
import PortbenchSchema
import Workload

/// Serving and migration on TPU/XLA-style chips: HBM per chip, a compiled program per shape, lengths bucketed.
extension XLAAdapter {
    public static func problem(with profile: DeviceProfile) -> String? {
        hbmProblem(with: profile)
    }

    public var capacityPerChip: Double { device.memoryGB!.value * 1e9 }
    public func chipsToHold(_ bytes: Double) -> Int { powerOfTwoChips(toHold: bytes) }
    public var linkLatencySeconds: Double { parameters.linkLatencyMicroseconds.value * 1e-6 }

    /// The program's fixed overhead, paid once per step.
    public func stepOverheadSeconds(activationBytes: Double, pipelineStages: Int) -> Double {
        parameters.stepOverheadMicroseconds.value * 1e-6
    }

    /// Compile time for one program of `ops` ops (modelled; see Devices/styles.yaml).
    public func compileSeconds(ops: Int) -> Double? {
        parameters.compileSecondsBase.value + parameters.compileSecondsPerOp.value * Double(ops)
    }

    public func bucketsLengths(_ options: AdapterOptions) -> Bool { options.bucketing }

    public func migrationHazards(
        from source: MigrationEnd, to target: MigrationSide, scenario: Scenario, options: AdapterOptions
    ) -> [String] {
        var out = fusedAttentionHazard(
            from: source, options: options, replacement: "a Pallas (splash) attention kernel")
        if scenario.lengths.count > 1 {
            let v = target.variance
            out.append(
                "dynamic sequence lengths: \(v.distinctShapes) compiled shape(s), \(String(format: "%.1f", v.recompilationsPer1000)) "
                    + "compilation(s) per 1,000 requests\(options.bucketing ? " with power-of-two bucketing" : " without bucketing")"
            )
        }
        return out + tensorParallelHazard(from: source, to: target)
    }
}
