// Seeded, deterministic input mutation for the parsers portbench reads untrusted files with: the seeded fuzz tests
// (ReferenceTests, WorkloadTests) and the plain-build fallback of Sources/PortbenchFuzz use it; ci/fuzz.sh uses
// libFuzzer's own mutator instead. No dependency on the parsers themselves.
import Foundation
import Kernels
import PortbenchSchema

/// The fuzz tests' generator is the project's one SplitMix64 (Kernels), so a run is the same on every machine.
public typealias FuzzRandom = SplitMix64

extension SplitMix64 {
    /// A uniform integer in 0..<n (n > 0).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

public enum FuzzFormat: String, CaseIterable, Sendable {
    case safetensors, npy, yaml, json
}

/// Mutates seed files of one format. Binary formats are split into their parts (length field, text header, data) so
/// that header text edits can keep a consistent length field and reach the header parser, or deliberately not.
public struct Mutator {
    public let format: FuzzFormat
    /// Longer inputs are cut to this length (the parsers' size caps are tested with inputs of their own).
    public var maxSize = 32 * 1024
    public private(set) var rng: FuzzRandom
    let seeds: [[UInt8]]

    public init(format: FuzzFormat, seeds: [[UInt8]], seed: UInt64) {
        precondition(!seeds.isEmpty, "Mutator: no seeds")
        self.format = format
        self.seeds = seeds
        rng = FuzzRandom(seed: seed)
    }

    /// Numbers a header field is set to: zero, -1, the edges of Int64/UInt64, 2^32, 2^40 (a "1 TiB tensor"), and past.
    public static let interestingNumbers = [
        "0", "1", "-1", "2", "7", "65535", "65536", "100000000", "4294967295", "4294967296", "1099511627776",
        "4611686018427387904", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616", "99999999999999999999999999",
        "1e999", "-0", "1.5", "0x10", "00", "1e3",
    ]

    static let tokens: [FuzzFormat: [String]] = [
        .json: [
            "\"schema\"", "\"portbench.result\"", "\"schema_version\"", "\"run_id\"", "\"cases\"", "\"samples_ns\"",
            "\"metrics\"", "\"stats\"", "\"nan\"", "\"inf\"", "\"-inf\"", "1e999", "-0", "0.5", "18446744073709551616",
            "\"\\u0000\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\uZZZZ\"", "[]", "{}", "null", "true", "false", ",",
            ":", "[", "]", "{", "}", " ", "\u{00}", "\u{FF}", "é",
        ],
        .safetensors: [
            "\"dtype\"", "\"shape\"", "\"data_offsets\"", "\"__metadata__\"", "\"F32\"", "\"F16\"",
            "\"BF16\"", "\"I64\"", "\"F64\"", "\"BOOL\"", "\"U8\"", "[]", "{}", "null", "true", "false",
            "\"\\u0000\"", "\"\\ud800\"", "\"\\uZZZZ\"", "\\", "\"", ",", ":", "[", "]", "{", "}", " ",
            "\u{00}", "\u{FF}", "é", "[0,0]", "[0]",
        ],
        .npy: [
            "'descr'", "'fortran_order'", "'shape'", "'<f4'", "'<f8'", "'<f2'", "'>f4'", "'|u1'", "'<i8'",
            "True", "False", "None", "()", "(0,)", "(1,)", "(,)", ",", ":", "{", "}", "(", ")", "'", "\"", "\\",
            "\n", " ", "\t", "é", "\u{00}", "\u{7F}",
        ],
        .yaml: [
            "name: ", "layer:", "scenarios:", "model:", "serve:", "kind: ", "decoder", "moe-decoder", "encoder",
            "hidden: ", "heads: ", "kv_heads: ", "head_dim: ", "ffn: ", "experts: ", "top_k: ", "phase: ",
            "prefill", "decode", "batch: ", "seq: ", "context: ", "lengths:", "weight: ", "entries:",
            "workload: ", "goals:", "peak_tflops:", "sources:", "value: ", "source: ", "&a ", "*a", "<<: *a",
            "!!str ", "!!int ", "!!float ", "!!binary ", "!!map ", "!!seq ", "? ", "- ", ": ", "---\n", "...\n",
            "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", ".inf", "-.inf", ".nan", "~", "null", "0x7fffffffffffffff",
            "0o777", "0b101", "1_000", "1e308", "1e309", "[", "]", "{", "}", ",", "'", "\"", "|", ">", "|-", ">+",
            "#", "\n", "\n  ", "\t", "\r", "\u{FEFF}", "\u{00}", "\\", "é", "\"\\u0000\"", "\"\\ud800\"",
        ],
    ]

