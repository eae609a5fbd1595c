import CReadStream
import Foundation
import Kernels
import PortbenchSchema
import Reference
import Workload

extension Calibration {
    /// The same ceilings with the memory bandwidth re-measured now (for a memory-bound case, so the bound and the
    /// case see the same host conditions; shared hosts drift by tens of percent over minutes).
    public func remeasuringBandwidth(bytes: Int = 512 << 20, repetitions: Int = 7) -> Calibration {
        var c = self
        let bw = Calibration.measureReadBandwidth(bytes: bytes, repetitions: repetitions)
        c.memoryReadGigabytesPerSecond = bw.best
        c.memoryReadMedianGigabytesPerSecond = bw.median
        c.memoryBufferBytes = bytes
        return c
    }
    /// The buffer a decode case's bandwidth is re-measured over: its resident bytes, at least 4 MiB (so a pass
    /// takes long enough to time) and at most 1 GiB (far past any cache: the memory itself).
    public static func probeBytes(resident: Double) -> Int {
        let bytes = Int(min(max(resident, Double(4 << 20)), Double(1 << 30)))
        return bytes & ~4095
    }

    /// Measures every shape not already known, the memory bandwidth and the peak fp32 rates (unless already measured).
    public static func measure(
        shapes: [GemmShape], repetitions: Int = 5, reuse: Calibration? = nil,
        progress: ((String) -> Void)? = nil
    ) -> Calibration {
        var rates = reuse?.gemm ?? []
        for shape in shapes where !rates.contains(where: { $0.shape.key == shape.key && $0.shape.count == shape.count })
        {
            progress?("sgemm \(shape.label) ×\(shape.count)")
            rates.append(measureGemm(shape, repetitions: repetitions))
        }
        let peak = { () -> [PeakRate] in
            progress?("peak fp32 rate per instruction set")
            return measurePeakFlops()
        }
        if var reuse, reuse.memoryReadGigabytesPerSecond > 0 {
            reuse.gemm = rates
            if reuse.peakFlops == nil { reuse.peakFlops = peak() }
            return reuse
        }
        progress?("memory read bandwidth")
        let bytes = 1 << 30
        let bw = measureReadBandwidth(bytes: bytes, repetitions: max(9, repetitions))
        var c = Calibration(
            gemm: rates, memoryReadGigabytesPerSecond: bw.best, memoryReadMedianGigabytesPerSecond: bw.median,
            memoryBufferBytes: bytes, repetitions: repetitions)
        c.peakFlops = peak()
        return c
    }
    /// Times `shape.count` sgemm calls of one shape on contiguous operands; fastest of the repetitions.
    public static func measureGemm(_ shape: GemmShape, repetitions: Int) -> GemmRate {
        let a = Tensor(shape: [shape.m, shape.k]), b = Tensor(shape: [shape.n * shape.k]),
            c = Tensor(shape: [shape.m, shape.n])
        a.fillNormal(seed: 1, name: "a", std: 1)
        b.fillNormal(seed: 1, name: "b", std: 1)
        let ldb = shape.transposeB ? shape.k : shape.n
        // The same entry points the executor uses: `GEMM.linear` (sgemv for one row) for weight products.
        let call = {
            for _ in 0..<shape.count {
                if shape.transposeB {
                    GEMM.linear(x: a.data, m: shape.m, k: shape.k, w: b.data, n: shape.n, bias: nil, y: c.data)
                } else {
                    GEMM.strided(
                        m: shape.m, n: shape.n, k: shape.k, alpha: 1, a: a.data, lda: shape.k, b: b.data, ldb: ldb,
                        transposeB: false, c: c.data, ldc: shape.n)
                }
            }
        }
        let samples = RepetitionPolicy(warmup: 2, repetitions: Swift.max(3, repetitions)).sample(call)
        let best = Double(samples.min()!) * 1e-9
        return GemmRate(shape: shape, seconds: best, gflops: shape.flops / best / 1e9)
    }
    /// Streams a buffer of `bytes` with the CPU's widest loads (`CReadStream`) on every core; best and median GB/s over repetitions.
    public static func measureReadBandwidth(bytes: Int, repetitions: Int) -> (best: Double, median: Double) {
        let t = Tensor(shape: [bytes / 4])
        t.fill(1)
        let count = t.count
        var sink: Float = 0
        let pass = {
            let partial = UnsafeMutablePointer<Float>.allocate(capacity: Parallel.cores)
            partial.initialize(repeating: 0, count: Parallel.cores)
            let per = (count / Parallel.cores) & ~63
            DispatchQueue.concurrentPerform(iterations: Parallel.cores) { p in
                let lo = p * per, hi = p == Parallel.cores - 1 ? count : lo + per
                partial[p] = creadstream_sum(t.data + lo, hi - lo)
            }
            for p in 0..<Parallel.cores { sink += partial[p] }
            partial.deallocate()
        }
        let samples = RepetitionPolicy(warmup: 1, repetitions: Swift.max(3, repetitions)).sample(pass)
        precondition(sink.isFinite)
        let stats = SampleStatistics(samples.map { Double($0) * 1e-9 })
        return (Double(bytes) / stats.min / 1e9, Double(bytes) / stats.median / 1e9)
    }
}
