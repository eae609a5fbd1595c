import Foundation
import FuzzSupport
import TestSupport
import XCTest

@testable import Workload

/// Seeded, deterministic fuzzing of the workload-spec reader (the long libFuzzer run is ci/fuzz.sh): every input must
/// either parse or throw a SpecError, within a second. A crash fails the whole run.
final class SpecFuzzTests: XCTestCase {
    static let inputs = 10_000
    static let seed: UInt64 = 0x5EED_F022

    func testWorkloadSpecMutationsParseOrThrowSpecError() {
        // The shipped files up to 1 kB (tiny workloads, suites, two device profiles): Yams in a debug build takes
        // about a millisecond per kilobyte, and ci/fuzz.sh seeds libFuzzer with all of them.
        let seeds = FuzzSeeds.repositoryFiles(.yaml, root: Repo.root, maxBytes: 1_000)
        XCTAssertGreaterThanOrEqual(seeds.count, 10)
        var mutator = Mutator(format: .yaml, seeds: seeds, seed: Self.seed)
        var parsed = 0, refused = 0, slowest = 0.0
        for i in 0..<Self.inputs {
            let input = mutator.next()
            let (result, seconds) = Self.parse(input)
            slowest = max(slowest, seconds)
            XCTAssertLessThan(seconds, 1, "input \(i) took \(seconds) s (base64): \(Data(input).base64EncodedString())")
            switch result {
            case true?: parsed += 1
            case false?: refused += 1
            case nil: XCTFail("input \(i) failed")
            }
        }
        print(
            "\(Self.inputs) inputs: \(parsed) parsed, \(refused) refused, slowest \(String(format: "%.1f", slowest * 1000)) ms"
        )
        XCTAssertGreaterThan(parsed, 100, "the mutations should leave many specs valid")
        XCTAssertGreaterThan(refused, 5_000, "the mutations should break most specs")
    }

    /// What fuzzing found, and the shapes around it: each refused with a SpecError, in well under a second.
    func testHostileYAMLIsRefusedQuickly() {
        let deepKeys = String(repeating: "{", count: 999) + String(repeating: "}", count: 999)
        let cases: [(String, String, String)] = [
            // ci/fuzz.sh's first finding: keys that are mappings nested ~1000 deep (libyaml's own limit) took Yams
            // 1.5 s to compose, as each enclosing mapping hashes its whole key; a 1 MiB file of them, over a minute.
            ("mapping keys nested 999 deep", "name: t\nbias: " + deepKeys + "false\n", "nested more than 16 levels"),
            (
                "mapping keys nested 17 deep",
                "a: " + String(repeating: "{", count: 17) + String(repeating: "}", count: 17), "nested more than 16"
            ),
            (
                "lists nested 999 deep",
                "a: " + String(repeating: "[", count: 999) + String(repeating: "]", count: 999), "nested more than 16"
            ),
            (
                "block lists nested 40 deep",
                "a:\n" + (1...40).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n"),
                "nested more than 16"
            ),
            (
                "compact lists nested 40 deep", "a:\n  " + String(repeating: "- ", count: 40) + "x",
                "nested more than 16"
            ),
            ("complex keys nested 40 deep", String(repeating: "? ", count: 40) + "x", "nested more than 16"),
            (
                "blocks of 15-deep keys",
                (0..<3_000).map { "k\($0): " + String(repeating: "{", count: 15) + String(repeating: "}", count: 15) }
                    .joined(separator: "\n"), "more than 20000 YAML nodes"
            ),
            ("30,000 keys", (0..<30_000).map { "k\($0): v" }.joined(separator: "\n"), "more than 20000 YAML nodes"),
            (
                "a flow list of 100,000 items", "sources: [" + String(repeating: "1,", count: 100_000) + "1]",
                "more than 20000 YAML nodes"
            ),
            ("past the size cap", "name: " + String(repeating: "x", count: 1 << 20), "specs are limited to"),
            (
                "nested aliases",
                "sources: &a [x, x]\n"
                    + (1...10).map {
                        "s\($0): &a\($0) [*a\($0 == 1 ? "" : "\($0 - 1)"), *a\($0 == 1 ? "" : "\($0 - 1)")]"
                    }
                    .joined(separator: "\n"), "aliases"
            ),
            (
                "a syntax error after deep nesting is reported as before",
                "a: " + String(repeating: "[", count: 10) + "\n\t", "not valid YAML"
            ),
            (
                "huge integer",
                validSpec.replacingOccurrences(of: "hidden: 64", with: "hidden: 99999999999999999999999"),
                "expected an integer"
            ),
            (
                "2^63", validSpec.replacingOccurrences(of: "batch: 1,", with: "batch: 9223372036854775808,"),
                "expected an integer"
            ),
            (
                "infinite eps", validSpec.replacingOccurrences(of: "eps: 1.0e-5", with: "eps: .inf"),
                "expected a number in"
            ),
            (
                "NaN theta", validSpec.replacingOccurrences(of: "theta: 10000", with: "theta: .nan"),
                "expected a number in"
            ),
            (
                "1e309 theta", validSpec.replacingOccurrences(of: "theta: 10000", with: "theta: 1e309"),
                "expected a number in"
            ),
            ("duplicate key", validSpec + "\nname: u", "duplicate key"),
            (
                "binary name", validSpec.replacingOccurrences(of: "name: t", with: "name: !!binary aGVsbG8="),
                "expected a name"
            ),
            ("NUL byte", "name: t\u{0}\n", "not valid YAML"),
            ("empty", "", "empty"),
            ("two documents", validSpec + "\n---\n" + validSpec, "not valid YAML"),
        ]
        for (what, text, expected) in cases {
            let start = DispatchTime.now().uptimeNanoseconds
            XCTAssertThrowsError(try WorkloadSpec.parse(yaml: text, file: "f.yaml"), what) { error in
                guard let e = error as? SpecError else { return XCTFail("\(what): not a SpecError: \(error)") }
                XCTAssertTrue(e.message.contains(expected), "\(what): \(e)")
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            XCTAssertLessThan(seconds, 1, "\(what) took \(seconds) s")
        }
        // The deepest shipped YAML nests 4 levels; the bounds leave every shipped file alone.
        for folder in ["Workloads", "Workloads/suites", "Devices", "Validation"] {
            let dir = Repo.root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            where name.hasSuffix(".yaml") {
                XCTAssertNoThrow(try SpecNode.load(url: dir.appendingPathComponent(name)), "\(folder)/\(name)")
            }
        }
    }

    /// true: parsed; false: refused with SpecError; nil: anything else (already a failure).
    static func parse(_ bytes: [UInt8]) -> (Bool?, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result: Bool?
        do {
            _ = try WorkloadSpec.parse(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
            result = true
        } catch is SpecError {
            result = false
        } catch {
            XCTFail(
                "unexpected error type \(type(of: error)): \(error); input (base64): \(Data(bytes).base64EncodedString())"
            )
            result = nil
        }
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
