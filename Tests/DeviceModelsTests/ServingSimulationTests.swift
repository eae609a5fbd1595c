import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import DeviceModels
@testable import Workload

/// The serving simulation's event bookkeeping against timelines worked out by hand from its step times, and the
/// MLPerf scenarios built on it.
final class ServingSimulationTests: XCTestCase {
    func simulation(inputLen: Int = 128, outputLen: Int, maxBatch: Int? = nil) throws -> ServingSimulation {
        let catalog = try Repo.catalog()
        let w = try SpecLocator(workloadsDirectory: Repo.workloads).suite(for: ["llama-2-7b"]).entries[0].workload
        let predictor = ServePredictor(
            adapter: makeAdapter(for: try catalog.device("h100-sxm"), catalog: catalog),
            options: AdapterOptions(precision: .fp8e4m3, chips: 1), batching: .continuous)
        return try ServingSimulation(
            predictor: predictor, workload: w, inputLen: inputLen, outputLen: outputLen, maxBatch: maxBatch)
    }

    /// Every query at once, all fitting: one prefill of all of them, then output − 1 decode steps of all of them.
    func testOfflineWithinOneBatchIsOnePrefillThenDecodeSteps() throws {
        let sim = try simulation(outputLen: 64)
        let o = sim.run(arrivals: Array(repeating: 0, count: 40))
        XCTAssertEqual(o.makespan, sim.prefillSeconds(40) + 63 * sim.decodeSeconds(40), accuracy: 1e-12)
        XCTAssertTrue(o.ttft.allSatisfy { abs($0 - sim.prefillSeconds(40)) < 1e-12 })
        XCTAssertTrue(o.tpot.allSatisfy { abs($0 - sim.decodeSeconds(40)) < 1e-12 })
        XCTAssertEqual(o.outputTokens, 40 * 64)
        XCTAssertEqual(o.meanInFlight, 40, accuracy: 1e-9)
    }

    /// Queries far apart each run alone.
    func testIsolatedQueriesSeeOnlyTheirOwnPrefillAndDecode() throws {
        let sim = try simulation(outputLen: 16)
        let o = sim.run(arrivals: (0..<5).map { Double($0) * 100 })
        for i in 0..<5 {
            XCTAssertEqual(o.ttft[i], sim.prefillSeconds(1), accuracy: 1e-12)
            XCTAssertEqual(o.tpot[i], sim.decodeSeconds(1), accuracy: 1e-12)
        }
        XCTAssertEqual(o.makespan, 400 + sim.prefillSeconds(1) + 15 * sim.decodeSeconds(1), accuracy: 1e-9)
    }

    /// Three queries at once with two slots: the third waits until both finish, then runs alone.
    func testAFullBatchMakesLaterQueriesWait() throws {
        let sim = try simulation(outputLen: 3, maxBatch: 2)
        let o = sim.run(arrivals: [0, 0, 0])
        let p2 = sim.prefillSeconds(2), d2 = sim.decodeSeconds(2)
        let p1 = sim.prefillSeconds(1), d1 = sim.decodeSeconds(1)
        XCTAssertEqual(o.ttft[0], p2, accuracy: 1e-12)
        XCTAssertEqual(o.tpot[1], d2, accuracy: 1e-12)
        XCTAssertEqual(o.ttft[2], p2 + 2 * d2 + p1, accuracy: 1e-12)
        XCTAssertEqual(o.tpot[2], d1, accuracy: 1e-12)
        XCTAssertEqual(o.makespan, p2 + 2 * d2 + p1 + 2 * d1, accuracy: 1e-12)
    }

    func testQuantileIsNearestRank() {
        let v = (1...200).map(Double.init)
        XCTAssertEqual(SimulationOutcome.quantile(v, 0.99), 198)
        XCTAssertEqual(SimulationOutcome.quantile(v, 0.5), 100)
        XCTAssertEqual(SimulationOutcome.quantile([7], 0.99), 7)
    }

    /// Server's rate meets both limits, a rate 5% higher misses one, and the same seed gives the same answer.
    func testServerFindsTheHighestRateWithinTheLimits() throws {
        var scenarios = MLPerfScenarios(simulation: try simulation(inputLen: 512, outputLen: 128))
        scenarios.samples = 600
        scenarios.ttftP99Limit = 0.5
        scenarios.tpotP99Limit = 0.03
        let report = scenarios.report()
        XCTAssertEqual(report, scenarios.report(), "seeded")
        let server = report.server
        XCTAssertGreaterThan(server.samplesPerSecond, 0)
        XCTAssertLessThanOrEqual(server.samplesPerSecond, report.offline.samplesPerSecond * (1 + 1e-9))
        XCTAssertLessThanOrEqual(server.ttftP99Seconds, 0.5)
        XCTAssertLessThanOrEqual(server.tpotP99Seconds, 0.03)
        var rng = SplitMix64(seed: scenarios.seed)
        let gaps = (0..<600).map { _ in -Foundation.log(rng.unit()) }
        func p99s(_ rate: Double) -> (Double, Double) {
            var t = 0.0
            let o = scenarios.simulation.run(
                arrivals: gaps.map {
                    t += $0 / rate
                    return t
                })
            return (SimulationOutcome.quantile(o.ttft, 0.99), SimulationOutcome.quantile(o.tpot, 0.99))
        }
        let at = p99s(server.samplesPerSecond)
        XCTAssertEqual(at.0, server.ttftP99Seconds, accuracy: 1e-12)
        XCTAssertEqual(at.1, server.tpotP99Seconds, accuracy: 1e-12)
        if server.samplesPerSecond < report.offline.samplesPerSecond * 0.95 {
            let above = p99s(server.samplesPerSecond * 1.05)
            XCTAssertTrue(above.0 > 0.5 || above.1 > 0.03, "5% more load still meets the limits: \(above)")
        }
        XCTAssertEqual(
            report.offline.outputTokensPerSecond, report.offline.samplesPerSecond * 128, accuracy: 1e-9)
    }
}
