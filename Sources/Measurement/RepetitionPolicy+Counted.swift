import Foundation
import PortbenchSchema

extension RepetitionPolicy {
    /// The fixed policy with each timed repetition counted: `warmup` uncounted runs, then `repetitions` runs each
    /// inside `region` (begun after the clock's first read, ended before its second), dumped as `label(rep)`.
    /// Instruments count a fixed number of runs; adaptive policies are refused before any work.
    public func sampleCounted(
        region: CallgrindRegion, label: (Int) -> String, _ body: () -> Void,
        progress: ((Int, UInt64) -> Void)? = nil
    ) -> SamplingOutcome {
        precondition(!isAdaptive, "counted sampling needs a fixed policy")
        for _ in 0..<warmup { body() }
        var samples: [UInt64] = []
        samples.reserveCapacity(repetitions)
        for r in 1...repetitions {
            let t0 = MonotonicClock.now()
            region.begin()
            body()
            region.end(label: label(r))
            let t = MonotonicClock.now() - t0
            samples.append(t)
            progress?(r, t)
        }
        return SamplingOutcome(samplesNs: samples, warmupCount: warmup, stopReason: .fixed)
    }
}
