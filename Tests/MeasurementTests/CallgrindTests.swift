import Foundation
import PortbenchSchema
import TestSupport
import XCTest

@testable import Measurement

/// The callgrind instrument's pieces that run without valgrind: dump parsing (against dumps a real run wrote,
/// trimmed), the estimated-cycles formula, labels, counted sampling, and attaching counts to a document.
final class CallgrindTests: XCTestCase {
    static let fixtures = Repo.root.appendingPathComponent("Tests/MeasurementTests/Fixtures")

    func dump(_ name: String) throws -> CallgrindDump {
        try CallgrindDump.read(Self.fixtures.appendingPathComponent(name))
    }

    /// tiny-llama decode-9, one repetition, `--cache-sim=yes` (valgrind 3.19, OpenBLAS Haswell kernels).
    func testParsesACacheSimulatorDump() throws {
        let d = try dump("callgrind.out.cache-sim")
        XCTAssertEqual(d.events, ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"])
        XCTAssertEqual(d.totals, [151287, 48440, 24884, 1317, 988, 305, 937, 969, 295])
        XCTAssertEqual(d.label, CallgrindLabel(workload: "tiny-llama", scenario: "decode-9", repetition: 1))
        XCTAssertEqual(d.instructions, 151287)
        let l1: Double = 1317 + 988 + 305, ll: Double = 937 + 969 + 295
        XCTAssertEqual(d.estimatedCycles, 151287 + 10 * l1 + 100 * ll)
    }

    /// The summary line reads 0 when instrumentation is switched by client requests; the totals hold the counts.
    func testReadsTotalsNotTheZeroSummary() throws {
        let d = try dump("callgrind.out.instructions")
        XCTAssertEqual(d.events, ["Ir"])
        XCTAssertEqual(d.instructions, 286216)
        XCTAssertNil(d.estimatedCycles, "no cache simulator, no estimate")
        XCTAssertEqual(d.label?.scenario, "prefill-7")
    }

    func testTheDumpAtProgramEndHasNoLabel() throws {
        let d = try dump("callgrind.out.termination")
        XCTAssertEqual(d.trigger, "Program termination")
        XCTAssertNil(d.label)
        XCTAssertEqual(d.instructions, 0)
    }

    func testEstimatedCyclesFormula() {
        XCTAssertEqual(CallgrindDump.estimatedCycles(instructions: 1000, l1Misses: 7, lastLevelMisses: 3), 1370)
        let d = CallgrindDump(
            trigger: "", events: ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"],
            totals: [100, 50, 25, 1, 2, 3, 0, 1, 0])
        XCTAssertEqual(d.estimatedCycles, 100 + 10 * 6 + 100 * 1)
    }

    func testMalformedDumpsNameTheFileAndLine() {
        XCTAssertThrowsError(try CallgrindDump(text: "totals: 5\n", file: "a.out")) {
            XCTAssertEqual("\($0)", "a.out: no 'events:' line")
        }
        XCTAssertThrowsError(try CallgrindDump(text: "events: Ir\n", file: "b.out")) {
            XCTAssertEqual("\($0)", "b.out: no 'totals:' or 'summary:' line")
        }
        XCTAssertThrowsError(try CallgrindDump(text: "events: Ir\ntotals: 12x\n", file: "c.out")) {
            XCTAssertEqual("\($0)", "c.out: totals: '12x' is not a count")
        }
        XCTAssertThrowsError(try CallgrindDump(text: "events: Ir\ntotals: 1 2\n", file: "d.out")) {
            XCTAssertEqual("\($0)", "d.out: totals: 2 numbers for 1 events")
        }
        // Trailing zero events may be left off.
        XCTAssertEqual(try CallgrindDump(text: "events: Ir Dr\ntotals: 9\n", file: "e").totals, [9, 0])
    }

    func testLabelsRoundTripAndForeignOnesAreIgnored() {
        let l = CallgrindLabel(workload: "gpt2-small", scenario: "prefill-128", repetition: 3)
        XCTAssertEqual(l.text, "portbench gpt2-small/prefill-128 rep 3")
        XCTAssertEqual(CallgrindLabel(parsing: l.text), l)
        for text in ["", "rep 1", "portbench a rep 1", "portbench a/b rep x", "other a/b rep 1", "portbench /b rep 1"] {
            XCTAssertNil(CallgrindLabel(parsing: text), text)
        }
    }

    /// Natively the client requests do nothing; counted sampling runs warm-ups then labelled, timed repetitions.
    func testCountedSamplingLabelsEachTimedRepetition() {
        XCTAssertFalse(CallgrindRegion.isRunningOnValgrind)
        if FileManager.default.fileExists(atPath: "/usr/include/valgrind/callgrind.h") {
            XCTAssertTrue(CallgrindRegion.isBuiltIn)
        }
        var runs = 0
        var labels: [String] = []
        let outcome = RepetitionPolicy(warmup: 2, repetitions: 3).sampleCounted(
            region: CallgrindRegion(),
            label: {
                labels.append("\($0)")
                return "rep \($0)"
            }, { runs += 1 })
        XCTAssertEqual(runs, 5)
        XCTAssertEqual(labels, ["1", "2", "3"])
        XCTAssertEqual(outcome.samplesNs.count, 3)
        XCTAssertEqual(outcome.warmupCount, 2)
        XCTAssertEqual(outcome.stopReason, .fixed)
    }

    func testAttachingCountsMatchesDumpsToCasesAndRepetitions() throws {
        let doc = document(cases: [("w", "prefill-7", 2), ("w", "decode-9", 1)])
        let events = ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"]
        func d(_ s: String, _ rep: Int, _ ir: Double) -> CallgrindDump {
            CallgrindDump(
                trigger: "Client Request: portbench w/\(s) rep \(rep)", events: events,
                totals: [ir, 0, 0, 1, 0, 0, 1, 0, 0])
        }
        let end = CallgrindDump(trigger: "Program termination", events: events, totals: Array(repeating: 0, count: 9))
        let out = try doc.attachingCallgrind(
            [d("decode-9", 1, 50), end, d("prefill-7", 2, 120), d("prefill-7", 1, 100)],
            valgrindVersion: "valgrind-3.19.0")
        XCTAssertEqual(out.cases[0].instrument?.instructions, [100, 120])
        XCTAssertEqual(out.cases[0].instrument?.estimatedCycles, [210, 230])
        XCTAssertEqual(out.cases[1].instrument?.instructions, [50])
        XCTAssertEqual(
            out.cases[0].instrument?.codePath,
            "OpenBLAS Haswell kernels under valgrind (valgrind hides AVX-512), 2 OpenBLAS threads")
        XCTAssertEqual(out.goals, [])
        XCTAssertTrue(out.instrumentNote?.contains("must not be compared with native runs") ?? false)
        XCTAssertThrowsError(try doc.attachingCallgrind([d("prefill-7", 1, 100)], valgrindVersion: "v")) {
            XCTAssertTrue("\($0)".contains("portbench w/prefill-7 rep 2"), "\($0)")
        }
    }

    func document(cases: [(String, String, Int)]) -> ResultDocument {
        var machine = MachineFingerprint.current()
        machine.openblas.corename = "Haswell"
        machine.openblas.threads = 2
        let results = cases.map { w, s, reps in
            CaseResult(
                workload: w, scenario: s, backend: .cpuReference, provenance: .measured, phase: .prefill, batch: 1,
                seq: 1, context: 0, tokens: 1, flops: 1, weightBytes: 1, bytes: 1, weights: "seeded",
                samplesNs: Array(repeating: 1, count: reps), stats: SampleStatistics(Array(repeating: 1, count: reps)),
                metrics: [:], ceiling: Ceiling(bound: .compute, computeSeconds: 1, memorySeconds: 1, gemmFlops: 1))
        }
        return ResultDocument(
            runId: "r", created: "2026-12-02T00:00:00Z", tool: "test", suite: "s", policy: RepetitionPolicy(),
            seed: 42, machine: machine, metrics: [], cases: results,
            goals: [
                GoalResult(
                    workload: "w", scenario: "prefill-7", bound: .gemm, required: 0.7, reached: 0.1, passed: false)
            ])
    }
}
