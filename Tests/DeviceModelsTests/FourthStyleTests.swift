import DeviceModels
import Foundation
import PortbenchCommands
import PortbenchSchema
import TestSupport
import Workload
import XCTest

// A toy fourth style, "npu", that exists only in this file and uses DeviceModels' public API alone: every op is one
// roofline over HBM at a single efficiency, chips are added in powers of two, and a link hop costs a fixed latency.

/// The `npu` section of styles.yaml.
struct NPUParameters: StyleParameters, Equatable {
    var efficiency: Sourced
    var linkLatencyMicroseconds: Sourced

    init(_ s: StyleSectionReader) {
        efficiency = s.fraction("efficiency")
        linkLatencyMicroseconds = s.microseconds("link_latency_us")
    }
}

/// A roofline NPU with HBM: bf16 only, no fusion, no compilation, no padding.
struct NPUAdapter: StyleAdapter {
    static let style = ExecutionStyle(rawValue: "npu")
    let device: DeviceProfile
    let parameters: NPUParameters
    var engine = EngineFigures.unpaged

    init(device: DeviceProfile, parameters: NPUParameters) {
        self.device = device
        self.parameters = parameters
    }

    static func problem(with profile: DeviceProfile) -> String? { hbmProblem(with: profile) }

    func effectivePrecision(_ requested: Precision) -> (Precision, String?) {
        requested == .bf16 ? (.bf16, nil) : (.bf16, "the npu computes in bf16 only: \(requested.rawValue) becomes bf16")
    }

    func lower(_ graph: LayerGraph, options: AdapterOptions) -> ExecutionPlan {
        let (p, hazard) = effectivePrecision(options.precision)
        let kernels = graph.ops.map { op -> PlannedKernel in
            let bytes = scaledBytes(op.cost, p)
            let t = roofline(
                flops: op.cost.flops, peak: peak(p), computeEfficiency: parameters.efficiency.value, bytes: bytes,
                bandwidth: device.memoryGBps!.value * 1e9, memoryEfficiency: parameters.efficiency.value)
            return PlannedKernel(
                name: op.name, ops: [op.name], kind: "roofline", flops: op.cost.flops, executedFlops: op.cost.flops,
                bytes: bytes, launches: 1, seconds: t.seconds, bound: t.bound, note: "")
        }
        return ExecutionPlan(
            style: Self.style, device: device.name, precision: p, kernels: kernels, bytesSavedByFusion: 0,
            paddingWasteFlops: 0, paddingWasteBytes: 0, overheadSeconds: 0, hazards: hazard.map { [$0] } ?? [])
    }

    var capacityPerChip: Double { device.memoryGB!.value * 1e9 }
    func chipsToHold(_ bytes: Double) -> Int { powerOfTwoChips(toHold: bytes) }
    var linkLatencySeconds: Double { parameters.linkLatencyMicroseconds.value * 1e-6 }

    func migrationHazards(
        from source: MigrationEnd, to target: MigrationSide, scenario: Scenario, options: AdapterOptions
    ) -> [String] {
        fusedAttentionHazard(from: source, options: options, replacement: "an attention kernel for the npu compiler")
            + tensorParallelHazard(from: source, to: target)
    }
}

final class FourthStyleTests: XCTestCase {
    static let npuSection = """
        npu:
          efficiency: {value: 0.6, source: unverified}
          link_latency_us: {value: 4.0, source: unverified}

        """

    static let npuProfile = """
        name: npu-x1
        display: Toy NPU X1
        style: npu
        sources:
          - {id: toy, url: none, date: "2026", note: "[U] a made-up device for the fourth-style test"}
        peak_tflops:
          bf16: {value: 400, source: toy}
        memory_gb: {value: 32, source: toy}
        memory_gbps: {value: 1600, source: toy}
        sram_mb: {value: 64, source: toy}
        interconnect_gbps: {value: 400, source: toy}
        matrix_unit: {value: 128, source: toy}
        compute_units: {value: 16, source: toy}
        power_w: {value: 300, source: toy}

        """

