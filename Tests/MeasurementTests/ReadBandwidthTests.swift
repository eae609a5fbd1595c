import CReadStream
import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import Measurement
@testable import Workload

/// The memory-bandwidth probe: its read loop sums exactly what a float64 loop sums (tails included), decode
/// cases are judged over their resident bytes, and the case's ceiling records the buffer it was measured over.
final class ReadBandwidthTests: XCTestCase {
    func testReadLoopSumsEveryFloatIncludingTheTail() {
        for n in [0, 1, 15, 63, 64, 65, 1000, 4099] {
            let values = (0..<n).map { Float(($0 * 7) % 11) - 5 }
            let sum = values.withUnsafeBufferPointer { creadstream_sum($0.baseAddress, n) }
            XCTAssertEqual(Double(sum), values.reduce(0.0) { $0 + Double($1) }, accuracy: 1e-3, "n = \(n)")
        }
        XCTAssertTrue(["avx512", "avx", "sse", "scalar"].contains(String(cString: creadstream_isa())))
    }

    func testProbeBufferIsTheResidentBytesWithinBounds() {
        XCTAssertEqual(Calibration.probeBytes(resident: 100), 4 << 20)
        XCTAssertEqual(Calibration.probeBytes(resident: 34_639_872), 34_639_872)
        XCTAssertEqual(Calibration.probeBytes(resident: 5e9), 1 << 30)
        XCTAssertEqual(Calibration.probeBytes(resident: 10_000_001) % 4096, 0)
    }

    func testResidentBytesAreWeightsAndCaches() throws {
        let w = try Repo.workload("tiny-llama")
        let decode = try XCTUnwrap(w.scenarios.first { $0.phase == .decode })
        let g = LayerGraph.lower(w.config, decode)
        let caches = [LayerGraph.keyCacheName, LayerGraph.valueCacheName].map {
            Double(g.value($0)!.shape.reduce(1, *)) * 4
        }
        XCTAssertGreaterThan(caches[0], 0)
        XCTAssertEqual(g.residentBytes, g.weightBytes + caches[0] + caches[1])
    }

    func testCeilingRecordsTheBandwidthBuffer() throws {
        let w = try Repo.workload("tiny-llama")
        let g = LayerGraph.lower(w.config, try XCTUnwrap(w.scenarios.first { $0.phase == .decode }))
        let rates = g.gemmShapes.map { Calibration.GemmRate(shape: $0, seconds: 1e-6, gflops: $0.flops / 1e3) }
        let cal = Calibration(
            gemm: rates, memoryReadGigabytesPerSecond: 1, memoryReadMedianGigabytesPerSecond: 1,
            memoryBufferBytes: 1 << 30, repetitions: 3
        ).remeasuringBandwidth(bytes: 8 << 20, repetitions: 3)
        let c = Ceiling(graph: g, calibration: cal)
        XCTAssertEqual(c.memoryBufferBytes, 8 << 20)
        XCTAssertGreaterThan(c.memoryBandwidthGigabytesPerSecond ?? 0, 0)
    }
}
