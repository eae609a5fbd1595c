import PortbenchSchema
import XCTest

@testable import DeviceModels

/// Exact rounding: known bit patterns, ties to even, subnormals, overflow and saturation, NaN.
final class PrecisionTests: XCTestCase {
    func bits(_ p: Precision, _ x: Float) -> UInt32 { p.round(x).bitPattern }

    func testBF16KnownPatternsAndTies() {
        XCTAssertEqual(bits(.bf16, 1.0), 0x3F80_0000)
        XCTAssertEqual(bits(.bf16, Float(bitPattern: 0x3F80_8000)), 0x3F80_0000, "tie rounds to even (down)")
        XCTAssertEqual(bits(.bf16, Float(bitPattern: 0x3F81_8000)), 0x3F82_0000, "tie rounds to even (up)")
        XCTAssertEqual(bits(.bf16, Float(bitPattern: 0x3F80_8001)), 0x3F81_0000, "above the tie rounds up")
        XCTAssertEqual(bits(.bf16, Float(bitPattern: 0x3F80_7FFF)), 0x3F80_0000)
        XCTAssertEqual(bits(.bf16, 3.14159265), 0x4049_0000, "π in bf16 is 3.140625")
        XCTAssertEqual(
            bits(.bf16, Float.greatestFiniteMagnitude), Float.infinity.bitPattern, "overflow rounds to infinity")
        XCTAssertEqual(bits(.bf16, Float(bitPattern: 0x0000_8001)), 0x0001_0000, "fp32 subnormals keep bf16 subnormals")
        XCTAssertEqual(bits(.bf16, -0.0), (-Float(0)).bitPattern)
        XCTAssertTrue(Precision.bf16.round(.nan).isNaN)
        XCTAssertTrue(
            Precision.bf16.round(Float(bitPattern: 0x7F80_0001)).isNaN,
            "a signalling NaN whose payload sits in the dropped bits stays NaN")
    }

    func testTF32KeepsTenMantissaBits() {
        XCTAssertEqual(bits(.tf32, Float(bitPattern: 0x3F80_1000)), 0x3F80_0000, "tie at bit 12 rounds to even")
        XCTAssertEqual(bits(.tf32, Float(bitPattern: 0x3F80_3000)), 0x3F80_4000)
        XCTAssertEqual(Precision.tf32.round(1 + 1.0 / 1024), 1 + 1.0 / 1024)
        XCTAssertEqual(Precision.tf32.round(1 + 1.0 / 4096), 1)
    }

    func testFP16SubnormalsOverflowAndTies() {
        XCTAssertEqual(Precision.fp16.round(Float(pow(2.0, -24))), Float(pow(2.0, -24)), "smallest subnormal")
        XCTAssertEqual(Precision.fp16.round(Float(pow(2.0, -25))), 0, "half the smallest subnormal ties to even zero")
        XCTAssertEqual(
            Precision.fp16.round(Float(1.5 * pow(2.0, -24))), Float(pow(2.0, -23)), "1.5 quanta ties up to the even 2")
        XCTAssertEqual(Precision.fp16.round(65504), 65504)
        XCTAssertEqual(Precision.fp16.round(65520), .infinity, "at max + half ulp fp16 overflows")
        XCTAssertEqual(Precision.fp16.round(2049), 2048, "2049 ties to even 2048")
        XCTAssertEqual(Precision.fp16.round(2051), 2052)
        XCTAssertTrue(Precision.fp16.round(.nan).isNaN)
    }

