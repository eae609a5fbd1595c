import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

func randomTensor(_ shape: [Int], seed: UInt64, std: Float = 1) -> Tensor {
    let t = Tensor(shape: shape)
    t.fillNormal(seed: seed, name: "test", std: std)
    return t
}

func assertClose(
    _ got: [Float], _ want: [Double], maxAbs: Double, relL2: Double, _ what: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    let d = Drift(got, want)
    XCTAssertLessThanOrEqual(d.maxAbs, maxAbs, "\(what): max abs error \(d.maxAbs)", file: file, line: line)
    XCTAssertLessThanOrEqual(d.relL2, relL2, "\(what): relative L2 error \(d.relL2)", file: file, line: line)
}
