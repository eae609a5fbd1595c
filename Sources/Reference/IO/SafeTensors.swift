import Foundation

/// A safetensors file (8-byte header length, JSON header, raw little-endian data), memory-mapped; F32, F16, BF16.
public struct SafeTensorsFile {
    public struct Entry {
        public let dtype: String
        public let shape: [Int]
        public let range: Range<Int>
    }

    public let path: String
    public let entries: [String: Entry]
    let data: Data
    let dataStart: Int

    public init(path: String) throws {
        self.path = path
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw SafeTensorsError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard data.count >= 8 else { throw SafeTensorsError(file: path, message: "too short for a safetensors header") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw SafeTensorsError(file: path, message: "header length \(headerLength) exceeds the file size \(data.count)")
        }
        dataStart = 8 + Int(headerLength)
        let header = data.subdata(in: 8..<dataStart)
        guard let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw SafeTensorsError(file: path, message: "the header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, value) in json where name != "__metadata__" {
            guard let e = value as? [String: Any], let dtype = e["dtype"] as? String,
                  let shape = e["shape"] as? [Int], let offsets = e["data_offsets"] as? [Int], offsets.count == 2 else {
                throw SafeTensorsError(file: path, message: "tensor '\(name)': expected {dtype, shape, data_offsets}")
            }
            guard offsets[0] <= offsets[1], dataStart + offsets[1] <= data.count else {
                throw SafeTensorsError(file: path, message: "tensor '\(name)': data_offsets \(offsets) run past the end of the file")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        self.entries = entries
    }

    /// Reads a tensor as fp32, converting F16 and BF16.
    public func tensor(_ name: String) throws -> Tensor {
        guard let e = entries[name] else { throw SafeTensorsError(file: path, message: "tensor '\(name)' is missing") }
        let count = e.shape.reduce(1, *)
        let width: Int
        switch e.dtype {
        case "F32": width = 4
        case "F16", "BF16": width = 2
        default: throw SafeTensorsError(file: path, message: "tensor '\(name)': dtype \(e.dtype) is not supported; expected F32, F16 or BF16")
        }
        guard e.range.count == count * width else {
            throw SafeTensorsError(file: path, message: "tensor '\(name)': \(e.range.count) bytes for shape \(e.shape) of \(e.dtype)")
        }
        let t = Tensor(shape: e.shape)
        data.withUnsafeBytes { raw in
            let base = raw.baseAddress! + dataStart + e.range.lowerBound
            switch e.dtype {
            case "F32":
                for i in 0..<count { t.data[i] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
            case "F16":
                for i in 0..<count { t.data[i] = Float(Float16(bitPattern: UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))) }
            default:
                for i in 0..<count { t.data[i] = Float(bitPattern: UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) << 16) }
            }
        }
        return t
    }

    /// Writes fp32 tensors as a safetensors file (used by tests and `--dump-outputs` consumers).
    public static func write(_ tensors: [(String, Tensor)], to url: URL) throws {
        var header: [String: Any] = [:]
        var offset = 0
        for (name, t) in tensors {
            header[name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + 4 * t.count]]
            offset += 4 * t.count
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while (json.count + 8) % 8 != 0 { json.append(0x20) }
        var out = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(json)
        for (_, t) in tensors { out.append(UnsafeBufferPointer(start: t.data, count: t.count)) }
        try out.write(to: url, options: .atomic)
    }
}

public struct SafeTensorsError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
