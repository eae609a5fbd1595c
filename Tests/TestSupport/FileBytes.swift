import Foundation

/// Hand-made file contents for the readers' error paths.
public enum FileBytes {
    /// A safetensors file: the header length as a little-endian UInt64 (`length`, else the header's own), the
    /// header, then `data`.
    public static func safetensors(_ header: String, data: Data = Data(), length: UInt64? = nil) -> Data {
        var d = Data()
        withUnsafeBytes(of: (length ?? UInt64(header.utf8.count)).littleEndian) { d.append(contentsOf: $0) }
        d.append(Data(header.utf8))
        d.append(data)
        return d
    }

    /// A .npy file: the magic, version `major`.0, `header` padded with spaces and a newline to a 64-byte boundary,
    /// then `payload` zero bytes.
    public static func npy(_ header: String, payload: Int, major: UInt8 = 1) -> Data {
        var h = header
        while (10 + h.utf8.count + 1) % 64 != 0 { h += " " }
        h += "\n"
        var d = Data([
            0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, major, 0, UInt8(h.utf8.count & 0xFF), UInt8(h.utf8.count >> 8),
        ])
        d.append(Data(h.utf8))
        d.append(Data(count: payload))
        return d
    }
}
