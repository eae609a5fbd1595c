import Foundation

/// Where the uploader reads time and waits: the system's monotonic clock in use, a virtual one in tests.
public protocol UploadClock: Sendable {
    /// Seconds on a monotonic scale (only differences mean anything).
    func now() -> Double
    func sleep(_ seconds: Double)
}

/// The monotonic system clock and real sleeps.
public struct SystemClock: UploadClock {
    public init() {}

    public func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    public func sleep(_ seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
}
