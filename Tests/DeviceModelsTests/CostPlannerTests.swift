import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import DeviceModels
@testable import Workload

/// `portbench cost`: each option meets the constraint, the next batch does not, and its prices follow from the
/// serving prediction by arithmetic done here independently.
final class CostPlannerTests: XCTestCase {
    func workload() throws -> WorkloadSpec {
        try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: ["llama-3.3-70b"]).entries[0].workload
    }

    func testEachOptionMeetsTheConstraintAndIsPricedFromItsPrediction() throws {
        let catalog = try Repo.catalog()
        let w = try workload()
        let report = try CostPlanner(catalog: catalog, workload: w, maxTpotSeconds: 1.0 / 30).report()
        XCTAssertFalse(report.options.isEmpty)
        XCTAssertEqual(
            report.options.map(\.dollarsPerMillionInputPlusOutput),
            report.options.map(\.dollarsPerMillionInputPlusOutput).sorted(), "cheapest first")
        for o in report.options {
            let d = try catalog.device(o.device)
            let serve = ServePredictor(
                adapter: makeAdapter(for: d, catalog: catalog),
                options: AdapterOptions(precision: o.precision, chips: o.chips), batching: .continuous)
            let s = try serve.predict(w, ServeScenario(name: "x", batch: o.batch, inputLen: 1024, outputLen: 1024))
            XCTAssertTrue(s.fits, o.device)
            XCTAssertLessThanOrEqual(s.tpotSeconds, 1.0 / 30, o.device)
            XCTAssertEqual(o.tpotSeconds, s.tpotSeconds, accuracy: 1e-15)
            let next = try serve.predict(
                w, ServeScenario(name: "x", batch: o.batch + 1, inputLen: 1024, outputLen: 1024))
            XCTAssertTrue(!next.fits || next.tpotSeconds > 1.0 / 30, "\(o.device): a larger batch also meets it")
            // Dollars per second of the deployment, times chip time per token.
            let perSecond = try XCTUnwrap(d.pricePerChipHour).value * Double(o.chips) / 3600
            let decode = try XCTUnwrap(s.decodeStepSeconds), prefill = try XCTUnwrap(s.prefillSecondsPerRequest)
            XCTAssertEqual(o.dollarsPerMillionOutput, perSecond * decode / Double(o.batch) * 1e6, accuracy: 1e-12)
            XCTAssertEqual(o.dollarsPerMillionInput, perSecond * prefill / 1024 * 1e6, accuracy: 1e-12)
            XCTAssertEqual(
                o.dollarsPerMillionBlended, (3 * o.dollarsPerMillionInput + o.dollarsPerMillionOutput) / 4,
                accuracy: 1e-12)
            // Per query, input + output chip time is the step time the requests in flight share, to within the
            // (batch − 1) / batch the steady state admits per step.
            let query = perSecond * (prefill + 1024 * decode / Double(o.batch))
            let shared = perSecond * s.tpotSeconds * 1024 / Double(o.batch)
            XCTAssertEqual(query, shared, accuracy: shared / Double(o.batch) + 1e-12, o.device)
        }
    }

    func testAStricterSpeedNeverCostsLessAndAnImpossibleOneExcludesEveryDevice() throws {
        let catalog = try Repo.catalog()
        let w = try workload()
        let relaxed = try CostPlanner(catalog: catalog, workload: w, maxTpotSeconds: 1.0 / 30).report()
        let strict = try CostPlanner(catalog: catalog, workload: w, maxTpotSeconds: 1.0 / 60).report()
        for o in strict.options {
            let r = try XCTUnwrap(relaxed.options.first { $0.device == o.device })
            XCTAssertGreaterThanOrEqual(o.dollarsPerMillionInputPlusOutput, r.dollarsPerMillionInputPlusOutput * 0.999)
        }
        let impossible = try CostPlanner(catalog: catalog, workload: w, maxTpotSeconds: 1e-6).report()
        XCTAssertTrue(impossible.options.isEmpty)
        XCTAssertTrue(
            impossible.excluded.allSatisfy {
                $0.reason.contains("output tokens/s per query") || $0.reason.contains("no price")
            })
    }

    func testDevicesWithoutAPriceAreExcludedNamingTheirFile() throws {
        let catalog = try Repo.catalog()
        let report = try CostPlanner(catalog: catalog, workload: try workload(), maxTpotSeconds: 1.0 / 30).report()
        for d in catalog.devices where d.pricePerChipHour == nil {
            let e = try XCTUnwrap(report.excluded.first { $0.device == d.name })
            XCTAssertTrue(e.reason.contains(d.file), e.reason)
        }
        for o in report.options { XCTAssertTrue(o.priceSource.contains("http"), o.priceSource) }
    }
}
