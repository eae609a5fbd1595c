import Foundation
import PortbenchRender
import PortbenchSchema
import TestSupport
import XCTest

final class BencherMetricFormatTests: XCTestCase {
    func testTimedAndCountedCasesAgainstHandComputedValues() throws {
        // Five samples 1…5 ms: the median is 3 ms and, for n = 5, the 95% interval of the median spans them all.
        var doc = SyntheticResults.result([("gpt2-small", [0.001, 0.002, 0.003, 0.004, 0.005])])
        var counted = SyntheticResults.counted(
            SyntheticResults.result([("bert-base", [0.5, 0.5, 0.5, 0.5, 0.5])]),
            instructions: [[1000, 1200, 1100, 1300, 1050]])
        counted.cases[0].scenario = "decode-1"
        doc.cases[0].metrics["tokens_per_s"] = 128 / 0.003
        let bmf = try BencherMetricFormat.document([("a.json", doc), ("b.json", counted)])
        XCTAssertEqual(Set(bmf.keys), ["gpt2-small/prefill-128/cpu-reference", "bert-base/decode-1/cpu-reference"])
        let timed = try XCTUnwrap(bmf["gpt2-small/prefill-128/cpu-reference"])
        XCTAssertEqual(timed["latency"], .init(value: 3_000_000, lowerValue: 1_000_000, upperValue: 5_000_000))
        let tp = try XCTUnwrap(timed["throughput"])
        XCTAssertEqual(tp.value, 42_666.666_666, accuracy: 1e-3)
        XCTAssertEqual(tp.lowerValue!, 25_600, accuracy: 1e-6)
        XCTAssertEqual(tp.upperValue!, 128_000, accuracy: 1e-6)
        XCTAssertNil(timed["instructions"])
        let c = try XCTUnwrap(bmf["bert-base/decode-1/cpu-reference"])
        XCTAssertEqual(Set(c.keys), ["instructions"], "times under valgrind are left out")
        XCTAssertEqual(c["instructions"], .init(value: 1100, lowerValue: 1000, upperValue: 1300))

        let json = String(decoding: try BencherMetricFormat.render(bmf), as: UTF8.self)
        XCTAssertTrue(json.contains(#""gpt2-small/prefill-128/cpu-reference" : {"#), json)
        XCTAssertTrue(json.contains(#""lower_value" : 1000000"#), json)
        XCTAssertTrue(json.contains(#""upper_value" : 5000000"#), json)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: [String: [String: Double]]]
        XCTAssertEqual(parsed["gpt2-small/prefill-128/cpu-reference"]?["latency"]?["value"], 3_000_000)
    }

    func testACaseInTwoDocumentsIsRefused() {
        let a = SyntheticResults.result([("gpt2-small", [0.001, 0.002, 0.003])])
        let b = SyntheticResults.result([("gpt2-small", [0.001, 0.002, 0.003])])
        XCTAssertThrowsError(try BencherMetricFormat.document([("a.json", a), ("b.json", b)])) { error in
            XCTAssertTrue(error is InputError)
            XCTAssertTrue("\(error)".contains("b.json") && "\(error)".contains("a.json"), "\(error)")
        }
    }
}
