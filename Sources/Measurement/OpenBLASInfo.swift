import COpenBLAS
import Foundation
import PortbenchSchema

extension OpenBLASInfo {
    public static func current() -> OpenBLASInfo {
        let config = String(cString: openblas_get_config())
        let version = config.split(separator: " ").dropFirst().first.map(String.init) ?? "unknown"
        return OpenBLASInfo(
            config: config.trimmingCharacters(in: .whitespaces), version: version,
            corename: String(cString: openblas_get_corename()), threads: Int(openblas_get_num_threads()))
    }
}