    let registry = AdapterRegistry.builtIn.registering(NPUAdapter.self)
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("pb-npu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let shipped = Repo.root.appendingPathComponent("Devices")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(
                at: shipped.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try write("styles.yaml", try text("styles.yaml") + Self.npuSection)
        try write("npu-x1.yaml", Self.npuProfile)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func text(_ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }
    func write(_ name: String, _ text: String) throws {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func testFourthStylePlansPredictsAndMigratesThroughThePublicFunctions() throws {
        let catalog = try DeviceCatalog.load(directory: dir, registry: registry)
        let npu = try catalog.device("npu:npu-x1")
        XCTAssertEqual(npu.style.rawValue, "npu")
        XCTAssertEqual(catalog.registry.styles.map(\.rawValue), ["cuda", "xla", "lpu", "npu"])
        XCTAssertEqual(catalog.styles[npu.style]?.figures.map(\.key), ["efficiency", "link_latency_us"])
        let w = try Repo.workload("llama-3-8b")

        // plan: one roofline per op
        let adapter = makeAdapter(for: npu, catalog: catalog)
        XCTAssertTrue(adapter is NPUAdapter)
        let graph = LayerGraph.lower(w.config, w.scenarios[0])
        let plan = adapter.lower(graph, options: AdapterOptions())
        XCTAssertEqual(plan.style, npu.style)
        XCTAssertEqual(plan.kernels.count, graph.ops.count)
        let op = graph.ops[0], k = plan.kernels[0]
        XCTAssertEqual(k.seconds, max(op.cost.flops / (400e12 * 0.6), k.bytes / (1600e9 * 0.6)), accuracy: 1e-15)

        // predict: layers and serving, written with the plain style name
        let report = try PredictionReport.make(workload: w, device: npu, catalog: catalog, options: AdapterOptions())
        XCTAssertEqual(report.layers.count, w.scenarios.count)
        XCTAssertEqual(report.serving.count, w.serve.count)
        XCTAssertTrue(
            report.serving.allSatisfy { $0.fits && $0.chips == 1 && $0.compileSeconds == 0 },
            "8B in bf16 fits one 32 GB chip")
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        XCTAssertTrue(json.contains(#""style":"npu""#), json)
        XCTAssertEqual(try JSONDecoder().decode(PredictionReport.self, from: Data(json.utf8)).style, npu.style)

        // migrate there and back
        let h100 = try catalog.device("h100-sxm")
        let options = AdapterOptions()
        let there = try MigrationReport.make(
            workload: w, from: h100, to: npu, catalog: catalog, options: options, numerics: false, seed: 1)
        let back = try MigrationReport.make(
            workload: w, from: npu, to: h100, catalog: catalog, options: options, numerics: false, seed: 1)
        XCTAssertEqual(there.rows.count, w.scenarios.count)
        XCTAssertEqual(there.rows[0].to.style, npu.style)
        XCTAssertEqual(back.rows[0].to.style, ExecutionStyle.cuda)
        XCTAssertTrue(
            there.rows[0].hazards.contains {
                $0.hasPrefix(
                    "the fused (FlashAttention) CUDA kernel has no drop-in equivalent on npu: needs an attention kernel for the npu compiler"
                )
            }, "\(there.rows[0].hazards)")
        XCTAssertFalse(back.rows[0].hazards.contains { $0.contains("FlashAttention") }, "\(back.rows[0].hazards)")
        for (a, b) in zip(there.rows, back.rows) {
            XCTAssertEqual(a.throughputRatio * b.throughputRatio, 1, accuracy: 1e-12)
        }
    }

    /// The same style through the library functions the `plan`, `predict` and `migrate` commands call.
    func testFourthStyleThroughTheCommands() throws {
        let paths = SpecPaths(
            workloads: Repo.root.appendingPathComponent("Workloads").path, devices: dir.path, registry: registry)
        let plan = try Commands.plan(
            workload: "llama-3-8b", scenario: nil, device: "npu-x1", model: ModelRequest(), paths: paths)
        XCTAssertTrue(plan.text.contains("npu-x1: npu-style plan in bf16"), plan.text)
        let predict = try Commands.predict(
            workload: "llama-3-8b", device: "npu", model: ModelRequest(), format: "json", paths: paths)
        XCTAssertEqual(
            try JSONCoding.decoder().decode(PredictionReport.self, from: Data(predict.text.utf8)).device, "npu-x1")
        var migrate = MigrateRequest()
        migrate.paths = paths
        migrate.workload = "llama-3-8b"
        migrate.from = "h100"
        migrate.to = "npu-x1"
        migrate.numerics = false
        migrate.format = "json"
        let doc = try JSONCoding.decoder().decode(
            ResultDocument.self, from: Data(try Commands.migrate(migrate) { _ in }.text.utf8))
        XCTAssertEqual(doc.migrations?.first?.rows.first?.to.style.rawValue, "npu")
        XCTAssertEqual(plan.status, .success)
    }

    func testAStyleTheRegistryDoesNotKnowIsAClearError() throws {
        // The npu device, loaded without the npu adapter: its style key is refused.
        XCTAssertThrowsError(try DeviceCatalog.load(directory: dir)) { e in
            let s = e as? SpecError
            XCTAssertEqual(s?.file, dir.appendingPathComponent("npu-x1.yaml").path)
            XCTAssertEqual(s?.path, "style")
            XCTAssertTrue(s?.message.contains("unknown style 'npu'") ?? false, "\(e)")
        }
        // Without the device, the npu section of styles.yaml is refused.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("npu-x1.yaml"))
        try checkStyles(registry: .builtIn, path: "npu", contains: "unknown key 'npu'")
    }

    func testTheFourthStylesSectionIsCheckedLikeTheOthers() throws {
        let styles = try text("styles.yaml")
        try write("styles.yaml", styles.replacingOccurrences(of: Self.npuSection, with: ""))
        try checkStyles(registry: registry, path: "npu", contains: "missing required key 'npu'")
        try write(
            "styles.yaml", styles.replacingOccurrences(of: "efficiency: {value: 0.6", with: "efficiency: {value: 1.6"))
        try checkStyles(registry: registry, path: "npu.efficiency.value", contains: "got 1.6")
        try write("styles.yaml", styles.replacingOccurrences(of: "  efficiency:", with: "  efficency:"))
        try checkStyles(
            registry: registry, path: "npu.efficency",
            contains: "unknown key 'efficency'; expected one of: efficiency, link_latency_us")
        try write(
            "styles.yaml",
            styles.replacingOccurrences(of: "  link_latency_us: {value: 4.0, source: unverified}\n", with: ""))
        try checkStyles(registry: registry, path: "npu", contains: "missing required parameter 'link_latency_us'")
        try write("styles.yaml", styles)
        try write(
            "npu-x1.yaml",
            Self.npuProfile.replacingOccurrences(of: "memory_gbps: {value: 1600, source: toy}\n", with: ""))
        XCTAssertThrowsError(try DeviceCatalog.load(directory: dir, registry: registry)) {
            XCTAssertTrue(
                "\($0)".contains("npu-x1.yaml") && "\($0)".contains("npu-style device needs memory_gb and memory_gbps"),
                "\($0)")
        }
    }

    func checkStyles(
        registry: AdapterRegistry, path: String, contains: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertThrowsError(try DeviceCatalog.load(directory: dir, registry: registry), file: file, line: line) { e in
            let s = e as? SpecError
            XCTAssertEqual(s?.file, dir.appendingPathComponent("styles.yaml").path, file: file, line: line)
            XCTAssertEqual(s?.path, path, "\(e)", file: file, line: line)
            XCTAssertNotNil(s?.line, "\(e)", file: file, line: line)
            XCTAssertTrue(s?.message.contains(contains) ?? false, "\(e)", file: file, line: line)
        }
    }
}
