/// The memory-bandwidth probe's inner loop: a sum of `n` floats with four 64-byte SIMD accumulators. Here, in the
/// `-Ounchecked` target, so even a debug build streams at the machine's speed.
public enum ReadStream {
    @inline(never)
    public static func sum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 64 <= n {
            a0 += raw.load(fromByteOffset: 4 * i, as: SIMD16<Float>.self)
            a1 += raw.load(fromByteOffset: 4 * (i + 16), as: SIMD16<Float>.self)
            a2 += raw.load(fromByteOffset: 4 * (i + 32), as: SIMD16<Float>.self)
            a3 += raw.load(fromByteOffset: 4 * (i + 48), as: SIMD16<Float>.self)
            i += 64
        }
        var s = (a0 + a1 + a2 + a3).sum()
        while i < n {
            s += p[i]
            i += 1
        }
        return s
    }
}
