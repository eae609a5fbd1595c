import COpenBLAS
import Foundation

/// What OpenBLAS reports about itself: the build, the kernel it picked and its thread count.
public struct OpenBLASInfo: Codable, Equatable, Sendable {
    public var config: String
    public var version: String
    public var corename: String
    public var threads: Int

    public static func current() -> OpenBLASInfo {
        let config = String(cString: openblas_get_config())
        let version = config.split(separator: " ").dropFirst().first.map(String.init) ?? "unknown"
        return OpenBLASInfo(config: config.trimmingCharacters(in: .whitespaces), version: version,
                            corename: String(cString: openblas_get_corename()), threads: Int(openblas_get_num_threads()))
    }
}
