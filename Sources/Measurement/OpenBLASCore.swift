import Foundation
import PortbenchSchema

/// One core (kernel set) a DYNAMIC_ARCH OpenBLAS can be told to use with `OPENBLAS_CORETYPE`: the name
/// `openblas_get_corename` reports, the widest instruction set its kernels use, and the CPU flags they need.
public struct OpenBLASCore: Equatable, Sendable {
    public var name: String
    public var isa: VectorISA
    public var needs: Set<String>

    public init(name: String, isa: VectorISA, needs: Set<String>) {
        self.name = name
        self.isa = isa
        self.needs = needs
    }

    /// The names OpenBLAS 0.3.21 accepts and reports (Katmai, Coppermine, Northwood, Banias and Athlon are taken as
    /// Prescott; SapphireRapids is not accepted before 0.3.22). Flags as /proc/cpuinfo spells them (`pni` is SSE3).
    public static let known: [OpenBLASCore] = [
        .init(name: "Prescott", isa: .sse, needs: ["sse2", "pni"]),
        .init(name: "Opteron", isa: .sse, needs: ["sse2"]),
        .init(name: "Opteron_SSE3", isa: .sse, needs: ["sse2", "pni"]),
        .init(name: "Atom", isa: .sse, needs: ["pni", "ssse3"]),
        .init(name: "Core2", isa: .sse, needs: ["pni", "ssse3"]),
        .init(name: "Nano", isa: .sse, needs: ["pni", "ssse3"]),
        .init(name: "Penryn", isa: .sse, needs: ["ssse3", "sse4_1"]),
        .init(name: "Dunnington", isa: .sse, needs: ["ssse3", "sse4_1"]),
        .init(name: "Nehalem", isa: .sse, needs: ["ssse3", "sse4_1", "sse4_2"]),
        .init(name: "Barcelona", isa: .sse, needs: ["pni", "sse4a"]),
        .init(name: "Bobcat", isa: .sse, needs: ["ssse3", "sse4a"]),
        .init(name: "Sandybridge", isa: .avx, needs: ["avx"]),
        .init(name: "Bulldozer", isa: .avx, needs: ["avx", "fma4"]),
        .init(name: "Piledriver", isa: .avx2, needs: ["avx", "fma", "fma4"]),
        .init(name: "Steamroller", isa: .avx2, needs: ["avx", "fma", "fma4"]),
        .init(name: "Excavator", isa: .avx2, needs: ["avx", "avx2", "fma", "fma4"]),
        .init(name: "Haswell", isa: .avx2, needs: ["avx", "avx2", "fma"]),
        .init(name: "Zen", isa: .avx2, needs: ["avx", "avx2", "fma"]),
        .init(name: "SkylakeX", isa: .avx512, needs: CPUFeatures.avx512Flags),
        .init(name: "Cooperlake", isa: .avx512, needs: CPUFeatures.avx512Flags.union(["avx512_bf16"])),
    ]

    /// The core with this name (any case, or one of OpenBLAS's aliases for Prescott); nil for a name it lacks.
    public static func named(_ name: String) -> OpenBLASCore? {
        let lower = name.lowercased()
        if ["katmai", "coppermine", "northwood", "banias", "athlon"].contains(lower) { return named("Prescott") }
        return known.first { $0.name.lowercased() == lower }
    }

    /// The cores worth trying on a CPU with these features, best first: the AVX-512 cores (Cooperlake only with
    /// BF16), then AVX2 (Zen on AMD, Haswell elsewhere), then AVX (Sandybridge), then Nehalem and Prescott.
    public static func ranked(for cpu: CPUFeatures) -> [OpenBLASCore] {
        let order = ["Cooperlake", "SkylakeX", cpu.isAMD ? "Zen" : "Haswell", "Sandybridge", "Nehalem", "Prescott"]
        return order.compactMap(named).filter { cpu.has($0.needs) }
    }

    /// The best core this OpenBLAS has for the CPU; nil where it has none (no SSE3, or flags unreadable).
    public static func best(for cpu: CPUFeatures) -> OpenBLASCore? { ranked(for: cpu).first }
}
