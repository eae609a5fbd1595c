import Foundation

/// The number format an emitted program computes in. bf16 rounds GEMM operands and stored activations to bf16
/// (products accumulate in fp32), as a bf16 model runs under XLA.
public enum ProgramPrecision: String, CaseIterable, Codable, Sendable {
    case fp32, bf16
}
