import Foundation
import FuzzSupport
import Reference
import TestSupport
import XCTest

/// Seeded, deterministic fuzzing of the safetensors and .npy readers (the long libFuzzer run is ci/fuzz.sh): every
/// input must either parse or throw the reader's own error type, within a second. A crash fails the whole run.
final class ParserFuzzTests: XCTestCase {
    static let inputs = 10_000
    static let seed: UInt64 = 0x5EED_F022

    func testSafeTensorsMutationsParseOrThrowSafeTensorsError() {
        var mutator = Mutator(
            format: .safetensors, seeds: FuzzSeeds.all(.safetensors, root: Repo.root), seed: Self.seed)
        let stats = run((0..<Self.inputs).map { _ in mutator.next() }, Self.readSafeTensors)
        XCTAssertGreaterThan(stats.parsed, 100, "the mutations should leave many files valid")
        XCTAssertGreaterThan(stats.refused, 5_000, "the mutations should break most files")
    }

    func testNPYMutationsParseOrThrowNPYError() {
        var mutator = Mutator(format: .npy, seeds: FuzzSeeds.all(.npy, root: Repo.root), seed: Self.seed)
        let stats = run((0..<Self.inputs).map { _ in mutator.next() }, Self.readNPY)
        XCTAssertGreaterThan(stats.parsed, 100, "the mutations should leave many files valid")
        XCTAssertGreaterThan(stats.refused, 5_000, "the mutations should break most files")
    }

