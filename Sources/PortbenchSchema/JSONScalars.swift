import Foundation

/// Reading a tape's scalars: strings (escapes resolved), and numbers as the exact type asked for.
enum JSONScalars {
    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A string node's text. The scanner already checked its escapes and UTF-8.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                k += 1
                continue
            }
            let e = bytes[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                // The scanner checked the four hex digits and the surrogate pairs, so the scalar is valid.
                var scalar = UInt32(hex4(bytes, at: k) ?? 0xFFFD)
                k += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(hex4(bytes, at: k + 2) ?? 0xDC00) - 0xDC00)
                    k += 6
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default: out.append(e)  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The four hex digits of a `\u` escape at `k`; nil when they run past the bytes or are not hex.
    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> UInt16? {
        guard k >= 0, k + 4 <= bytes.count else { return nil }
        var v: UInt16 = 0
        for d in bytes[k..<(k + 4)] {
            guard let x = hexValue(d) else { return nil }
            v = v << 4 | UInt16(x)
        }
        return v
    }

    /// A JSON number as a binary floating-point value, correctly rounded; nil when a finite literal does not fit
    /// (1e999). Clinger's fast path when the digits and the power of ten are both exact in the type (one correctly
    /// rounded multiply or divide), else the C library's conversion.
    static func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ bytes: UnsafeBufferPointer<UInt8>, as: T.Type
    ) -> T? {
        if let exact = clinger(bytes, as: T.self) { return exact }
        let value: T?
        if T.self == Double.self {
            value = strtodExact(bytes).map { T($0) }
        } else {
            value = T(String(decoding: bytes, as: UTF8.self))
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// `strtod` on the number in place (the byte after a number is never part of it, and the tape ends in NUL),
    /// used only when it read exactly the number's bytes (a locale with another decimal point would not).
    private static func strtodExact(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let start = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(start, &end)
        guard let end, UnsafePointer(end) == start + bytes.count else {
            return Double(String(decoding: bytes, as: UTF8.self))
        }
        return value
    }

    /// 10^k for k in 0...22, all exact in a Double.
    private static func powerOfTen(_ k: Int) -> Double {
        switch k {
        case 0...15: return Double(pow10Int64[k])
        default: return Double(pow10Int64[15]) * Double(pow10Int64[k - 15])
        }
    }

    private static let pow10Int64: [Int64] = (0...15).map { (0..<$0).reduce(1) { r, _ in r * 10 } }

    /// m × 10^e exactly when m ≤ 2^53 (2^24 for Float) and |e| ≤ 22 (10); nil otherwise.
    private static func clinger<T: BinaryFloatingPoint>(_ bytes: UnsafeBufferPointer<UInt8>, as: T.Type) -> T? {
        let isDouble = T.self == Double.self
        guard isDouble || T.self == Float.self, var p = bytes.baseAddress else { return nil }
        let end = p + bytes.count
        let negative = p.pointee == UInt8(ascii: "-")
        if negative { p += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var seenPoint = false
        while p < end {
            let b = p.pointee
            if b == UInt8(ascii: ".") {
                seenPoint = true
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                break
            } else {
                if mantissa != 0 || b != UInt8(ascii: "0") { digits &+= 1 }
                if digits > 19 { return nil }
                mantissa = mantissa &* 10 &+ UInt64(b &- UInt8(ascii: "0"))
                if seenPoint { exponent &-= 1 }
            }
            p += 1
        }
        if p < end {
            p += 1
            var sign = 1
            if p.pointee == UInt8(ascii: "-") || p.pointee == UInt8(ascii: "+") {
                if p.pointee == UInt8(ascii: "-") { sign = -1 }
                p += 1
            }
            var e = 0
            while p < end {
                e = e &* 10 &+ Int(p.pointee &- UInt8(ascii: "0"))
                if e >= 1000 { return nil }
                p += 1
            }
            exponent &+= sign &* e
        }
        guard mantissa <= (isDouble ? 1 << 53 : 1 << 24), abs(exponent) <= (isDouble ? 22 : 10) else { return nil }
        let m = Double(mantissa)
        let power = powerOfTen(abs(exponent))
        if isDouble {
            let v = exponent < 0 ? m / power : m * power
            return T(negative ? -v : v)
        }
        let v = exponent < 0 ? Float(m) / Float(power) : Float(m) * Float(power)
        return T(negative ? -v : v)
    }

    /// A JSON number as an integer type: exact integers only (`12`, `1.2e1`), in range.
    static func integer<T: FixedWidthInteger>(_ bytes: UnsafeBufferPointer<UInt8>, isInteger: Bool, as: T.Type) -> T? {
        if isInteger { return parseDigits(bytes, as: T.self) }
        guard let d = floatingPoint(bytes, as: Double.self), d.rounded() == d else { return nil }
        return T(exactly: d)
    }

    private static func parseDigits<T: FixedWidthInteger>(_ bytes: UnsafeBufferPointer<UInt8>, as: T.Type) -> T? {
        let negative = bytes.first == UInt8(ascii: "-")
        var value: T = 0
        for b in bytes.dropFirst(negative ? 1 : 0) {
            let digit = T(b &- UInt8(ascii: "0"))
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
        }
        return value
    }
}
