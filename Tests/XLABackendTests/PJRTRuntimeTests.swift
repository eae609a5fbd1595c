import Foundation
import Kernels
import PortbenchSchema
import Reference
import TestSupport
import XCTest

@testable import XLABackend

final class PJRTRuntimeTests: XCTestCase {
    static let program = """
        module @m {
          func.func public @main(%arg0: tensor<2x3xf32>, %arg1: tensor<4x3xf32>) -> (tensor<2x4xf32>) {
            %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [1] : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
            return %0 : tensor<2x4xf32>
          }
        }
        """

    func testCompileRunAndReadBack() throws {
        let client = try PJRTClient(pluginPath: try Plugin.required())
        XCTAssertEqual(client.platform.lowercased(), "cpu")
        let exe = try client.compile(mlir: Self.program)
        XCTAssertEqual(exe.outputs, 1)
        let x = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let w = Tensor(shape: [4, 3], values: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1])
        let out = try exe.execute([try client.upload(x), try client.upload(w)])
        let y = Tensor(shape: [2, 4])
        try out[0].read(into: y)
        XCTAssertEqual(y.array, [1, 2, 3, 6, 4, 5, 6, 15])
    }

    func testPluginErrorsBecomeSwiftErrors() throws {
        let client = try PJRTClient(pluginPath: try Plugin.required())
        XCTAssertThrowsError(try client.compile(mlir: "module { this is not mlir }")) { e in
            XCTAssertTrue("\(e)".hasPrefix("PJRT Client_Compile:"), "\(e)")
        }
        XCTAssertThrowsError(try PJRTClient(pluginPath: "/nonexistent/plugin.so")) { e in
            XCTAssertTrue("\(e)".contains("ci/install-pjrt.sh"), "\(e)")
        }
    }
}
