/// Element-wise exp, tanh and erf on `SIMD16<Float>`, for the activation and softmax loops.
///
/// Plain multiply/add/divide, compares and bit operations only: no FMA (the Kernels target is built for the
/// baseline x86-64 instruction set, where a fused multiply-add would be a library call per lane) and no
/// `rounded()` (a library call without SSE4.1); rounding to an integer uses the 1.5·2²³ shifter instead.
/// Every function propagates NaN, keeps the sign of ±0 where the function is odd, handles denormal inputs and
/// saturates at large |x| without an overflow in an intermediate. The bounds below are the ones
/// `VectorMathTests` measures against Foundation's double-precision functions on a dense grid.
public enum VectorMath {
    public typealias Vector = SIMD16<Float>
    typealias Bits = SIMD16<UInt32>
    typealias Ints = SIMD16<Int32>
    public static let width = Vector.scalarCount

    @inline(__always) static func bits(_ v: Vector) -> Bits { unsafeBitCast(v, to: Bits.self) }
    @inline(__always) static func float(_ v: Bits) -> Vector { unsafeBitCast(v, to: Vector.self) }

    /// For the odd functions (tanh, erf): the sign bits of x, and |x| capped at 10, where both round to ±1.
    @inline(__always) static func oddSplit(_ x: Vector) -> (sign: Bits, magnitude: Vector) {
        let signMask = Bits(repeating: 0x8000_0000)
        let a = float(bits(x) & ~signMask)
        return (bits(x) & signMask, a.replacing(with: 10, where: a .> 10))
    }

    /// eˣ. Cephes `expf` (S. L. Moshier, *Methods and Programs for Mathematical Functions*, 1989; the same
    /// polynomial as sse_mathfun's `exp_ps`): x = n·ln 2 + r with a two-constant Cody–Waite reduction,
    /// |r| ≤ ½ ln 2, and eʳ ≈ 1 + r + r²·P(r) with a degree-5 P. Cephes states 1.7e-7 peak relative error;
    /// measured here: relative error ≤ 7.7e-8 (tests assert 1e-7) for results in the normal range, and within
    /// two steps of the denormal grid below it.
    /// The result is scaled by 2ⁿ in two exact halves, so it overflows to +inf only when eˣ does (x > 88.72),
    /// rounds once into the denormals (x down to −103.97) and is +0 below; −inf gives +0, +inf gives +inf.
    @inline(__always) public static func exp(_ x: Vector) -> Vector {
        let nan = x .!= x
        var v = x.replacing(with: 0, where: nan)
        v = v.replacing(with: 88.8, where: v .> 88.8)
        v = v.replacing(with: -104, where: v .< -104)
        let shifter: Float = 12_582_912  // 1.5·2²³: adding it rounds to an integer held in the low mantissa bits
        let t = v * 1.442_695_040_888_963_4 + shifter
        let n = t - shifter
        let ni = unsafeBitCast(t, to: Ints.self) &- 0x4B40_0000
        let r = (v - n * 0.693_359_375) - n * -2.121_944_400_546_905_8e-4
        var p: Vector = Vector(repeating: 1.987_569_150_0e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let y = p * (r * r) + r + 1
        let n1 = ni &>> 1, n2 = ni &- n1  // each in [−75, 65]: both scales are normal numbers
        let s1 = unsafeBitCast((n1 &+ 127) &<< 23, to: Vector.self)
        let s2 = unsafeBitCast((n2 &+ 127) &<< 23, to: Vector.self)
        return (y * s1 * s2).replacing(with: x, where: nan)
    }

    /// tanh x. Cephes `tanhf` (Moshier 1989): for |x| < 0.625 the odd polynomial x + x³·P(x²), degree-4 P
    /// (Cephes: 1.3e-7 peak relative error); above, 1 − 2/(e²ˣ + 1) through `exp`, with |x| capped at 10
    /// where tanh rounds to ±1. Measured here: relative error ≤ 1.1e-7 (tests assert 1.5e-7) for x ≠ 0.
    /// Odd by construction (the sign bit of x is copied onto the result), so tanh(−0) = −0.
    @inline(__always) public static func tanh(_ x: Vector) -> Vector {
        let (sign, a) = oddSplit(x)
        let z = a * a
        var p: Vector = Vector(repeating: -5.704_988_727_45e-3)
        p = p * z + 2.063_908_879_54e-2
        p = p * z - 5.373_971_555_31e-2
        p = p * z + 1.333_144_220_36e-1
        p = p * z - 3.333_328_194_22e-1
        let small = p * z * a + a
        let large = 1 - 2 / (exp(a + a) + 1)
        let r = large.replacing(with: small, where: a .< 0.625)
        return float(bits(r) | sign).replacing(with: x, where: x .!= x)
    }

    /// erf x. Cephes `erff`/`erfcf` (Moshier 1989, ndtrf.c; the same coefficients as XLA's f32 erf lowering):
    /// for |x| < 1 the odd polynomial x·T(x²), degree-6 T; for |x| ≥ 1, 1 − erfc|x| with
    /// erfc a = e^(−a²)·(1/a)·P(1/a²), P of degree 8 on [1, 2) and degree 7 on [2, ∞), through `exp`; |x| is
    /// capped at 10, where erf rounds to ±1. Measured here on [−12, 12]: absolute error ≤ 1.23e-7 (tests assert
    /// 1.5e-7, A&S 7.1.26's bound) and relative error ≤ 1.6e-7 (tests assert 2e-7); results within [−1, 1]. Odd by construction (the sign bit of x is copied
    /// onto the result), so erf(−0) = −0, and a denormal x gives x·2/√π to within rounding.
    @inline(__always) public static func erf(_ x: Vector) -> Vector {
        let (sign, a) = oddSplit(x)
        let z = a * a
        var t: Vector = Vector(repeating: 7.853_861_353_153_693e-5)
        t = t * z - 8.010_193_625_184_903e-4
        t = t * z + 5.188_327_685_732_524e-3
        t = t * z - 2.685_381_193_529_856e-2
        t = t * z + 1.128_358_514_861_418e-1
        t = t * z - 3.761_262_582_423_300e-1
        t = t * z + 1.128_379_165_726_710
        let small = a * t
        // erfc for a ≥ 1: P below 2, R (one degree less) from 2 on; both evaluated, one select.
        let q = 1 / a, w = q * q
        var p: Vector = Vector(repeating: 2.326_819_970_068_386e-2)
        p = p * w - 1.387_039_388_740_657e-1
        p = p * w + 3.687_424_674_597_105e-1
        p = p * w - 5.824_733_027_278_666e-1
        p = p * w + 6.210_004_621_745_983e-1
        p = p * w - 4.944_515_323_274_145e-1
        p = p * w + 3.404_879_937_665_872e-1
        p = p * w - 2.741_127_028_184_656e-1
        p = p * w + 5.638_259_427_386_472e-1
        var rr: Vector = Vector(repeating: -1.047_766_399_936_249e1)
        rr = rr * w + 1.297_719_955_372_516e1
        rr = rr * w - 7.495_518_717_768_503
        rr = rr * w + 2.921_019_019_210_786
        rr = rr * w - 1.015_265_279_202_700
        rr = rr * w + 4.218_463_358_204_948e-1
        rr = rr * w - 2.820_767_439_740_514e-1
        rr = rr * w + 5.641_895_067_754_075e-1
        p = rr.replacing(with: p, where: a .< 2)
        let large = 1 - exp(-z) * q * p
        var r = large.replacing(with: small, where: a .< 1)
        r = r.replacing(with: 1, where: r .> 1)
        return float(bits(r) | sign).replacing(with: x, where: x .!= x)
    }

    /// GELU with erf: ½x(1 + erf(x/√2)).
    @inline(__always) public static func gelu(_ x: Vector) -> Vector {
        0.5 * x * (1 + erf(x * 0.707_106_781_186_547_52))
    }

    /// GELU, tanh approximation (GPT-2's gelu_new): ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    @inline(__always) public static func geluTanh(_ x: Vector) -> Vector {
        0.5 * x * (1 + tanh(0.797_884_560_802_865_36 * (x + 0.044715 * x * x * x)))
    }

