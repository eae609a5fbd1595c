import Foundation
import Kernels
import PortbenchSchema
import XCTest

@testable import Workload

/// `VectorMath` against Foundation's double-precision exp, tanh and erf: every 1e-3 on [−12, 12] (and exp over
/// its whole finite range), special values, and the activation and softmax kernels on lengths that leave a tail.
/// The bounds asserted here are the ones stated in `VectorMath`'s documentation; every instruction set this CPU
/// runs must give the same bits as the portable build.
final class VectorMathTests: XCTestCase {
    /// f on every element of `xs` at `level` (the widest this CPU runs unless given).
    func eval(_ f: VectorMath.Function, _ xs: [Float], level: VectorMath.Level = VectorMath.best) -> [Float] {
        var out = [Float](repeating: .nan, count: xs.count)
        VectorMath.map(f, xs, &out, count: xs.count, level: level)
        return out
    }

    let grid: [Float] = (-12_000...12_000).map { Float(Double($0) * 1e-3) }

    /// Largest |got − want|/|want| over the points where |want| ≥ `floor`, and largest |got − want| elsewhere.
    func errors(_ xs: [Float], _ got: [Float], _ ref: (Double) -> Double, floor: Double) -> (rel: Double, abs: Double) {
        var rel = 0.0, abs = 0.0
        for (x, y) in zip(xs, got) {
            let want = ref(Double(x)), e = Swift.abs(Double(y) - want)
            XCTAssert(y.isFinite, "\(x) → \(y)")
            if Swift.abs(want) >= floor { rel = max(rel, e / Swift.abs(want)) } else { abs = max(abs, e) }
        }
        return (rel, abs)
    }

    func testExpRelativeErrorOverItsRange() {
        let xs = grid + (-8_700...8_872).map { Float(Double($0) * 1e-2) }
        let e = errors(xs, eval(.exp, xs), Foundation.exp, floor: Double(Float.leastNormalMagnitude))
        XCTAssertLessThanOrEqual(e.rel, 1e-7)
        // Results in the denormals (x in [−103.97, −87.34]): within two steps of the denormal grid.
        let tiny = (-10_400 ... -8_735).map { Float(Double($0) * 1e-2) }
        let d = errors(tiny, eval(.exp, tiny), Foundation.exp, floor: .infinity)
        XCTAssertLessThanOrEqual(d.abs, 2 * Double(Float.leastNonzeroMagnitude))
        print("exp: max relative error \(e.rel), denormal results max abs \(d.abs)")
    }

    func testTanhRelativeError() {
        let xs = grid.filter { $0 != 0 }
        let e = errors(xs, eval(.tanh, xs), Foundation.tanh, floor: 0)
        XCTAssertLessThanOrEqual(e.rel, 1.5e-7)
        print("tanh: max relative error \(e.rel)")
    }

    func testErfRelativeAndAbsoluteError() {
        let xs = grid.filter { $0 != 0 }
        let got = eval(.erf, xs)
        let e = errors(xs, got, Foundation.erf, floor: 0)
        let a = errors(xs, got, Foundation.erf, floor: .infinity)
        XCTAssertLessThanOrEqual(e.rel, 2e-7)
        XCTAssertLessThanOrEqual(a.abs, 1.5e-7)
        print("erf: max relative error \(e.rel), max absolute error \(a.abs)")
    }

    func testSpecialValues() {
        let inf = Float.infinity, big = Float.greatestFiniteMagnitude, den = Float.leastNonzeroMagnitude
        let xs: [Float] = [.nan, 0, -0.0, inf, -inf, big, -big, 1e30, -1e30, 88.72, 88.73, den, -den, 1e-40, -1e-40]
        let e = eval(.exp, xs), t = eval(.tanh, xs), r = eval(.erf, xs)
        XCTAssert(e[0].isNaN && t[0].isNaN && r[0].isNaN)
        XCTAssertEqual(e[1], 1)
        XCTAssertEqual(e[2], 1)
        XCTAssertEqual(e[3], inf)
        XCTAssertEqual(e[4], 0)
        XCTAssertEqual(e[5], inf)
        XCTAssertEqual(e[6], 0)
        XCTAssertEqual(e[7], inf)
        XCTAssertEqual(e[8], 0)
        XCTAssert(e[9].isFinite && e[9] > 3.3e38, "\(e[9])")
        XCTAssertEqual(e[10], inf)
        for k in 11..<15 { XCTAssertEqual(e[k], 1) }
        for (v, name) in [(t, "tanh"), (r, "erf")] {
            XCTAssert(v[1] == 0 && v[1].sign == .plus, "\(name)(+0) = \(v[1])")
            XCTAssert(v[2] == 0 && v[2].sign == .minus, "\(name)(−0) = \(v[2])")
            XCTAssertEqual(v[3], 1, name)
            XCTAssertEqual(v[4], -1, name)
            XCTAssertEqual(v[5], 1, name)
            XCTAssertEqual(v[6], -1, name)
            XCTAssertEqual(v[7], 1, name)
            XCTAssertEqual(v[8], -1, name)
            let slope = name == "tanh" ? 1.0 : 2 / Double.pi.squareRoot()
            for k in 11..<15 {
                XCTAssertEqual(v[k].sign, xs[k].sign, "\(name)(\(xs[k]))")
                XCTAssertEqual(Double(v[k]), Double(xs[k]) * slope, accuracy: Double(den), "\(name)(\(xs[k]))")
            }
        }
        let beyond = eval(.tanh, [9, 10, 20, 1e5]) + eval(.erf, [3.9, 4, 5, 1e5])
        XCTAssert(beyond.allSatisfy { $0 <= 1 && $0 >= 0.9999 }, "\(beyond)")
    }