    /// The next input: a seed (sometimes spliced with another) through 1–4 mutations.
    public mutating func next() -> [UInt8] {
        var doc = Document(format: format, bytes: rng.pick(seeds))
        let rounds = 1 + rng.below(4)
        for _ in 0..<rounds {
            if doc.isStructured, rng.chance(20) {
                mutateData(&doc)
            } else {
                if rng.chance(5) { doc.flatten() }
                mutate(&doc.header)
            }
        }
        var out = doc.assemble(fixLength: rng.chance(85), rng: &rng)
        if rng.chance(10) { mutateBytes(&out) }
        if out.count > maxSize { out.removeLast(out.count - maxSize) }
        return out
    }

    // MARK: mutations

    mutating func mutate(_ b: inout [UInt8]) {
        switch rng.below(12) {
        case 0, 1: mutateBytes(&b)
        case 2: insert(Array(rng.pick(Self.tokens[format]!).utf8), into: &b)
        case 3: replaceNumber(in: &b)
        case 4: duplicateSegment(&b)
        case 5: splice(into: &b)
        case 6, 7: replaceNumber(in: &b)
        case 8: nest(&b)
        case 9: swapToken(in: &b)
        case 10: duplicateSegment(&b)
        default: insert(Array(rng.pick(Self.tokens[format]!).utf8), into: &b)
        }
    }

    /// Bit flips, random or special bytes, inserts, deletes, truncation.
    mutating func mutateBytes(_ b: inout [UInt8]) {
        switch rng.below(6) {
        case _ where b.isEmpty:
            b.append(UInt8(rng.below(256)))
        case 0:
            b[rng.below(b.count)] ^= UInt8(1) << UInt8(rng.below(8))
        case 1:
            b[rng.below(b.count)] = rng.pick([
                0x00, 0xFF, 0x7F, 0x80, 0x22, 0x27, 0x5C, 0x0A, 0x20, UInt8(rng.below(256)),
            ])
        case 2:
            b.insert(
                contentsOf: (0..<(1 + rng.below(4))).map { _ in UInt8(rng.below(256)) }, at: rng.below(b.count + 1))
        case 3:
            guard !b.isEmpty else { return }
            let start = rng.below(b.count)
            b.removeSubrange(start..<min(b.count, start + 1 + rng.below(rng.chance(80) ? 4 : 64)))
        case 4:
            b.removeLast(rng.below(b.count + 1))
        default:
            guard b.count >= 2 else { return }
            b.swapAt(rng.below(b.count), rng.below(b.count))
        }
    }

    mutating func insert(_ bytes: [UInt8], into b: inout [UInt8]) {
        b.insert(contentsOf: bytes, at: rng.below(b.count + 1))
    }

    /// Replaces one run of digits (with its sign) by an interesting number, or by a neighbour of itself.
    mutating func replaceNumber(in b: inout [UInt8]) {
        var runs: [Range<Int>] = []
        var i = 0
        while i < b.count {
            if (0x30...0x39).contains(b[i]) {
                var start = i
                if start > 0, b[start - 1] == UInt8(ascii: "-") { start -= 1 }
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                runs.append(start..<i)
            } else {
                i += 1
            }
        }
        guard !runs.isEmpty else { return insert(Array(rng.pick(Self.interestingNumbers).utf8), into: &b) }
        let r = rng.pick(runs)
        let replacement: String
        if rng.chance(25), let n = Int(String(decoding: b[r], as: UTF8.self)) {
            replacement = String(n &+ rng.pick([-1, 1, 2, -2, 8, n, 0 &- n]))
        } else {
            replacement = rng.pick(Self.interestingNumbers)
        }
        b.replaceSubrange(r, with: Array(replacement.utf8))
    }

    /// Copies a segment that ends at a delimiter right after itself: a duplicate key or list item, most of the time.
    mutating func duplicateSegment(_ b: inout [UInt8]) {
        let delimiters: Set<UInt8> = format == .yaml ? [0x0A] : [UInt8(ascii: ","), UInt8(ascii: "{")]
        let marks = b.indices.filter { delimiters.contains(b[$0]) }
        guard marks.count >= 2 else { return mutateBytes(&b) }
        let k = rng.below(marks.count - 1)
        let span = 1 + rng.below(min(3, marks.count - 1 - k))
        let (from, to) = (marks[k] + 1, marks[k + span] + 1)
        let segment = Array(b[from..<to])
        let copies = rng.chance(90) ? 1 : 1 + rng.below(50)
        for _ in 0..<copies { b.insert(contentsOf: segment, at: to) }
    }

    /// Inserts a piece of another seed.
    mutating func splice(into b: inout [UInt8]) {
        let other = Document(format: format, bytes: rng.pick(seeds)).header
        guard !other.isEmpty else { return }
        let start = rng.below(other.count)
        insert(Array(other[start..<min(other.count, start + 1 + rng.below(64))]), into: &b)
    }

