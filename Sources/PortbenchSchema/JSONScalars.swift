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
                var scalar = UInt32(hex4(bytes, k))
                k += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(hex4(bytes, k + 2)) - 0xDC00)
                    k += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default: out.append(e)  // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> UInt16 {
        (0..<4).reduce(0) { $0 << 4 | UInt16(hexValue(bytes[k + $1])!) }
    }

    /// A JSON number as a binary floating-point value, correctly rounded (the C library's conversion in the C
    /// locale); nil when a finite literal does not fit (1e999).
    static func floatingPoint<T: BinaryFloatingPoint & LosslessStringConvertible>(
        _ bytes: UnsafeBufferPointer<UInt8>, as: T.Type
    ) -> T? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let value = T(text), value.isFinite else { return nil }
        return value
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
