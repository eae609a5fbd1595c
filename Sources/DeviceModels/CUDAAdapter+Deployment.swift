import Foundation
import PortbenchSchema
import Workload

/// Serving and migration on CUDA-style GPUs: HBM per chip, tensor parallelism in powers of two, no compilation.
extension CUDAAdapter {
    public static func problem(with profile: DeviceProfile) -> String? {
        hbmProblem(with: profile)
    }

    public var capacityPerChip: Double { device.memoryGB!.value * 1e9 }
    public func chipsToHold(_ bytes: Double) -> Int { powerOfTwoChips(toHold: bytes) }
    public var linkLatencySeconds: Double { parameters.linkLatencyMicroseconds.value * 1e-6 }

    /// FlashAttention-style kernels are CUDA code: other styles need their own.
    public func fusedAttentionKernel(_ options: AdapterOptions) -> String? {
        options.fusedAttention ? "the fused (FlashAttention) CUDA kernel" : nil
    }

    public func migrationHazards(
        from source: MigrationEnd, to target: MigrationSide, scenario: Scenario, options: AdapterOptions
    ) -> [String] {
        tensorParallelHazard(from: source, to: target)
    }
}
