import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

final class NPYTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTemporaryDirectory("pb-npy") }

    func testRoundTripIsExactAndHeaderAligned() throws {
        let t = randomTensor([3, 5], seed: 1)
        let url = dir.appendingPathComponent("a.npy")
        try NPY.write(t, to: url)
        let back = try NPY.read(path: url.path)
        XCTAssertEqual(back.shape, [3, 5])
        XCTAssertEqual(back.array, t.array)
        let data = try Data(contentsOf: url)
        XCTAssertEqual((10 + Int(data[8]) + Int(data[9]) << 8) % 64, 0)
    }

    func testReadsNumPyWrittenFloat32() throws {
        let t = try NPY.read(path: Repo.fixtures.appendingPathComponent("llama-prefill.input.npy").path)
        XCTAssertEqual(t.shape, [14, 32])
    }

    func testBadFilesAreClearErrors() throws {
        let bad = dir.appendingPathComponent("bad.npy")
        try Data("hello world".utf8).write(to: bad)
        XCTAssertThrowsError(try NPY.read(path: bad.path)) { XCTAssertTrue("\($0)".contains("bad magic"), "\($0)") }

        func npy(_ header: String, payload: Int) throws -> URL {
            let u = dir.appendingPathComponent("\(UUID().uuidString).npy")
            try FileBytes.npy(header, payload: payload).write(to: u)
            return u
        }
        let fortran = try npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", payload: 8)
        XCTAssertThrowsError(try NPY.read(path: fortran.path)) {
            XCTAssertTrue("\($0)".contains("fortran_order"), "\($0)")
        }
        let ints = try npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", payload: 16)
        XCTAssertThrowsError(try NPY.read(path: ints.path)) {
            XCTAssertTrue("\($0)".contains("'<i8' is not supported"), "\($0)")
        }
        let short = try npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 2), }", payload: 8)
        XCTAssertThrowsError(try NPY.read(path: short.path)) {
            XCTAssertTrue("\($0)".contains("8 data bytes, but shape [4, 2] of <f4 needs 32"), "\($0)")
        }
    }
}
