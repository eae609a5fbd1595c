import Foundation
import XCTest

@testable import PortbenchSchema

/// The remembered key conversion must be Foundation's `convertFromSnakeCase`, key for key and document for document.
final class SnakeCaseKeysTests: XCTestCase {
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
        let foundation = JSONDecoder()
        foundation.keyDecodingStrategy = .convertFromSnakeCase
        for key in keys {
            let json = try JSONSerialization.data(withJSONObject: [key: 1])
            let expected = try foundation.decode(KeyNames.self, from: json).names
            XCTAssertEqual(try JSONCoding.decoder().decode(KeyNames.self, from: json).names, expected, key)
            XCTAssertEqual([SnakeCaseKeys.convert(key)], expected, key)
        }
    }

    func testEveryFixtureDocumentDecodesAsWithFoundationsStrategy() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let foundation = JSONCoding.decoder()
        foundation.keyDecodingStrategy = .convertFromSnakeCase
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            guard let doc = try? foundation.decode(ResultDocument.self, from: data) else { continue }
            XCTAssertEqual(try JSONCoding.decoder().decode(ResultDocument.self, from: data), doc, name)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 3, "the result fixtures were compared")
    }
}
