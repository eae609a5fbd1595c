import Foundation

/// NumPy `.npy` files (format 1.0/2.0/3.0, little-endian f4, f8 or f2, C order): read into and written from fp32 tensors.
public enum NPY {
    public static func read(path: String) throws -> Tensor {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw NPYError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard data.count >= 10, Array(data.prefix(6)) == magic else {
            throw NPYError(file: path, message: "not a .npy file (bad magic)")
        }
        let major = data[6]
        let headerLength: Int, headerStart: Int
        if major == 1 {
            headerLength = Int(data[8]) | Int(data[9]) << 8
            headerStart = 10
        } else {
            guard data.count >= 12 else { throw NPYError(file: path, message: "truncated header") }
            headerLength = (0..<4).reduce(0) { $0 | Int(data[8 + $1]) << (8 * $1) }
            headerStart = 12
        }
        guard headerStart + headerLength <= data.count,
              let header = String(data: data.subdata(in: headerStart..<(headerStart + headerLength)), encoding: .ascii) else {
            throw NPYError(file: path, message: "truncated header")
        }
        let descr = try field("descr", in: header, file: path)
        guard try field("fortran_order", in: header, file: path) == "False" else {
            throw NPYError(file: path, message: "fortran_order arrays are not supported; expected C order")
        }
        let shape = try parseShape(header, file: path)
        let count = shape.reduce(1, *)
        let width: Int
        switch descr {
        case "'<f4'": width = 4
        case "'<f8'": width = 8
        case "'<f2'": width = 2
        default: throw NPYError(file: path, message: "dtype \(descr) is not supported; expected '<f4', '<f8' or '<f2'")
        }
        let start = headerStart + headerLength
        guard data.count - start == count * width else {
            throw NPYError(file: path, message: "\(data.count - start) data bytes for shape \(shape) of \(descr)")
        }
        let t = Tensor(shape: shape)
        data.withUnsafeBytes { raw in
            let p = raw.baseAddress! + start
            for i in 0..<count {
                switch width {
                case 4: t.data[i] = Float(bitPattern: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                case 8: t.data[i] = Float(Double(bitPattern: p.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
                default: t.data[i] = Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
                }
            }
        }
        return t
    }

    /// Writes a tensor as `<f4`, C order, version 1.0 (atomically).
    public static func write(_ t: Tensor, to url: URL) throws {
        let shape = t.shape.count == 1 ? "(\(t.shape[0]),)" : "(" + t.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var out = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let n = header.utf8.count
        out.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8)])
        out.append(header.data(using: .ascii)!)
        out.append(UnsafeBufferPointer(start: t.data, count: t.count))
        try out.write(to: url, options: .atomic)
    }

    static func field(_ key: String, in header: String, file: String) throws -> String {
        guard let r = header.range(of: "'\(key)':") else { throw NPYError(file: file, message: "header has no '\(key)'") }
        let rest = header[r.upperBound...].trimmingCharacters(in: .whitespaces)
        return String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
    }

    static func parseShape(_ header: String, file: String) throws -> [Int] {
        guard let r = header.range(of: "'shape':"), let open = header[r.upperBound...].firstIndex(of: "("),
              let close = header[open...].firstIndex(of: ")") else {
            throw NPYError(file: file, message: "header has no shape tuple")
        }
        let inner = header[header.index(after: open)..<close]
        let dims = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let shape = dims.compactMap { Int($0) }
        guard shape.count == dims.count else { throw NPYError(file: file, message: "bad shape '(\(inner))'") }
        return shape
    }
}

public struct NPYError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}
