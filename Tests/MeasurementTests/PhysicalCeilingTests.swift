import Foundation
import PortbenchSchema
import XCTest

@testable import Measurement

/// Peak fp32 rates per instruction set, the physical roofline of a case, and the diagnosis of a case near its
/// OpenBLAS ceiling yet far below the physical one.
final class PhysicalCeilingTests: XCTestCase {
    func testPeakRatesForEveryInstructionSetTheCPUHas() {
        let isas = CPUFeatures.current().vectorISAs
        let rates = Calibration.measurePeakFlops(repetitions: 1, seconds: 0.01)
        XCTAssertEqual(rates.map(\.isa), isas)
        for r in rates {
            XCTAssertTrue(r.gflops.isFinite && r.gflops > 0, "\(r.isa): \(r.gflops)")
            XCTAssertEqual(r.threads, ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    func ceiling(computeSeconds: Double, memorySeconds: Double, peak: Double?) -> Ceiling {
        var c = Ceiling(
            bound: computeSeconds >= memorySeconds ? .compute : .memory, computeSeconds: computeSeconds,
            memorySeconds: memorySeconds, gemmFlops: 100e9)
        if let peak {
            c.peakGigaflopsPerSecond = peak
            c.physicalComputeSeconds = 100e9 / (peak * 1e9)
        }
        return c
    }

    func testPhysicalRooflineIsTheLargerSide() {
        let c = ceiling(computeSeconds: 2, memorySeconds: 0.1, peak: 200)
        XCTAssertEqual(c.physicalComputeSeconds!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(c.physicalSeconds!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(c.physicalBound, .compute)
        let memory = ceiling(computeSeconds: 2, memorySeconds: 1, peak: 200)
        XCTAssertEqual(memory.physicalBound, .memory)
        XCTAssertNil(ceiling(computeSeconds: 2, memorySeconds: 1, peak: nil).physicalSeconds)
    }

    func testDiagnosisNamesTheLikelyCauses() {
        let c = ceiling(computeSeconds: 2, memorySeconds: 0.1, peak: 200)  // physical 0.5 s
        let diagnose = { (median: Double, core: String, threads: Int) in
            PhysicalGapCause.diagnose(
                ceiling: c, medianSeconds: median, corename: core, threads: threads, cores: 2, bestISA: .avx512)
        }
        XCTAssertEqual(diagnose(2.2, "Prescott", 2), [.blasCore], "91% of its ceiling, 23% of physical")
        XCTAssertEqual(diagnose(2.2, "Cooperlake", 1), [.threads])
        XCTAssertEqual(diagnose(2.2, "SkylakeX", 2), [.shapes])
        XCTAssertNil(diagnose(4, "Prescott", 2), "50% of its ceiling: not near it")
        XCTAssertNil(diagnose(0.9, "Prescott", 2), "56% of physical: not far below it")
        let decode = ceiling(computeSeconds: 2, memorySeconds: 0.8, peak: 200)  // physical: memory 0.8 s
        XCTAssertEqual(
            PhysicalGapCause.diagnose(
                ceiling: decode, medianSeconds: 2.1, corename: "Cooperlake", threads: 2, cores: 2, bestISA: .avx512),
            [.memoryBound])
    }

    func testCeilingFromCalibrationCarriesThePeak() {
        let shape = GemmShape(m: 64, n: 64, k: 64, count: 1, transposeB: true)
        var cal = Calibration(
            gemm: [.init(shape: shape, seconds: shape.flops / 50e9, gflops: 50)], memoryReadGigabytesPerSecond: 10,
            memoryReadMedianGigabytesPerSecond: 9, memoryBufferBytes: 0, repetitions: 1)
        XCTAssertNil(cal.peakGflops)
        cal.peakFlops = [.init(isa: .avx2, gflops: 100, threads: 2), .init(isa: .avx512, gflops: 200, threads: 2)]
        XCTAssertEqual(cal.peakGflops, 200)
    }
}