    /// Deep or wide nesting, at the parsers' depth limits and far past them.
    mutating func nest(_ b: inout [UInt8]) {
        let depth = rng.pick([2, 15, 16, 17, 64, 999, 1000, 1001])
        let unit: String
        switch format {
        case .safetensors: unit = rng.pick(["[", "{\"a\":", "[{\"a\":"])
        case .npy: unit = rng.pick(["(", "{'a':", "["])
        case .yaml: unit = rng.pick(["[", "{", "{a: ", "- ", "? ", "&a [", "!!seq ["])
        case .json: unit = rng.pick(["[", "{\"a\":", "[{\"run_id\":"])
        }
        var piece = Array(String(repeating: unit, count: depth).utf8)
        if rng.chance(50) {
            let close: String
            switch unit.last! {
            case "[": close = "]"
            case "(": close = ")"
            case "{", ":", " ": close = unit.contains("[") ? "}]" : "}"
            default: close = ""
            }
            piece += Array(String(repeating: close, count: depth).utf8)
        }
        insert(piece, into: &b)
    }

    /// Replaces one known token of the format by another (a dtype, a key, a literal).
    mutating func swapToken(in b: inout [UInt8]) {
        let tokens = Self.tokens[format]!.filter { $0.count >= 3 }
        let from = Array(rng.pick(tokens).utf8)
        guard let at = firstIndex(of: from, in: b) else { return insert(from, into: &b) }
        b.replaceSubrange(at..<(at + from.count), with: Array(rng.pick(tokens).utf8))
    }

    func firstIndex(of needle: [UInt8], in b: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= b.count else { return nil }
        return b.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                while i <= h.count - n.count {
                    if h[i] == first, memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// Grows, shrinks or corrupts the data after the header.
    mutating func mutateData(_ doc: inout Document) {
        switch rng.below(4) {
        case 0: doc.data.removeLast(rng.below(doc.data.count + 1))
        case 1: doc.data += [UInt8](repeating: UInt8(rng.below(256)), count: rng.pick([1, 2, 4, 8, 100]))
        case 2: doc.data = []
        default: mutateBytes(&doc.data)
        }
    }
}

/// A seed split into its parts: a binary prefix (length field; .npy magic and version), header text, data.
struct Document {
    let format: FuzzFormat
    var prefix: [UInt8]
    var header: [UInt8]
    var data: [UInt8]
    var isStructured: Bool

    init(format: FuzzFormat, bytes: [UInt8]) {
        self.format = format
        (prefix, header, data, isStructured) = ([], bytes, [], false)
        switch format {
        case .yaml, .json: break
        case .safetensors:
            guard bytes.count >= 8 else { return }
            let n = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            guard n <= UInt64(bytes.count - 8) else { return }
            (prefix, header, data, isStructured) = (
                [], Array(bytes[8..<(8 + Int(n))]), Array(bytes[(8 + Int(n))...]), true
            )
        case .npy:
            guard bytes.count >= 10, [1, 2, 3].contains(bytes[6]) else { return }
            let lengthBytes = bytes[6] == 1 ? 2 : 4
            guard bytes.count >= 8 + lengthBytes else { return }
            let n = (0..<lengthBytes).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            let start = 8 + lengthBytes
            guard start + n <= bytes.count else { return }
            (prefix, header, data, isStructured) = (
                Array(bytes[0..<8]), Array(bytes[start..<(start + n)]),
                Array(bytes[(start + n)...]), true
            )
        }
    }

    /// Gives up the structure: further edits see the whole file as bytes.
    mutating func flatten() {
        guard isStructured else { return }
        var rng = FuzzRandom(seed: 0)
        header = assemble(fixLength: true, rng: &rng)
        (prefix, data, isStructured) = ([], [], false)
    }

    /// The file's bytes: with a length field that matches the header, or (sometimes) one that does not.
    func assemble(fixLength: Bool, rng: inout FuzzRandom) -> [UInt8] {
        guard isStructured else { return header }
        switch format {
        case .yaml, .json:
            return header
        case .safetensors:
            var n = UInt64(header.count)
            if !fixLength {
                n = rng.pick([
                    0, 1, 2, n &- 1, n &+ 1, n &+ UInt64(data.count), n &+ UInt64(data.count) &+ 1,
                    100_000_000, 100_000_001, UInt64(Int64.max), UInt64(Int64.max) &+ 1, UInt64.max, rng.next(),
                ])
            }
            return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + header + data
        case .npy:
            var p = prefix
            if !fixLength, rng.chance(30) {
                p[6] = rng.pick([0, 1, 2, 3, 4, 255])
                p[7] = rng.pick([0, 0, 1, 255])
            }
            let lengthBytes = p[6] == 1 ? 2 : 4
            var n = UInt64(header.count)
            if !fixLength, p[6] == prefix[6] {
                n = rng.pick([
                    0, 1, n &- 1, n &+ 1, n &+ UInt64(data.count), 10_000, 10_001, 0xFFFF, 0xFFFF_FFFF, rng.next(),
                ])
            }
            return p + (0..<lengthBytes).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + header + data
        }
    }
}
