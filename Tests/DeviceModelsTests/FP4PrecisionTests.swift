import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import DeviceModels

/// NVFP4 and MXFP4 against a float64 reference written here: the E2M1 grid enumerated, the nearest value picked
/// (ties to the even mantissa), and each format's block scale computed from its definition.
final class FP4PrecisionTests: XCTestCase {
    /// E2M1's non-negative values and whether each has an even mantissa bit.
    static let grid: [(value: Double, even: Bool)] = [
        (0, true), (0.5, false), (1, true), (1.5, false), (2, true), (3, false), (4, true), (6, false),
    ]

    static func e2m1Reference(_ x: Double) -> Double {
        if x.isNaN { return x }
        let a = min(abs(x), 6)
        var best = grid[0]
        for g in grid.dropFirst() {
            let d = abs(g.value - a), b = abs(best.value - a)
            if d < b || (d == b && g.even && !best.even) { best = g }
        }
        return x < 0 ? -best.value : best.value
    }

    func testE2M1RoundsToTheNearestGridValueWithTiesToEven() {
        let ties: [(Float, Float)] = [
            (0.25, 0), (0.75, 1), (1.25, 1), (1.75, 2), (2.5, 2), (3.5, 4), (5, 4), (7, 6), (1e9, 6), (-2.5, -2),
        ]
        for (x, want) in ties { XCTAssertEqual(Precision.nvfp4.round(x), want, "\(x)") }
        var rng = SplitMix64(seed: 4)
        for _ in 0..<20_000 {
            let x = (rng.unit() * 2 - 1) * 8
            XCTAssertEqual(Double(Precision.mxfp4.round(Float(x))), Self.e2m1Reference(Double(Float(x))), "\(x)")
        }
        XCTAssertTrue(Precision.nvfp4.round(.nan).isNaN)
    }

    /// MXFP4: each 32 values share 2^(⌊log2 amax⌋ − 2); a short last block has its own scale.
    func testMXFP4BlocksShareAPowerOfTwoScale() {
        var rng = SplitMix64(seed: 7)
        var x = (0..<100).map { i in Float((rng.unit() * 2 - 1) * (i < 32 ? 0.01 : i < 64 ? 30 : 1)) }
        x[70] = .nan
        let original = x
        x.withUnsafeMutableBufferPointer { Precision.mxfp4.quantize($0.baseAddress!, count: 100) }
        for start in stride(from: 0, to: 100, by: 32) {
            let range = start..<min(100, start + 32)
            let amax = range.map { Double(original[$0]) }.filter(\.isFinite).map(abs).max()!
            let scale = pow(2, floor(log2(amax)) - 2)
            for i in range where original[i].isFinite {
                let want = Self.e2m1Reference(Double(original[i]) / scale) * scale
                XCTAssertEqual(Double(x[i]), want, accuracy: abs(want) * 1e-6, "element \(i)")
            }
        }
        XCTAssertTrue(x[70].isNaN)
    }

    /// NVFP4: an FP32 scale per call (amax ÷ (448 · 6)) and an E4M3 scale per 16 values (block amax ÷ 6 in units of
    /// it, rounded to E4M3).
    func testNVFP4BlocksShareAnE4M3ScaleUnderATensorScale() {
        var rng = SplitMix64(seed: 9)
        var x = (0..<72).map { i in Float((rng.unit() * 2 - 1) * Double(1 + i / 16) * 0.3) }
        x[20] = 0
        let original = x
        x.withUnsafeMutableBufferPointer { Precision.nvfp4.quantize($0.baseAddress!, count: 72) }
        let global = Double(original.map(abs).max()!) / (448 * 6)
        for start in stride(from: 0, to: 72, by: 16) {
            let range = start..<min(72, start + 16)
            let amax = range.map { Double(abs(original[$0])) }.max()!
            let scale = Double(Precision.fp8e4m3.round(Float(amax / 6 / global))) * global
            for i in range {
                let want = Self.e2m1Reference(Double(original[i]) / scale) * scale
                XCTAssertEqual(Double(x[i]), want, accuracy: abs(want) * 1e-5 + 1e-12, "element \(i)")
            }
        }
        XCTAssertEqual(x[20], 0)
    }

    func testStorageBytesAndScalesOfTheFP4Formats() {
        XCTAssertEqual(Precision.nvfp4.bytes, 4.5 / 8)
        XCTAssertEqual(Precision.mxfp4.bytes, 4.25 / 8)
        XCTAssertEqual(Precision.nvfp4.storage, .bf16)
        XCTAssertEqual(Precision.mxfp4.kvCache, .fp8e4m3)
        var zeros = [Float](repeating: 0, count: 40)
        zeros.withUnsafeMutableBufferPointer { Precision.nvfp4.quantize($0.baseAddress!, count: 40) }
        XCTAssertEqual(zeros, [Float](repeating: 0, count: 40))
    }

    /// Only devices whose profile lists an fp4 rate run it; the others say what they run instead.
    func testFP4RunsWhereTheHardwareHasIt() throws {
        let catalog = try DeviceCatalog.load(directory: Repo.root.appendingPathComponent("Devices"))
        let b200 = makeAdapter(for: try catalog.device("b200"), catalog: catalog)
        XCTAssertEqual(b200.effectivePrecision(.nvfp4).0, .nvfp4)
        XCTAssertEqual(b200.peak(.nvfp4), 2 * b200.peak(.fp8e4m3))
        for (device, fallback) in [("h100-sxm", Precision.fp8e4m3), ("a100-80gb", .bf16), ("groq-lpu", .fp8e4m3)] {
            let (p, hazard) = makeAdapter(for: try catalog.device(device), catalog: catalog).effectivePrecision(.mxfp4)
            XCTAssertEqual(p, fallback, device)
            XCTAssertTrue(hazard?.contains("fp4") ?? false, "\(device): \(hazard ?? "no hazard")")
        }
    }
}