    func testFP8E4M3() {
        let p = Precision.fp8e4m3
        XCTAssertEqual(p.round(448), 448, "largest finite")
        XCTAssertEqual(p.round(464), 448, "between 448 and the NaN encoding: saturates")
        XCTAssertEqual(p.round(1e6), 448)
        XCTAssertEqual(p.round(-1e6), -448)
        XCTAssertEqual(p.round(.infinity), 448, "satfinite maps infinity to the largest finite")
        XCTAssertEqual(p.round(17), 16, "spacing 2 in [16, 32): 17 ties to even 16")
        XCTAssertEqual(p.round(19), 20, "19 ties to even 20")
        XCTAssertEqual(p.round(1.0625), 1, "spacing 1/8 in [1, 2): 1.0625 ties to even 1")
        XCTAssertEqual(p.round(1.1875), 1.25)
        XCTAssertEqual(p.round(Float(pow(2.0, -9))), Float(pow(2.0, -9)), "smallest subnormal 2^-9")
        XCTAssertEqual(p.round(Float(pow(2.0, -10))), 0, "half of it ties to even zero")
        XCTAssertEqual(p.round(Float(3 * pow(2.0, -11))), Float(pow(2.0, -9)), "0.75 quanta rounds up")
        XCTAssertEqual(p.round(Float(pow(2.0, -6))), Float(pow(2.0, -6)), "smallest normal")
        XCTAssertTrue(p.round(.nan).isNaN)
        XCTAssertEqual(p.round(-0.0).sign, .minus)
    }

    func testFP8E5M2() {
        let p = Precision.fp8e5m2
        XCTAssertEqual(p.round(57344), 57344)
        XCTAssertEqual(p.round(1e9), 57344, "saturates")
        XCTAssertEqual(p.round(1.125), 1, "spacing 1/4 in [1, 2): ties to even 1")
        XCTAssertEqual(p.round(1.375), 1.5, "ties to even 1.5")
        XCTAssertEqual(p.round(Float(pow(2.0, -16))), Float(pow(2.0, -16)), "smallest subnormal 2^-16")
        XCTAssertEqual(p.round(Float(pow(2.0, -17))), 0)
        XCTAssertTrue(p.round(.nan).isNaN)
    }

    func testEveryFP8ValueIsAFixedPoint() {
        // Every representable e4m3 value (built from its fields) rounds to itself.
        for e in 0..<16 {
            for m in 0..<8 where !(e == 15 && m == 7) {
                let v = e == 0 ? Double(m) / 8 * pow(2.0, -6) : (1 + Double(m) / 8) * pow(2.0, Double(e - 7))
                XCTAssertEqual(Precision.fp8e4m3.round(Float(v)), Float(v), "e=\(e) m=\(m)")
            }
        }
    }

    func testStorageAndBytes() {
        XCTAssertEqual(Precision.fp8e4m3.storage, .bf16)
        XCTAssertEqual(Precision.tf32.bytes, 4)
        XCTAssertEqual(Precision.fp8e5m2.bytes, 1)
    }
}

final class QuantizeTests: XCTestCase {
    func testFP8UsesAPerTensorScale() {
        var v: [Float] = [0.01, -0.02, 0.005, 0.0001]
        v.withUnsafeMutableBufferPointer { Precision.fp8e4m3.quantize($0.baseAddress!, count: 4) }
        // amax 0.02 maps to 448: scale = 0.02/448; 0.01 → 224 exactly, 0.005 → 112 exactly.
        XCTAssertEqual(v[0], 0.01, accuracy: 1e-9)
        XCTAssertEqual(v[1], -0.02, accuracy: 1e-9)
        XCTAssertEqual(v[2], 0.005, accuracy: 1e-9)
        // 0.0001 → 2.24 on the scaled grid, where e4m3 spacing is 0.25: 2.25 × scale.
        XCTAssertEqual(v[3], 2.25 * 0.02 / 448, accuracy: 1e-10)
        var w: [Float] = [1.1, 3.3]
        w.withUnsafeMutableBufferPointer { Precision.bf16.quantize($0.baseAddress!, count: 2) }
        XCTAssertEqual(
            w, [Precision.bf16.round(1.1), Precision.bf16.round(3.3)], "non-fp8 formats round without scaling")
    }
}
