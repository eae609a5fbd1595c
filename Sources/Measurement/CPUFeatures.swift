import Foundation
import PortbenchSchema

/// The CPU's vendor and the instruction-set flags the kernel enabled (/proc/cpuinfo: what the CPU has and the OS
/// saves, so AVX-512 only where its registers are preserved).
public struct CPUFeatures: Equatable, Sendable {
    public var vendor: String
    public var flags: Set<String>

    public init(vendor: String, flags: Set<String>) {
        self.vendor = vendor
        self.flags = flags
    }

    /// The first processor's `vendor_id` and `flags` lines of a /proc/cpuinfo text.
    public static func parse(cpuinfo text: String) -> CPUFeatures {
        var vendor = "", flags = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty, !flags.isEmpty { break }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "vendor_id" { vendor = parts[1] }
            if parts[0] == "flags" { flags = Set(parts[1].split(separator: " ").map(String.init)) }
        }
        return CPUFeatures(vendor: vendor, flags: flags)
    }

    /// This machine's features (empty where /proc/cpuinfo cannot be read).
    public static func current() -> CPUFeatures {
        parse(cpuinfo: (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
    }

    /// The flags AVX-512 kernels of OpenBLAS's SkylakeX core need (F, CD, BW, DQ, VL).
    public static let avx512Flags: Set<String> = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    public func has(_ needed: Set<String>) -> Bool { needed.isSubset(of: flags) }

    /// The instruction sets this CPU runs fp32 vector code with, narrowest first.
    public var vectorISAs: [VectorISA] {
        var out: [VectorISA] = []
        if has(["sse", "sse2"]) { out.append(.sse) }
        if has(["avx"]) { out.append(.avx) }
        if has(["avx", "avx2", "fma"]) { out.append(.avx2) }
        if has(CPUFeatures.avx512Flags) { out.append(.avx512) }
        return out
    }

    /// The widest of `vectorISAs`.
    public var bestISA: VectorISA? { vectorISAs.last }

    public var isAMD: Bool { vendor == "AuthenticAMD" || vendor == "HygonGenuine" }
}
