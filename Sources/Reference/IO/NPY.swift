import Foundation
import Kernels
import PortbenchSchema

/// NumPy `.npy` files (format 1.0/2.0/3.0, little-endian f4, f8 or f2, C order): read into and written from fp32 tensors.
public enum NPY {
    /// NumPy's own default cap on the header (`max_header_size`).
    public static let maxHeaderBytes = 10_000

    /// Reads a `.npy` file after validating its header the way NumPy does: magic, version 1.0/2.0/3.0, a Python dict
    /// literal with exactly `descr`, `fortran_order` and `shape` (duplicates refused), a supported little-endian float
    /// dtype, C order, and data whose length is exactly shape × dtype.
    public static func read(path: String) throws -> Tensor {
        if let problem = InputFile.problem(path) { throw NPYError(file: path, message: problem) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw NPYError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try read(data: data, path: path)
    }

    /// Reads the bytes of a whole `.npy` file (the same checks as `read(path:)`); `path` names it in errors.
    public static func read(data: Data, path: String) throws -> Tensor {
        let header = try NPYHeader.parse(data, file: path)
        let t = Tensor(shape: header.shape)
        let count = t.count
        data.withUnsafeBytes { raw in
            let p = raw.baseAddress! + header.dataStart
            switch header.width {
            case 4:
                for i in 0..<count {
                    t.data[i] = Float(
                        bitPattern: UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
            case 8:
                for i in 0..<count {
                    t.data[i] = Float(
                        Double(
                            bitPattern: UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                }
            default:
                for i in 0..<count {
                    t.data[i] = Float(
                        Float16(
                            bitPattern: UInt16(littleEndian: p.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))))
                }
            }
        }
        return t
    }

    /// Writes a tensor as `<f4`, C order, version 1.0, through the one output writer.
    public static func write(_ t: Tensor, to url: URL) throws {
        try OutputFile.check(url.path, role: "npy output").write(encode(t))
    }

    /// The bytes of a `<f4`, C-order, version 1.0 file holding `t`.
    public static func encode(_ t: Tensor) -> Data {
        let shape =
            t.shape.count == 1 ? "(\(t.shape[0]),)" : "(" + t.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var out = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let n = header.utf8.count
        out.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8)])
        out.append(header.data(using: .ascii)!)
        out.append(UnsafeBufferPointer(start: t.data, count: t.count))
        return out
    }
}

public struct NPYError: InputError, Equatable {
    public let file: String
    public let message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}