    /// SiLU: x/(1 + e⁻ˣ).
    @inline(__always) public static func silu(_ x: Vector) -> Vector {
        x / (1 + exp(-x))
    }

    /// Loads `count` (< width) floats into the first lanes, the rest `fill`.
    @inline(__always) static func loadPartial(_ p: UnsafePointer<Float>, count: Int, fill: Float) -> Vector {
        var v = Vector(repeating: fill)
        for i in 0..<count { v[i] = p[i] }
        return v
    }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(p).loadUnaligned(as: Vector.self)
    }

    @inline(__always) static func store(_ v: Vector, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector.self)
    }

    /// output[i] = f(input[i]) for i in `range`: whole vectors, then the tail through the same `f` (padded lanes
    /// are computed and dropped), so an element's result never depends on where it sits.
    @inline(__always) static func map(
        _ range: Range<Int>, _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
        _ f: (Vector) -> Vector
    ) {
        var i = range.lowerBound
        while i + width <= range.upperBound {
            store(f(load(input + i)), output + i)
            i += width
        }
        let rest = range.upperBound - i
        if rest > 0 {
            let y = f(loadPartial(input + i, count: rest, fill: 0))
            for k in 0..<rest { output[i + k] = y[k] }
        }
    }

    /// output[i] = f(input[i])·multiplier[i] for i in `range`, as `map`.
    @inline(__always) static func map(
        _ range: Range<Int>, _ input: UnsafePointer<Float>, _ multiplier: UnsafePointer<Float>,
        _ output: UnsafeMutablePointer<Float>, _ f: (Vector) -> Vector
    ) {
        var i = range.lowerBound
        while i + width <= range.upperBound {
            store(f(load(input + i)) * load(multiplier + i), output + i)
            i += width
        }
        let rest = range.upperBound - i
        if rest > 0 {
            let y = f(loadPartial(input + i, count: rest, fill: 0))
            for k in 0..<rest { output[i + k] = y[k] * multiplier[i + k] }
        }
    }
}