    /// Hostile headers, each refused (or, where the data matches, read) without allocating what the header claims.
    func testSafeTensorsHostileHeaders() {
        func file(_ header: String, data: Int = 0, length: UInt64? = nil) -> [UInt8] {
            let n = length ?? UInt64(header.utf8.count)
            return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + Array(header.utf8)
                + [UInt8](repeating: 0x3F, count: data)
        }
        func tensor(_ shape: String, _ offsets: String, dtype: String = "F32") -> String {
            "{\"t\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":\(offsets)}}"
        }
        let ok = tensor("[2]", "[0,8]")
        let refused: [(String, [UInt8])] = [
            ("length 2^64-1", file(ok, data: 8, length: UInt64.max)),
            ("length 2^63", file(ok, data: 8, length: 1 << 63)),
            ("length past the cap", file(ok, data: 8, length: 100_000_001)),
            ("length past the file", file(ok, data: 8, length: UInt64(ok.utf8.count + 9))),
            ("length 1", file(ok, data: 8, length: 1)),
            ("no header", file("")),
            ("a 2^40-element tensor with no data", file(tensor("[1099511627776]", "[0,4398046511104]"))),
            ("a 2^40-element tensor with 8 bytes", file(tensor("[1099511627776]", "[0,4398046511104]"), data: 8)),
            ("shape overflowing Int", file(tensor("[4611686018427387904,4]", "[0,0]"))),
            (
                "shape overflowing only with its zero",
                file(tensor("[0,4611686018427387904,4611686018427387904]", "[0,0]"))
            ),
            ("end offset 2^63-1", file(tensor("[2]", "[0,9223372036854775807]"), data: 8)),
            ("offsets past Int", file(tensor("[2]", "[0,9223372036854775808]"), data: 8)),
            ("offsets past UInt64", file(tensor("[2]", "[0,18446744073709551616]"), data: 8)),
            ("negative offset", file(tensor("[2]", "[-8,0]"), data: 8)),
            ("end before begin", file(tensor("[2]", "[8,0]"), data: 8)),
            ("negative dimension", file(tensor("[-2]", "[0,8]"), data: 8)),
            ("negative dimensions whose product fits", file(tensor("[-2,-1]", "[0,8]"), data: 8)),
            ("fractional dimension", file(tensor("[2.0]", "[0,8]"), data: 8)),
            ("exponent dimension", file(tensor("[2e0]", "[0,8]"), data: 8)),
            ("huge exponent", file(tensor("[1e999]", "[0,8]"), data: 8)),
            ("three offsets", file(tensor("[2]", "[0,4,8]"), data: 8)),
            ("gap", file(tensor("[2]", "[4,12]"), data: 12)),
            ("data left over", file(ok, data: 9)),
            (
                "duplicate tensor",
                file(
                    "{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                    data: 8)
            ),
            (
                "duplicate field",
                file("{\"t\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,8]}}", data: 8)
            ),
            ("unknown dtype", file(tensor("[2]", "[0,8]", dtype: "F128"), data: 8)),
            ("unsupported dtype, read", file(tensor("[1]", "[0,8]", dtype: "I64"), data: 8)),
            (
                "nested 17 deep",
                file("{\"a\":" + String(repeating: "[", count: 17) + String(repeating: "]", count: 17) + "}")
            ),
            ("nested 100000 deep", file("{\"a\":" + String(repeating: "[", count: 100_000))),
            ("object nested 10000 deep", file(String(repeating: "{\"a\":", count: 10_000))),
            ("bad escape", file("{\"\\uZZZZ\":{}}")),
            ("signed escape", file("{\"\\u+041\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", data: 8)),
            ("invalid UTF-8 name", file("{\"\u{FFFD}\":1}").map { $0 == 0xEF ? 0xFF : $0 }),
            ("control character", file("{\"a\nb\":{}}")),
            ("metadata not strings", file("{\"__metadata__\":{\"a\":1}}")),
            ("metadata list", file("{\"__metadata__\":[]}")),
            ("trailing text", file("{} x")),
            ("trailing comma", file("{\"__metadata__\":{},}")),
            ("leading zero", file(tensor("[02]", "[0,8]"), data: 8)),
            ("not an object", file("[]")),
            ("NUL in header", file("{\"a\u{0}\":{}}")),
        ]
        for (what, bytes) in refused {
            XCTAssertFalse(Self.readSafeTensors(bytes) ?? true, "\(what): expected SafeTensorsError")
        }
        let parsed: [(String, [UInt8])] = [
            ("two floats", file(ok, data: 8)),
            ("zero-sized huge dimension", file(tensor("[0,1099511627776]", "[0,0]"))),
            ("scalar", file(tensor("[]", "[0,4]"), data: 4)),
            (
                "lone surrogate name (read as U+FFFD)",
                file("{\"\\ud800\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", data: 8)
            ),
            ("empty header", file("{}")),
            ("padded header", file("{}      ")),
        ]
        for (what, bytes) in parsed {
            XCTAssertEqual(Self.readSafeTensors(bytes), true, "\(what): expected it to be read")
        }
        // A slice of a larger buffer reads the same as the file's own bytes.
        let padded = Data([9, 9, 9] + file(ok, data: 8))
        XCTAssertEqual(try SafeTensorsFile(data: padded.dropFirst(3), path: "slice").tensor("t").shape, [2])
    }

    func testNPYHostileHeaders() {
        func file(_ header: String, data: Int = 0, major: UInt8 = 1, minor: UInt8 = 0, length: Int? = nil) -> [UInt8] {
            let n = length ?? header.utf8.count
            let lengthBytes = major == 1 ? 2 : 4
            return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, major, minor]
                + (0..<lengthBytes).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
                + Array(header.utf8) + [UInt8](repeating: 0x3F, count: data)
        }
        func header(_ shape: String, descr: String = "'<f4'", fortran: String = "False") -> String {
            "{'descr': \(descr), 'fortran_order': \(fortran), 'shape': \(shape), }\n"
        }
        let refused: [(String, [UInt8])] = [
            ("a 2^40-element array with no data", file(header("(1099511627776,)"))),
            ("a 2^40-element array with 8 bytes", file(header("(1099511627776,)"), data: 8)),
            ("shape overflowing Int", file(header("(9223372036854775807, 2)"))),
            ("dimension past Int", file(header("(99999999999999999999,)"))),
            ("shape overflowing only with its zero", file(header("(0, 4611686018427387904, 4611686018427387904)"))),
            ("negative dimension", file(header("(-2,)"), data: 8)),
            ("nested tuple", file(header("((2,),)"), data: 8)),
            ("empty tuple item", file(header("(,)"))),
            ("list shape", file(header("[2]"), data: 8)),
            ("header length 2^32-1", file(header("(2,)"), data: 8, major: 2, length: 0xFFFF_FFFF)),
            (
                "header length past the cap",
                file(header("(2,)") + String(repeating: " ", count: 10_001), data: 8, major: 2)
            ),
            ("header length past the file", file(header("(2,)"), length: 200)),
            ("version 0.0", file(header("(2,)"), data: 8, major: 0)),
            ("version 4.0", file(header("(2,)"), data: 8, major: 4)),
            ("version 1.1", file(header("(2,)"), data: 8, minor: 1)),
            ("no newline", file("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", data: 8)),
            ("non-ASCII in 1.0", file(header("(2,)", descr: "'<f4é'"), data: 8)),
            ("UTF-8 in 3.0, bad dtype", file(header("(2,)", descr: "'<f4é'"), data: 8, major: 3)),
            (
                "invalid UTF-8 in 3.0",
                file(header("(2,)"), data: 8, major: 3).map { $0 == UInt8(ascii: "<") ? 0xFF : $0 }
            ),
            (
                "duplicate key",
                file("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n", data: 8)
            ),
            ("missing key", file("{'descr': '<f4', 'shape': (2,), }\n", data: 8)),
            ("extra key", file("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': True}\n", data: 8)),
            ("escape", file(header("(2,)", descr: "'<f\\4'"), data: 8)),
            ("unterminated string", file("{'descr': '<f4\n", data: 8)),
            ("fortran order", file(header("(2,)", fortran: "True"), data: 8)),
            ("big-endian", file(header("(2,)", descr: "'>f4'"), data: 8)),
            ("trailing text", file("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x\n", data: 8)),
            ("short data", file(header("(2,)"), data: 7)),
            ("long data", file(header("(2,)"), data: 9)),
            ("empty header", file("")),
            ("ten bytes", Array(file("")[0..<10])),
            ("nine bytes", Array(file("")[0..<9])),
            ("version 2.0 cut in its length field", Array(file(header("(2,)"), major: 2)[0..<11])),
        ]
        for (what, bytes) in refused {
            XCTAssertFalse(Self.readNPY(bytes) ?? true, "\(what): expected NPYError")
        }
        let parsed: [(String, [UInt8])] = [
            ("two floats", file(header("(2,)"), data: 8)),
            ("zero-sized huge dimension", file(header("(0, 1099511627776)"))),
            ("scalar", file(header("()"), data: 4)),
            ("version 2.0", file(header("(2,)"), data: 8, major: 2)),
            ("version 3.0", file(header("(2,)"), data: 8, major: 3)),
        ]
        for (what, bytes) in parsed {
            XCTAssertEqual(Self.readNPY(bytes), true, "\(what): expected it to be read")
        }
        let good = Data([1, 2] + file(header("(2,)"), data: 8))
        XCTAssertEqual(try NPY.read(data: good.dropFirst(2), path: "slice").shape, [2])
    }

    // MARK: helpers

    /// true: read (every tensor); false: refused with SafeTensorsError; nil: anything else (already a failure).
    static func readSafeTensors(_ bytes: [UInt8]) -> Bool? {
        do {
            let file = try SafeTensorsFile(data: Data(bytes), path: "fuzz.safetensors")
            var all = true
            for name in file.entries.keys.sorted() {
                do { _ = try file.tensor(name) } catch is SafeTensorsError { all = false }
            }
            return all
        } catch is SafeTensorsError {
            return false
        } catch {
            XCTFail(
                "unexpected error type \(type(of: error)): \(error); input (base64): \(Data(bytes).base64EncodedString())"
            )
            return nil
        }
    }

    static func readNPY(_ bytes: [UInt8]) -> Bool? {
        do {
            _ = try NPY.read(data: Data(bytes), path: "fuzz.npy")
            return true
        } catch is NPYError {
            return false
        } catch {
            XCTFail(
                "unexpected error type \(type(of: error)): \(error); input (base64): \(Data(bytes).base64EncodedString())"
            )
            return nil
        }
    }

    struct Stats { var parsed = 0, refused = 0, slowest = 0.0 }

    func run(_ inputs: [[UInt8]], _ read: ([UInt8]) -> Bool?, file: StaticString = #filePath, line: UInt = #line)
        -> Stats
    {
        var stats = Stats()
        for (i, input) in inputs.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = read(input)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if seconds > stats.slowest { stats.slowest = seconds }
            XCTAssertLessThan(
                seconds, 1, "input \(i) took \(seconds) s (base64): \(Data(input).base64EncodedString())", file: file,
                line: line)
            switch result {
            case true?: stats.parsed += 1
            case false?: stats.refused += 1
            case nil: XCTFail("input \(i) failed", file: file, line: line)
            }
        }
        print(
            "\(inputs.count) inputs: \(stats.parsed) read, \(stats.refused) refused, slowest \(String(format: "%.1f", stats.slowest * 1000)) ms"
        )
        return stats
    }
}
