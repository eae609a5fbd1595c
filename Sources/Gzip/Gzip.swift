import CZlib
import Foundation

/// gzip (RFC 1952) through zlib: upload bodies are compressed by the client and inflated by the results server,
/// which caps the inflated size so a small body cannot expand without bound.
public enum Gzip {
    /// Compresses `data` into one gzip member.
    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        var stream = z_stream()
        guard pb_deflate_init_gzip(&stream, level) == Z_OK else { fatalError("zlib: deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        var out = Data(count: Int(deflateBound(&stream, uLong(data.count))) + 32)
        let produced: Int = data.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                stream.next_in = UnsafeMutablePointer(
                    mutating: src.bindMemory(to: Bytef.self).baseAddress ?? UnsafePointer(bitPattern: 1)!)
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(dst.count)
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "zlib: deflate into deflateBound's size did not finish")
                return Int(stream.total_out)
            }
        }
        out.count = produced
        return out
    }

    /// Inflates one gzip member; refuses corrupt data, trailing garbage and output beyond `limit` bytes. The output
    /// is sized from the member's trailer (its length mod 2^32, a hint only: still capped, still grown if wrong) and
    /// inflated in place, with no bounce buffer.
    public static func decompress(_ data: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        guard pb_inflate_init_gzip(&stream) == Z_OK else { throw GzipError.corrupt("inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var out = Data(count: min(max(sizeHint(data) + 1, 4096), limit + 1))  // + 1: the end is seen in one call
        var produced = 0
        let status: Int32 = data.withUnsafeBytes { src in
            stream.next_in = UnsafeMutablePointer(
                mutating: src.bindMemory(to: Bytef.self).baseAddress ?? UnsafePointer(bitPattern: 1)!)
            stream.avail_in = uInt(src.count)
            var status = Z_OK
            while status == Z_OK {
                if produced == out.count {
                    guard out.count <= limit else { return Z_MEM_ERROR }
                    out.count = min(out.count * 2, limit + 1)
                }
                status = out.withUnsafeMutableBytes { buf in
                    let room = buf.count - produced
                    stream.next_out = buf.bindMemory(to: Bytef.self).baseAddress! + produced
                    stream.avail_out = uInt(room)
                    let s = inflate(&stream, Z_NO_FLUSH)
                    produced += room - Int(stream.avail_out)
                    return s
                }
                if produced > limit { return Z_MEM_ERROR }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                if status == Z_BUF_ERROR && produced == out.count { status = Z_OK }  // output full: grow, go on
            }
            return status
        }
        if produced > limit { throw GzipError.tooLarge(limit: limit) }
        guard status == Z_STREAM_END else {
            throw GzipError.corrupt(status == Z_BUF_ERROR ? "truncated gzip data" : "zlib status \(status)")
        }
        guard stream.avail_in == 0 else { throw GzipError.corrupt("data after the end of the gzip member") }
        out.count = produced
        return out
    }

    /// ISIZE, the trailer's last four bytes (little-endian): the inflated length mod 2^32.
    static func sizeHint(_ data: Data) -> Int {
        guard data.count >= 18 else { return 0 }
        let tail = data.suffix(4)
        return tail.reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}

/// Why a gzip body was refused.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    case corrupt(String)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let why): return "not valid gzip: \(why)"
        case .tooLarge(let limit): return "inflates to more than \(limit) bytes"
        }
    }
}
