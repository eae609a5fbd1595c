import Foundation
import Kernels
import PortbenchSchema

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

    /// The safetensors format's own cap on the JSON header.
    public static let maxHeaderBytes = 100_000_000
    /// Bytes per element of every dtype the format defines (portbench reads F32, F16 and BF16).
    static let widths: [String: Int] = [
        "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "I16": 2, "U16": 2,
        "F16": 2, "BF16": 2, "I32": 4, "U32": 4, "F32": 4, "F64": 8, "I64": 8, "U64": 8,
    ]

    /// Maps the file and validates the whole header before any tensor is read: size cap, strict JSON (no duplicate
    /// keys, bounded depth), known dtypes, shape × dtype = byte length, and offsets that tile the data exactly.
    public init(path: String) throws {
        if let problem = InputFile.problem(path) { throw SafeTensorsError(file: path, message: problem) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw SafeTensorsError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(data: data, path: path)
    }

    /// Validates `data` as a whole safetensors file (the same checks as `init(path:)`); `path` names it in errors.
    public init(data: Data, path: String) throws {
        self.path = path
        // Offsets below count from the file's first byte: rebase a slice so its indices start at 0.
        self.data = data.startIndex == 0 ? data : Data(data)
        let data = self.data
        guard data.count >= 8 else {
            throw SafeTensorsError(file: path, message: "too short for a safetensors header (\(data.count) bytes)")
        }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) {
            $0 | UInt64($1.element) << (8 * UInt64($1.offset))
        }
        guard headerLength <= UInt64(Self.maxHeaderBytes) else {
            throw SafeTensorsError(
                file: path,
                message: "header length \(headerLength) exceeds the format's cap of \(Self.maxHeaderBytes) bytes")
        }
        guard headerLength >= 2, headerLength <= UInt64(data.count - 8) else {
            throw SafeTensorsError(
                file: path, message: "header length \(headerLength) does not fit the file size \(data.count)")
        }
        dataStart = 8 + Int(headerLength)
        let header = data.subdata(in: 8..<dataStart)
        guard header.first == UInt8(ascii: "{") else {
            throw SafeTensorsError(file: path, message: "the header does not start with '{'")
        }
        let json: JSONValue
        do {
            json = try StrictJSON.parse(header)
        } catch let f as StrictJSON.Failure {
            throw SafeTensorsError(file: path, message: "header byte \(f.offset): \(f.message)")
        }
        guard case .object(let items) = json else {
            throw SafeTensorsError(file: path, message: "the header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        for (name, value) in items {
            if name == "__metadata__" {
                try Self.checkMetadata(value, file: path)
                continue
            }
            entries[name] = try Self.entry(name, value, file: path)
        }
        try Self.checkTiling(entries, dataBytes: data.count - dataStart, file: path)
        self.entries = entries
    }

    static func entry(_ name: String, _ value: JSONValue, file: String) throws -> Entry {
        func fail(_ m: String) -> SafeTensorsError { SafeTensorsError(file: file, message: "tensor '\(name)': \(m)") }
        guard case .object(let fields) = value, Set(fields.map(\.key)) == ["dtype", "shape", "data_offsets"] else {
            throw fail("expected exactly {dtype, shape, data_offsets}")
        }
        let f = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
        guard case .string(let dtype) = f["dtype"]!, let width = widths[dtype] else {
            throw fail(
                "dtype \(f["dtype"]!) is not a safetensors dtype; expected one of \(widths.keys.sorted().joined(separator: ", "))"
            )
        }
        let shape = try integers(f["shape"]!, what: "shape", fail: fail)
        let offsets = try integers(f["data_offsets"]!, what: "data_offsets", fail: fail)
        guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("shape \(shape) has a negative dimension") }
        guard offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1] else {
            throw fail("data_offsets \(offsets): expected [begin, end] with 0 ≤ begin ≤ end")
        }
        guard let bytes = shapeBytes(shape, width: width) else { throw fail("shape \(shape) is too large to address") }
        guard offsets[1] - offsets[0] == bytes else {
            throw fail(
                "\(offsets[1] - offsets[0]) bytes in data_offsets \(offsets), but shape \(shape) of \(dtype) needs \(bytes)"
            )
        }
        return Entry(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
    }

    static func integers(_ v: JSONValue, what: String, fail: (String) -> SafeTensorsError) throws -> [Int] {
        guard case .array(let items) = v else { throw fail("\(what) must be a list of integers") }
        return try items.map { item in
            guard case .integer(let n) = item else { throw fail("\(what) must be a list of integers") }
            return n
        }
    }

    static func checkMetadata(_ v: JSONValue, file: String) throws {
        guard case .object(let items) = v,
            items.allSatisfy({ if case .string = $0.value { return true } else { return false } })
        else {
            throw SafeTensorsError(file: file, message: "__metadata__ must map strings to strings")
        }
    }

    /// The tensors' byte ranges must cover the data exactly once, in order, with no gaps or overlaps (as the format requires).
    static func checkTiling(_ entries: [String: Entry], dataBytes: Int, file: String) throws {
        var end = 0
        for (name, e) in entries.sorted(by: {
            ($0.value.range.lowerBound, $0.value.range.upperBound, $0.key) < (
                $1.value.range.lowerBound, $1.value.range.upperBound, $1.key
            )
        }) {
            guard e.range.lowerBound == end else {
                let what =
                    e.range.lowerBound < end
                    ? "overlaps the tensor before it" : "leaves a gap after the tensor before it"
                throw SafeTensorsError(
                    file: file,
                    message: "tensor '\(name)': data_offsets [\(e.range.lowerBound), \(e.range.upperBound)] \(what)")
            }
            end = e.range.upperBound
        }
        guard end == dataBytes else {
            throw SafeTensorsError(
                file: file,
                message: "the tensors cover \(end) data bytes, but the file holds \(dataBytes) after the header")
        }
    }

    /// Reads a tensor as fp32, converting F16 and BF16.
    public func tensor(_ name: String) throws -> Tensor {
        guard let e = entries[name] else { throw SafeTensorsError(file: path, message: "tensor '\(name)' is missing") }
        let count = e.range.count / Self.widths[e.dtype]!
        switch e.dtype {
        case "F32", "F16", "BF16": break
        default:
            throw SafeTensorsError(
                file: path, message: "tensor '\(name)': dtype \(e.dtype) is not supported; expected F32, F16 or BF16")
        }
        let t = Tensor(shape: e.shape)
        data.withUnsafeBytes { raw in
            let base = raw.baseAddress! + dataStart + e.range.lowerBound
            switch e.dtype {
            case "F32":
                for i in 0..<count {
                    t.data[i] = Float(
                        bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
            case "F16":
                for i in 0..<count {
                    t.data[i] = Float(
                        Float16(
                            bitPattern: UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                        ))
                }
            default:
                for i in 0..<count {
                    t.data[i] = Float(
                        bitPattern: UInt32(
                            UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) << 16)
                }
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
        try OutputFile.check(url.path, role: "safetensors output").write(out)
    }
}

public struct SafeTensorsError: InputError, Equatable {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
