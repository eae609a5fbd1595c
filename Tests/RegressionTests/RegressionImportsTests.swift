import Foundation
import XCTest

/// Regression is pure statistics: it links Foundation and PortbenchSchema only (no OpenBLAS, Kernels or network).
final class RegressionImportsTests: XCTestCase {
    func testImportsFoundationAndSchemaOnly() throws {
        let dir = Fixture.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Regression")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 5)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            XCTAssertTrue(Set(imports).isSubset(of: ["Foundation", "PortbenchSchema"]), "\(file) imports \(imports)")
        }
    }
}
