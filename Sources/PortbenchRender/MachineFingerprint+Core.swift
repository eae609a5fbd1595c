import Foundation
import PortbenchSchema

extension MachineFingerprint {
    /// ", chosen by portbench" and the like; empty for documents that do not say.
    var coreSourceText: String {
        switch openblas.coreSource {
        case .openblas?: return ", chosen by OpenBLAS"
        case .environment?: return ", from OPENBLAS_CORETYPE"
        case .portbench?: return ", chosen by portbench"
        case .option?: return ", from --openblas-core"
        case nil: return ""
        }
    }

    /// A loud line when the core is not the best this OpenBLAS has for the CPU; nil otherwise.
    var coreFallbackWarning: String? {
        guard openblas.belowBest == true, let best = openblas.bestCore else { return nil }
        return "WARNING: OpenBLAS runs core \(openblas.corename), not \(best), the best it has for this CPU: "
            + "every ceiling and time below is on the slower kernels"
    }
}

extension Calibration {
    /// "AVX-512 231.9, AVX2/FMA 115.3, SSE 30.1 GFLOP/s"; nil without peak rates.
    var peakFlopsText: String? {
        guard let p = peakFlops, !p.isEmpty else { return nil }
        return p.reversed().map { "\($0.isa.label) \(fmt($0.gflops, 1))" }.joined(separator: ", ") + " GFLOP/s"
    }
}
