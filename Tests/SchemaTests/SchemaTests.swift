import Foundation
import PortbenchSchema
import XCTest

/// The schema target is what every reader of results links: Foundation only, every key documented, and documents
/// written by earlier versions still load and re-encode to the same JSON.
final class SchemaTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/SchemaTests/Fixtures")

    func testSchemaTargetImportsFoundationOnly() throws {
        let dir = Self.root.appendingPathComponent("Sources/PortbenchSchema")
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            XCTAssertTrue(Set(imports).isSubset(of: ["Foundation", "Glibc"]), "\(file) imports \(imports)")
        }
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertTrue(
            manifest.contains(#".target(name: "PortbenchSchema"),"#), "PortbenchSchema must have no dependencies")
    }

    /// Every document portbench wrote in an earlier version: it decodes, and re-encodes to the same JSON values.
    func testEarlierDocumentsLoadAndRoundTrip() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter {
            $0.hasPrefix("v1-")
        }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 3, "fixtures written by portbench before the schema target")
        for file in files {
            let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
            let again: Data
            if file.contains("calibration") {
                again = try JSONCoding.encoder().encode(
                    try JSONCoding.decoder().decode(CalibrationFile.self, from: data))
            } else if file.contains("predict") {
                again = try JSONCoding.encoder().encode(
                    try JSONCoding.decoder().decode(PredictionReport.self, from: data))
            } else {
                again = try JSONCoding.encoder().encode(
                    try ResultDocument.read(from: Self.fixtures.appendingPathComponent(file)))
            }
            let a = try JSONSerialization.jsonObject(with: data) as! NSObject
            let b = try JSONSerialization.jsonObject(with: again) as! NSObject
            XCTAssertEqual(a, b, "\(file) does not round-trip")
        }
    }

    /// Every key a document holds is named in docs/result-schema.md.
    func testEveryKeyIsDocumented() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/result-schema.md"), encoding: .utf8)
        var missing = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
        where file.hasSuffix(".json") {
            let json = try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
            for key in Self.keys(json) where doc.range(of: "\\b\(key)\\b", options: .regularExpression) == nil {
                missing.insert("\(key) (\(file))")
            }
        }
        XCTAssertEqual(missing.sorted(), [])
    }

    func testNonFiniteNumbersAreStringsJSONCanHold() throws {
        let stats = SampleStatistics([1, .nan, 3])
        let data = try JSONCoding.encoder().encode(["x": Double.nan, "y": .infinity, "z": -.infinity])
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data))
        XCTAssertEqual(try JSONCoding.decoder().decode([String: Double].self, from: data)["y"], .infinity)
        XCTAssertNoThrow(try JSONCoding.encoder().encode(stats))
    }

    func testExitStatusTable() {
        XCTAssertEqual(ExitStatus.allCases.map(\.rawValue), [0, 1, 2, 3, 4])
        XCTAssertTrue(ExitStatus.table.contains("2 a usage or input error"))
    }

    /// Object keys, recursively; the keys of open maps (environment variables, metric values) are data, not schema.
    static func keys(_ json: Any) -> Set<String> {
        if let d = json as? [String: Any] {
            var out = Set<String>()
            for (k, v) in d {
                out.insert(k)
                if k != "openblas_environment", k != "metrics" || v is [Any] { out.formUnion(keys(v)) }
            }
            return out
        }
        if let a = json as? [Any] { return a.reduce(into: Set<String>()) { $0.formUnion(keys($1)) } }
        return []
    }
}
