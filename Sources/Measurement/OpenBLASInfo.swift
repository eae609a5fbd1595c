import COpenBLAS
import Foundation
import PortbenchSchema

extension OpenBLASInfo {
    /// The build, the core loaded, who chose it (`OpenBLASCoreChoice.source`) and the best core for this CPU.
    public static func current() -> OpenBLASInfo {
        let config = String(cString: openblas_get_config())
        let version = config.split(separator: " ").dropFirst().first.map(String.init) ?? "unknown"
        var info = OpenBLASInfo(
            config: config.trimmingCharacters(in: .whitespaces), version: version,
            corename: String(cString: openblas_get_corename()), threads: Int(openblas_get_num_threads()))
        info.coreSource = OpenBLASCoreChoice.source(environment: ProcessInfo.processInfo.environment)
        let best = OpenBLASCore.best(for: .current())
        info.bestCore = best?.name
        if let best, let running = OpenBLASCore.named(info.corename) { info.belowBest = running.isa < best.isa }
        return info
    }
}
