import Foundation
import PortbenchSchema

/// Nanoseconds from CLOCK_MONOTONIC: the only clock measured times come from.
public enum MonotonicClock {
    @inline(__always) public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Runs `body` and returns its duration in nanoseconds.
    @inline(__always) public static func time(_ body: () -> Void) -> UInt64 {
        let t0 = now()
        body()
        return now() - t0
    }
}

extension RepetitionPolicy {
    /// Warm up, then time each repetition; returns the raw samples in nanoseconds.
    public func sample(_ body: () -> Void, progress: ((Int, UInt64) -> Void)? = nil) -> [UInt64] {
        measure(body, progress: progress).samplesNs
    }

    /// The policy's rule (fixed or adaptive) on CLOCK_MONOTONIC: samples, warm-up count and why it stopped.
    public func measure(_ body: () -> Void, progress: ((Int, UInt64) -> Void)? = nil) -> SamplingOutcome {
        sample(clock: MonotonicClock.now, body, progress: progress)
    }
}
