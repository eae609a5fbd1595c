import Foundation
import TestSupport
import XCTest

@testable import DeviceModels
@testable import Workload

/// Checks the shipped table of published results as data only: it parses, it is large and varied enough, and every
/// row names a workload with a whole-model shape and a device profile that exist. Nothing here predicts a row.
final class PublishedTableTests: XCTestCase {
    func testPublishedTableParsesAndReferencesShippedWorkloadsAndDevices() throws {
        let t = try ValidationTable.load(url: Repo.root.appendingPathComponent("Validation/published.yaml"))
        XCTAssertGreaterThanOrEqual(t.rows.count, 40)
        XCTAssertGreaterThanOrEqual(t.citations.count, 8)
        let catalog = try Repo.catalog()
        let devices = Set(catalog.devices.map(\.name))
        for row in t.rows {
            XCTAssertTrue(devices.contains(row.device), "\(row.id): device '\(row.device)'")
            let spec = try Repo.workload(row.workload)
            XCTAssertNotNil(spec.model, "\(row.id): workload '\(row.workload)' has no model block")
            XCTAssertNil(
                WorkloadSpec.serveSizeProblem(
                    spec.config, batch: row.scenario.batch, inputLen: row.scenario.inputLen,
                    outputLen: row.scenario.outputLen), row.id)
        }
        let cited = Set(t.rows.map(\.source))
        XCTAssertEqual(cited, Set(t.citations.map(\.id)), "every source is used and every row's source is listed")
    }
}
