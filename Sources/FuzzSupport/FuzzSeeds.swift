import Foundation

/// Small valid seed files, built in code (the same kinds ci/fuzz/make_seeds.py writes for libFuzzer), and the
/// repository's own files of each format.
public enum FuzzSeeds {
    static let widths = ["F32": 4, "F16": 2, "BF16": 2, "F64": 8, "I64": 8, "I32": 4, "U8": 1, "BOOL": 1]

    /// A safetensors file of `tensors` (name, dtype, shape), data filled with a ramp; optional string metadata.
    public static func safetensors(
        _ tensors: [(String, String, [Int])], metadata: [String: String]? = nil,
        pad: Bool = true
    ) -> [UInt8] {
        var parts: [String] = []
        var data: [UInt8] = []
        for (name, dtype, shape) in tensors {
            let bytes = shape.reduce(1, *) * widths[dtype]!
            let shapeText = shape.map(String.init).joined(separator: ",")
            parts.append(
                "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":[\(shapeText)],\"data_offsets\":[\(data.count),\(data.count + bytes)]}"
            )
            data += (0..<bytes).map { UInt8(truncatingIfNeeded: $0 * 7 + 60) }
        }
        if let metadata {
            let items = metadata.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }
            parts.append("\"__metadata__\":{\(items.joined(separator: ","))}")
        }
        var header = Array("{\(parts.joined(separator: ","))}".utf8)
        while pad, (header.count + 8) % 8 != 0 { header.append(0x20) }
        let n = UInt64(header.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + header + data
    }

    /// A .npy file (format `version`.0) of `shape` and `descr`, data filled with a ramp.
    public static func npy(_ shape: [Int], descr: String = "<f4", version: UInt8 = 1, fortran: Bool = false) -> [UInt8]
    {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shapeText), }"
        let lengthBytes = version == 1 ? 2 : 4
        while (8 + lengthBytes + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let n = header.utf8.count
        let width = Int(descr.dropFirst(2))!
        return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version, 0]
            + (0..<lengthBytes).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
            + Array(header.utf8) + (0..<(shape.reduce(1, *) * width)).map { UInt8(truncatingIfNeeded: $0 * 5 + 17) }
    }

    public static let smallSafetensors: [[UInt8]] = [
        safetensors([("w", "F32", [2, 3])]),
        safetensors([("a.weight", "F16", [4]), ("a.bias", "F16", [2])]),
        safetensors([("x", "BF16", [2, 2]), ("y", "F32", [1])], metadata: ["format": "pt"]),
        safetensors([("s", "F32", []), ("e", "F32", [0, 3])], pad: false),
        safetensors([("i", "I64", [1]), ("b", "BOOL", [3]), ("d", "F64", [1])]),
        safetensors([]),
        safetensors(
            [
                ("model.layers.0.self_attn.q_proj.weight", "BF16", [2, 2]),
                ("model.layers.0.self_attn.k_proj.weight", "BF16", [1, 2]),
                ("model.layers.0.input_layernorm.weight", "F32", [2]),
            ], metadata: ["format": "pt", "note": "x"]),
    ]

    public static let smallNPY: [[UInt8]] = [
        npy([2, 3]), npy([3], descr: "<f8"), npy([2, 2], descr: "<f2"), npy([1, 2, 1], version: 2),
        npy([], version: 3), npy([0, 4]), npy([5]),
    ]

    /// The repository's files of a format under `root` (fixtures larger than `maxBytes` are skipped).
    public static func repositoryFiles(_ format: FuzzFormat, root: URL, maxBytes: Int = 4096) -> [[UInt8]] {
        let folders: [(String, String)]
        switch format {
        case .safetensors: folders = [("Tests/ReferenceTests/Fixtures", "safetensors")]
        case .npy: folders = [("Tests/ReferenceTests/Fixtures", "npy")]
        case .yaml: folders = [("Workloads", "yaml"), ("Workloads/suites", "yaml"), ("Devices", "yaml")]
        case .json: folders = [("Tests/SchemaTests/Fixtures", "json")]
        }
        var out: [[UInt8]] = []
        for (folder, ext) in folders {
            let dir = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".\(ext)") {
                guard let d = try? Data(contentsOf: dir.appendingPathComponent(name)) else { continue }
                if d.count <= maxBytes {
                    out.append(Array(d))
                } else if format == .safetensors, let mini = miniature(Array(d)) {
                    out.append(mini)
                }
            }
        }
        return out
    }

    /// A safetensors file with `file`'s header (names, dtypes, rank, metadata) but every dimension cut to at most 2.
    static func miniature(_ file: [UInt8]) -> [UInt8]? {
        guard file.count >= 8 else { return nil }
        let n = file[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard n <= file.count - 8,
            var header = try? JSONSerialization.jsonObject(with: Data(file[8..<(8 + n)])) as? [String: Any]
        else { return nil }
        let metadata = header.removeValue(forKey: "__metadata__") as? [String: String]
        var tensors: [(Int, String, String, [Int])] = []
        for (name, value) in header {
            guard let e = value as? [String: Any], let dtype = e["dtype"] as? String, widths[dtype] != nil,
                let shape = e["shape"] as? [Int], let offsets = e["data_offsets"] as? [Int], !offsets.isEmpty
            else { return nil }
            tensors.append((offsets[0], name, dtype, shape.map { min($0, 2) }))
        }
        return safetensors(
            tensors.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { ($0.1, $0.2, $0.3) }, metadata: metadata)
    }

    /// Small seeds built here plus the repository's own small files.
    public static func all(_ format: FuzzFormat, root: URL) -> [[UInt8]] {
        switch format {
        case .safetensors: return smallSafetensors + repositoryFiles(.safetensors, root: root)
        case .npy: return smallNPY + repositoryFiles(.npy, root: root)
        case .yaml: return repositoryFiles(.yaml, root: root)
        case .json: return repositoryFiles(.json, root: root, maxBytes: 16384)
        }
    }
}
