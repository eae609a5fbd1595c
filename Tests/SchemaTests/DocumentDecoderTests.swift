import Foundation
import FuzzSupport
import XCTest

@testable import PortbenchSchema

/// The documents' own JSON reader against Foundation's `JSONDecoder` configured as the documents were written
/// (`convertFromSnakeCase`, "nan"/"inf"/"-inf"): the same values from every document, the same refusals, and the
/// same field named in each refusal.
final class DocumentDecoderTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    static func foundation() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// Decodes an object and keeps the names its keys were converted to.
    struct KeyNames: Decodable {
        var names: [String]
        init(from decoder: any Decoder) throws {
            names = try decoder.container(keyedBy: DocumentKey.self).allKeys.map(\.stringValue)
        }
    }

    func testEveryKeyConvertsAsFoundationConvertsIt() throws {
        let keys = [
            "run_id", "_leading", "trailing_", "__both__", "a__b", "URL_value", "median_upper95", "p05", "x", "",
            "_", "___", "snake_Case_KEY", "already camel", "weight_read_gbps", "a_1_b", "ünï_cödé", "OPENBLAS_CORETYPE",
        ]
        for key in keys {
            let json = try JSONSerialization.data(withJSONObject: [key: 1])
            let expected = try Self.foundation().decode(KeyNames.self, from: json).names
            XCTAssertEqual(try JSONCoding.decoder().decode(KeyNames.self, from: json).names, expected, key)
            XCTAssertEqual([SnakeCaseKeys.convert(key)], expected, key)
        }
    }

    /// A property looked up by name finds the member whose key converts to it, however the key is spelled.
    struct Spelled: Decodable, Equatable {
        var runId: String?
        var medianUpper95: Double?
        var p05: Int?
        var aB: Bool?
    }

    func testLookupsMatchFoundationForEverySpelling() throws {
        let members = [
            #""run_id": "x""#, #""runId": "x""#, #""_run_id": "x""#, #""run__id": "x""#, #""RUN_ID": "x""#,
            #""Run_Id": "x""#, #""median_upper95": 1.5"#, #""median_upper_95": 1.5"#, #""medianUpper95": 1.5"#,
            #""p05": 7"#, #""p_05": 7"#, #""a_b": true"#, #""a_B": true"#, #""ab": true"#, #""run_id": null"#,
            #""run_id": "x", "runId": "y""#, #""runId": "y", "run_id": "x""#,
        ]
        for body in members {
            let json = Data("{\(body)}".utf8)
            let expected = try Self.foundation().decode(Spelled.self, from: json)
            XCTAssertEqual(try JSONCoding.decoder().decode(Spelled.self, from: json), expected, body)
        }
    }

    func testEveryFixtureDocumentDecodesAsFoundationDecodesIt() throws {
        let folders = ["SchemaTests/Fixtures", "ResultsServerTests/Fixtures"].map {
            Self.root.appendingPathComponent($0)
        }
        var checked = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".json") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                guard let doc = try? Self.foundation().decode(ResultDocument.self, from: data) else { continue }
                XCTAssertEqual(try JSONCoding.decoder().decode(ResultDocument.self, from: data), doc, name)
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 5, "the result fixtures were compared")
    }

    /// Any JSON value, read through the `Decoder` protocol alone (so both decoders can be asked the same way).
    enum AnyJSON: Decodable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([AnyJSON])
        case object([String: AnyJSON])

        init(from decoder: any Decoder) throws {
            if let c = try? decoder.container(keyedBy: DocumentKey.self) {
                var members: [String: AnyJSON] = [:]
                for key in c.allKeys where members[key.stringValue] == nil {
                    members[key.stringValue] = try c.decode(AnyJSON.self, forKey: key)
                }
                self = .object(members)
            } else if var c = try? decoder.unkeyedContainer() {
                var elements: [AnyJSON] = []
                while !c.isAtEnd { elements.append(try c.decode(AnyJSON.self)) }
                self = .array(elements)
            } else {
                let c = try decoder.singleValueContainer()
                if c.decodeNil() {
                    self = .null
                } else if let b = try? c.decode(Bool.self) {
                    self = .bool(b)
                } else if let d = try? c.decode(Double.self) {
                    self = .number(d)
                } else {
                    self = .string(try c.decode(String.self))
                }
            }
        }
    }

    func testSyntaxIsAcceptedAndRefusedAsFoundationDoes() {
        let texts = [
            "", " ", "{", "}", "[", "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "-", "-0",
            "1.",
            ".5", "1e", "1e+", "1E-7", "-0.0e0", "+1", "0x10", "NaN", "Infinity", "nul", "tru", "true false", "[]]",
            "\"abc", "\"a\\qb\"", "\"\\u12\"", "\"\\u00e9\\u4e2d\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"",
            "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"tab\there\"", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "[1e999]",
            "[-1e999]", "[1e-999]", "[123456789012345678901234567890]", "{\"a\":{\"b\":[null,true,false,\"x\"]}}",
            "  [1]  ", "[1]x", "\u{feff}[1]", "[\"nan\", \"inf\", \"-inf\", \"NaN\"]",
            String(repeating: "[", count: 600),
            String(repeating: "[", count: 400) + String(repeating: "]", count: 400), "{\"a\":1,\"a\":2}",
        ]
        var bytes = texts.map { Data($0.utf8) }
        bytes += [Data([0x22, 0xC3, 0x28, 0x22]), Data([0x22, 0xE2, 0x82, 0xAC, 0x22]), Data([0x22, 0x01, 0x22])]
        // Deliberate differences: RFC 8259 has no trailing commas (Foundation takes them), and a number too small
        // for a Double reads as 0 (Foundation refuses it).
        let differences = ["[1,]": "nil", "{\"a\":1,}": "nil", "[1e-999]": "\(AnyJSON.array([.number(0)]))"]
        for data in bytes {
            let text = String(decoding: data, as: UTF8.self)
            let expected = (try? Self.foundation().decode(AnyJSON.self, from: data)).map { "\($0)" } ?? "nil"
            let actual = (try? JSONCoding.decoder().decode(AnyJSON.self, from: data)).map { "\($0)" } ?? "nil"
            if let different = differences[text] {
                XCTAssertNotEqual(expected, different, text)
                XCTAssertEqual(actual, different, text)
            } else {
                XCTAssertEqual(actual, expected, String(text.prefix(40)))  // by description: NaN is not equal to itself
            }
        }
    }

    /// Random damage to a real document: a value replaced by another kind, removed, or given an out-of-range
    /// number. Both decoders must accept the same documents (with the same values) and refuse the rest naming the
    /// same field.
    func testDamagedDocumentsAreJudgedAsFoundationJudgesThem() throws {
        let url = Self.root.appendingPathComponent("ResultsServerTests/Fixtures/nightly-ab-round.json")
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        var rng = SplitMix64(seed: 20_261_203)
        let replacements: [Any] = [
            NSNull(), "text", "nan", 1.5, -1, 1e300, 0, true, [String: Any](), [Any](), "cpu", "inf", 123_456_789,
        ]
        var outcomes: [String: Int] = [:]
        var paths: [[Any]] = []
        Self.collectPaths(original, [], into: &paths)
        for round in 0..<400 {
            let path = paths[Int(rng.next() % UInt64(paths.count))]
            let remove = rng.next() % 5 == 0
            let value = replacements[Int(rng.next() % UInt64(replacements.count))]
            let damaged = Self.replacing(original, at: path[...], with: remove ? nil : value)
            let data = try JSONSerialization.data(withJSONObject: damaged, options: [.sortedKeys])
            let expected = Result { try Self.foundation().decode(ResultDocument.self, from: data) }
            let actual = Result { try JSONCoding.decoder().decode(ResultDocument.self, from: data) }
            let label = "round \(round): \(path) \(remove ? "removed" : "= \(value)")"
            switch (expected, actual) {
            case (.success(let e), .success(let a)):
                let encoder = JSONCoding.encoder()  // by bytes: NaN is not equal to itself
                XCTAssertEqual(try encoder.encode(a), try encoder.encode(e), label)
                outcomes["accepted", default: 0] += 1
            case (.failure(DecodingError.dataCorrupted(let context)), .failure(let a as DecodingError))
            where context.codingPath.isEmpty:
                // Foundation calls a number that does not fit its type "not valid JSON"; here it names the field.
                XCTAssertEqual(DocumentDecodeError(a).field, Self.field(path), label)
                outcomes["refused", default: 0] += 1
            case (.failure(let e as DecodingError), .failure(let a as DecodingError)):
                XCTAssertEqual(DocumentDecodeError(a), DocumentDecodeError(e), label)
                outcomes["refused", default: 0] += 1
            default:
                XCTFail("\(label): Foundation \(expected), here \(actual)")
            }
        }
        XCTAssertGreaterThan(outcomes["accepted", default: 0], 20, "\(outcomes)")
        XCTAssertGreaterThan(outcomes["refused", default: 0], 100, "\(outcomes)")
    }

    /// A path as the documents' errors name fields: `cases[1].samples_ns[8]`.
    static func field(_ path: [Any]) -> String {
        path.reduce("") { out, step in
            if let index = step as? Int { return out + "[\(index)]" }
            return out + (out.isEmpty ? "" : ".") + "\(step)"
        }
    }

    /// Every path to a value (keys and indices), the document itself excluded.
    static func collectPaths(_ value: Any, _ path: [Any], into paths: inout [[Any]]) {
        if !path.isEmpty { paths.append(path) }
        if let object = value as? [String: Any] {
            for (key, member) in object { collectPaths(member, path + [key], into: &paths) }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() { collectPaths(element, path + [index], into: &paths) }
        }
    }

    /// A copy with the value at `path` replaced (or removed when `value` is nil).
    static func replacing(_ root: Any, at path: ArraySlice<Any>, with value: Any?) -> Any {
        guard let step = path.first else { return value ?? NSNull() }
        let rest = path.dropFirst()
        if var object = root as? [String: Any], let key = step as? String {
            if rest.isEmpty && value == nil {
                object[key] = nil
            } else {
                object[key] = replacing(object[key]!, at: rest, with: value)
            }
            return object
        }
        if var array = root as? [Any], let index = step as? Int {
            if rest.isEmpty && value == nil {
                array.remove(at: index)
            } else {
                array[index] = replacing(array[index], at: rest, with: value)
            }
            return array
        }
        return root
    }

    /// Numbers read as Swift's own `Double(String)` and `Float(String)` read them, bit for bit: the fast path and
    /// the library path, random values in every printed form, and the edges of the fast path.
    func testNumbersReadAsSwiftReadsThem() throws {
        var rng = SplitMix64(seed: 7)
        var texts = [
            "0", "-0", "0.0", "1", "-1", "0.1", "1e22", "1e23", "9007199254740992", "9007199254740993",
            "9007199254740991.5", "123.456e-5", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
            "16777216", "16777217", "3.4028235e38", "1e-10", "1E+10", "0.000000000000000000001", "12345678901234567890",
        ]
        for _ in 0..<5000 {
            let d = Double(bitPattern: rng.next() >> 2) * (rng.next() % 2 == 0 ? 1 : -1)
            let scale = pow(10, Double(Int(rng.next() % 40) - 20))
            let f = Float(Double(Int64(bitPattern: rng.next()) % 10_000_000) * scale)
            texts += [
                "\(d)", "\(Double(Int64(bitPattern: rng.next()) % 100_000_000) * scale)", "\(f)",
                String(format: "%.6e", d.isFinite ? d : 1), "\(Int64(bitPattern: rng.next()) % 1_000_000)",
            ]
        }
        for text in texts where text.first != "n" && !text.contains("inf") {
            let data = Data("[\(text)]".utf8)
            let doubles = try JSONCoding.decoder().decode([Double].self, from: data)
            let floats = try? JSONCoding.decoder().decode([Float].self, from: data)
            XCTAssertEqual(doubles.first?.bitPattern, Double(text)?.bitPattern, text)
            if let expected = Float(text), expected.isFinite {
                XCTAssertEqual(floats?.first?.bitPattern, expected.bitPattern, text)
            } else {
                XCTAssertNil(floats, text)
            }
        }
    }

    /// Seeded mutations of the result fixtures (the long libFuzzer run is `FUZZ_TARGETS=json ci/fuzz.sh`): every
    /// input is read or refused with the reader's own error, never a trap or another error type.
    func testMutatedDocumentsAreReadOrRefusedWithTheReadersError() {
        let repo = Self.root.deletingLastPathComponent()
        var mutator = Mutator(format: .json, seeds: FuzzSeeds.all(.json, root: repo), seed: 0x5EED_0050)
        var read = 0
        var refused = 0
        for _ in 0..<5_000 {
            do {
                _ = try ResultDocument.decode(json: Data(mutator.next()))
                read += 1
            } catch is DocumentDecodeError {
                refused += 1
            } catch {
                XCTFail("an error of another type: \(error)")
            }
        }
        XCTAssertGreaterThan(read, 50, "the mutations should leave some documents valid")
        XCTAssertGreaterThan(refused, 2_500, "the mutations should break most documents")
    }
}
