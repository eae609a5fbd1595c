import Foundation
import PortbenchSchema
import XCTest

@testable import DeviceModels
@testable import Workload

/// The per-chip ranking check of `validate-models`: which rows it pairs and how it orders them.
final class RankingTests: XCTestCase {
    func outcome(
        _ id: String, device: String, chips: Int, metric: ServeMetric, published: Double, modelled: Double,
        batch: Int = 8
    ) -> ValidationOutcome {
        let row = PublishedResult(
            id: id, workload: "llama-2-7b",
            scenario: ServeScenario(name: id, batch: batch, inputLen: 128, outputLen: 128),
            device: device, chips: chips, precision: .bf16, metric: metric, value: published, source: "s", note: "")
        return ValidationOutcome(
            row: row, style: .cuda, predicted: modelled, error: (modelled - published) / published, batchUsed: batch,
            engine: "continuous batching")
    }

    func testThroughputsComparePerChipAndDisagreementsAreFound() throws {
        // a: 1000 tok/s on 2 chips = 500 per chip; b: 600 per chip. b is faster per chip as published; the model
        // has a at 700 per chip against b's 600, so it disagrees.
        let pairs = ValidationTable.ranking([
            outcome("a", device: "x", chips: 2, metric: .outputTokensPerSecond, published: 1000, modelled: 1400),
            outcome("b", device: "y", chips: 1, metric: .outputTokensPerSecond, published: 600, modelled: 600),
        ])
        XCTAssertEqual(pairs.count, 1)
        XCTAssertEqual(pairs[0].faster, "b")
        XCTAssertEqual(pairs[0].slower, "a")
        XCTAssertEqual(pairs[0].publishedRatio, 1.2, accuracy: 1e-12)
        XCTAssertEqual(pairs[0].modelledRatio, 600.0 / 700, accuracy: 1e-12)
        XCTAssertFalse(pairs[0].agrees)
    }

    func testLatenciesCompareOnlyAtEqualChipsAndLowerIsFaster() throws {
        let pairs = ValidationTable.ranking([
            outcome("a", device: "x", chips: 1, metric: .ttftMs, published: 20, modelled: 18),
            outcome("b", device: "y", chips: 1, metric: .ttftMs, published: 25, modelled: 24),
            outcome("c", device: "z", chips: 2, metric: .ttftMs, published: 10, modelled: 9),
        ])
        XCTAssertEqual(pairs.map { [$0.faster, $0.slower] }, [["a", "b"]])
        XCTAssertEqual(pairs[0].publishedRatio, 1.25, accuracy: 1e-12)
        XCTAssertTrue(pairs[0].agrees)
    }

    func testSameDeviceOtherSettingsAndTiesAreNotPaired() throws {
        let pairs = ValidationTable.ranking([
            outcome("a", device: "x", chips: 1, metric: .outputTokensPerSecondPerChip, published: 100, modelled: 90),
            outcome("b", device: "x", chips: 1, metric: .outputTokensPerSecondPerChip, published: 200, modelled: 90),
            outcome(
                "c", device: "y", chips: 1, metric: .outputTokensPerSecondPerChip, published: 300, modelled: 1,
                batch: 16),
            outcome("d", device: "z", chips: 1, metric: .outputTokensPerSecondPerChip, published: 100, modelled: 5),
        ])
        // a–d tie as published; a–b share a device; c has another batch. Only b–d remain.
        XCTAssertEqual(pairs.map { [$0.faster, $0.slower] }, [["b", "d"]])
    }
}