    static func gelu(_ x: Double) -> Double { 0.5 * x * (1 + Foundation.erf(x / 2.0.squareRoot())) }
    static func geluTanh(_ x: Double) -> Double {
        0.5 * x * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)))
    }
    static func silu(_ x: Double) -> Double { x / (1 + Foundation.exp(-x)) }

    /// The kernels on the dense grid, plain and gated, over lengths with every tail: |error| ≤ 2e-7·max(1, |x|) (gated: 3e-7)
    /// (the 1 + tanh and 1 + erf cancellation for negative x costs an ulp of 1 times ½|x|).
    func testActivationKernelsAgainstFloat64() {
        let cases: [(ElementwiseFunction, (Double) -> Double)] = [
            (.gelu, Self.gelu), (.geluTanh, Self.geluTanh), (.silu, Self.silu),
        ]
        for (f, ref) in cases {
            for n in [1, 7, 15, 16, 17, 31, 33, grid.count] {
                let xs = n == grid.count ? grid : Array(grid[5_000..<(5_000 + n)])
                let m = xs.indices.map { Float(($0 % 7) - 3) * 0.5 }
                var y = [Float](repeating: .nan, count: n), yg = y
                ActivationKernel.run(f, count: n, input: xs, multiplier: nil, output: &y)
                ActivationKernel.run(f, count: n, input: xs, multiplier: m, output: &yg)
                var worst = 0.0, worstGated = 0.0
                for i in 0..<n {
                    let x = Double(xs[i]), want = ref(x), scale = max(1, abs(x))
                    worst = max(worst, abs(Double(y[i]) - want) / scale)
                    worstGated = max(worstGated, abs(Double(yg[i]) - want * Double(m[i])) / scale)
                }
                XCTAssertLessThanOrEqual(worst, 2e-7, "\(f) n=\(n)")
                XCTAssertLessThanOrEqual(worstGated, 3e-7, "gated \(f) n=\(n)")
                if n == grid.count { print("\(f): max |error|/max(1,|x|) \(worst), gated \(worstGated)") }
            }
        }
    }

    func testSoftmaxRowsWithTails() {
        for cols in [1, 15, 16, 17, 100] {
            let x = (0..<cols).map { Float(sin(Double($0) * 1.7) * 9) }
            var y = [Float](repeating: .nan, count: cols + 3)
            SoftmaxKernel.row(x, &y, valid: cols, cols: cols + 3)
            let mx = x.map(Double.init).max()!
            let e = x.map { Foundation.exp(Double($0) - mx) }, s = e.reduce(0, +)
            for j in 0..<cols { XCTAssertEqual(Double(y[j]), e[j] / s, accuracy: 1e-6 * max(e[j] / s, 1e-3)) }
            XCTAssertEqual(y[cols...], [0, 0, 0])
        }
    }

    /// Each level this CPU runs against the portable build, bit for bit, on every function and on softmax rows
    /// (the levels differ in vector width only; the arithmetic and its order are the same).
    func testEveryInstructionSetGivesTheSameBits() {
        let special: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, 1e-40, -1e-40, 88.73, -104, 1e30, -1e30]
        let xs = grid + special + (-8_700...8_872).map { Float(Double($0) * 1e-2) }
        let levels = VectorMath.Level.allCases.filter(VectorMath.isSupported)
        XCTAssert(levels.contains(.portable))
        for level in levels where level != .portable {
            for f in VectorMath.Function.allCases {
                let a = eval(f, xs, level: .portable), b = eval(f, xs, level: level)
                let same = zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
                XCTAssert(same, "\(f) at \(level) differs from the portable build")
            }
            for cols in [1, 15, 16, 17, 100, 1000] {
                let x = (0..<cols).map { Float(sin(Double($0) * 1.7) * 9) }
                var y0 = [Float](repeating: .nan, count: cols + 2), y1 = y0
                VectorMath.softmaxRow(x, &y0, valid: cols, cols: cols + 2, level: .portable)
                VectorMath.softmaxRow(x, &y1, valid: cols, cols: cols + 2, level: level)
                XCTAssertEqual(y0.map(\.bitPattern), y1.map(\.bitPattern), "softmax cols=\(cols) at \(level)")
            }
        }
        print("VectorMath levels checked against portable: \(levels), kernels use \(VectorMath.best)")
    }
}
