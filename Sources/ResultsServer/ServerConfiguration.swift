import Foundation

/// What `portbench-server` was started with.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Reads and pages need a token too.
    public var isPrivate: Bool
    /// The largest upload body accepted, compressed or not, and the largest a gzip body may inflate to.
    public var maxBodyBytes: Int
    public var maxInflatedBytes: Int
    /// Noise profiles (`<machine kind>.json`) for verdicts between single runs, e.g. the repository's `Baselines/noise`.
    public var noiseFolder: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, isPrivate: Bool = false, maxBodyBytes: Int = 16 << 20,
        maxInflatedBytes: Int = 64 << 20, noiseFolder: String? = nil
    ) {
        self.noiseFolder = noiseFolder
        self.host = host
        self.port = port
        self.isPrivate = isPrivate
        self.maxBodyBytes = maxBodyBytes
        self.maxInflatedBytes = maxInflatedBytes
    }
}
