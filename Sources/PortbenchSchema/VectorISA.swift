import Foundation

/// The widest fp32 vector instruction set a kernel uses, in order of width: SSE (128-bit, separate multiply and
/// add), AVX (256-bit, no FMA), AVX2 with FMA (256-bit), AVX-512 (512-bit FMA).
public enum VectorISA: String, Codable, CaseIterable, Comparable, Equatable, Sendable {
    case sse
    case avx
    case avx2
    case avx512

    public static func < (a: VectorISA, b: VectorISA) -> Bool { a.rank < b.rank }
    var rank: Int { VectorISA.allCases.firstIndex(of: self)! }

    /// The name people use ("AVX-512", "AVX2/FMA").
    public var label: String {
        switch self {
        case .sse: return "SSE"
        case .avx: return "AVX"
        case .avx2: return "AVX2/FMA"
        case .avx512: return "AVX-512"
        }
    }
}
