import Foundation
import Kernels
import PortbenchSchema
import XCTest

@testable import Measurement

/// The core portbench picks for a CPU's flags, what it does with the option and the environment, and the self-check.
final class OpenBLASCoreTests: XCTestCase {
    static let sse3: Set<String> = ["sse", "sse2", "pni", "ssse3", "sse4_1", "sse4_2"]
    static let avx2 = sse3.union(["avx", "avx2", "fma"])
    static let avx512 = avx2.union(CPUFeatures.avx512Flags)
    static let intelAVX512BF16 = CPUFeatures(vendor: "GenuineIntel", flags: avx512.union(["avx512_bf16"]))

    func testBestCoreForEachInstructionSet() {
        let best = { (vendor: String, flags: Set<String>) in
            OpenBLASCore.best(for: CPUFeatures(vendor: vendor, flags: flags))?.name
        }
        XCTAssertEqual(best("GenuineIntel", Self.avx512.union(["avx512_bf16"])), "Cooperlake")
        XCTAssertEqual(best("GenuineIntel", Self.avx512), "SkylakeX")
        XCTAssertEqual(best("AuthenticAMD", Self.avx512.union(["avx512_bf16"])), "Cooperlake")
        XCTAssertEqual(best("GenuineIntel", Self.avx2.union(["avx512f"])), "Haswell", "AVX-512F alone is not enough")
        XCTAssertEqual(best("AuthenticAMD", Self.avx2), "Zen")
        XCTAssertEqual(best("GenuineIntel", Self.avx2), "Haswell")
        XCTAssertEqual(best("GenuineIntel", Self.sse3.union(["avx"])), "Sandybridge")
        XCTAssertEqual(best("GenuineIntel", Self.sse3), "Nehalem")
        XCTAssertEqual(best("GenuineIntel", ["sse", "sse2", "pni"]), "Prescott")
        XCTAssertNil(best("", []))
        XCTAssertEqual(
            OpenBLASCore.ranked(for: Self.intelAVX512BF16).map(\.name),
            ["Cooperlake", "SkylakeX", "Haswell", "Sandybridge", "Nehalem", "Prescott"])
    }

    func testNamesAsOpenBLASAcceptsThem() {
        XCTAssertEqual(OpenBLASCore.named("haswell")?.name, "Haswell")
        XCTAssertEqual(OpenBLASCore.named("Katmai")?.name, "Prescott")
        XCTAssertNil(OpenBLASCore.named("SapphireRapids"), "0.3.21 does not accept it")
        XCTAssertEqual(OpenBLASCoreOption("AUTO"), .auto)
        XCTAssertEqual(OpenBLASCoreOption("keep"), .keep)
        XCTAssertEqual(OpenBLASCoreOption("skylakex"), .named(OpenBLASCore.named("SkylakeX")!))
        XCTAssertNil(OpenBLASCoreOption("Bogus"))
    }

    func testCPUInfoParsing() {
        let text = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 26
            flags\t\t: fpu sse sse2 pni ssse3 sse4_1 sse4_2 avx avx2 fma avx512f avx512cd avx512bw avx512dq avx512vl avx512_bf16

            processor\t: 1
            vendor_id\t: GenuineIntel
            flags\t\t: fpu sse
            """
        let cpu = CPUFeatures.parse(cpuinfo: text)
        XCTAssertEqual(cpu.vendor, "AuthenticAMD")
        XCTAssertTrue(cpu.isAMD)
        XCTAssertEqual(cpu.vectorISAs, [.sse, .avx, .avx2, .avx512])
        XCTAssertEqual(OpenBLASCore.best(for: cpu)?.name, "Cooperlake")
    }

    func decide(_ option: OpenBLASCoreOption, _ env: [String: String], _ corename: String) -> OpenBLASCoreChoice {
        OpenBLASCoreChoice.decide(option: option, environment: env, corename: corename, cpu: Self.intelAVX512BF16)
    }

    func testAutoReplacesAFallbackWithTheCoresAboveIt() {
        let c = decide(.auto, [:], "Prescott")
        XCTAssertEqual(
            c.action, .verify(["Cooperlake", "SkylakeX", "Haswell", "Sandybridge"].map { OpenBLASCore.named($0)! }))
        XCTAssertEqual(c.source, .portbench)
        XCTAssertTrue(c.fallback)
        XCTAssertTrue(c.reason?.contains("fell back to Prescott (SSE)") ?? false, c.reason ?? "")
        let haswell = decide(.auto, [:], "Haswell")
        XCTAssertEqual(haswell.action, .verify(["Cooperlake", "SkylakeX"].map { OpenBLASCore.named($0)! }))
    }

    func testAutoKeepsOpenBLASsChoiceWhenItIsTheBest() {
        for name in ["Cooperlake", "SkylakeX"] {
            let c = decide(.auto, [:], name)
            XCTAssertEqual(c.action, .proceed)
            XCTAssertEqual(c.source, .openblas)
            XCTAssertFalse(c.fallback)
            XCTAssertTrue(c.reason?.contains("the best this OpenBLAS has for this CPU (AVX-512)") ?? false)
        }
    }

    func testTheEnvironmentsCoreIsKeptAndAFallbackSaidLoudly() {
        for option in [OpenBLASCoreOption.auto, .keep] {
            let c = decide(option, ["OPENBLAS_CORETYPE": "Prescott"], "Prescott")
            XCTAssertEqual(c.action, .proceed)
            XCTAssertEqual(c.source, .environment)
            XCTAssertTrue(c.fallback)
            XCTAssertTrue(c.reason?.contains("OPENBLAS_CORETYPE=Prescott from the environment is kept") ?? false)
        }
        let fine = decide(.auto, ["OPENBLAS_CORETYPE": "SkylakeX"], "SkylakeX")
        XCTAssertFalse(fine.fallback)
        let keep = decide(.keep, [:], "Prescott")
        XCTAssertEqual(keep.action, .proceed)
        XCTAssertTrue(keep.fallback)
        XCTAssertTrue(keep.reason?.hasPrefix("--openblas-core keep: OpenBLAS fell back to Prescott") ?? false)
    }

    func testAReexecutedPortbenchGoesOnSilently() {
        let env = OpenBLASCoreChoice.environment(for: OpenBLASCore.named("Cooperlake")!, source: .portbench)
        XCTAssertEqual(env, ["OPENBLAS_CORETYPE": "Cooperlake", "PORTBENCH_OPENBLAS_CORE": "portbench:Cooperlake"])
        let c = decide(.auto, env, "Cooperlake")
        XCTAssertEqual(c.action, .proceed)
        XCTAssertEqual(c.source, .portbench)
        XCTAssertNil(c.reason)
        XCTAssertEqual(OpenBLASCoreChoice.source(environment: env), .portbench)
        var changed = env
        changed["OPENBLAS_CORETYPE"] = "Haswell"
        XCTAssertEqual(OpenBLASCoreChoice.source(environment: changed), .environment, "a stale marker is ignored")
        XCTAssertEqual(OpenBLASCoreChoice.source(environment: [:]), .openblas)
    }

    func testANamedCoreIsCheckedThenUsed() {
        let prescott = OpenBLASCore.named("Prescott")!
        let c = decide(.named(prescott), ["OPENBLAS_CORETYPE": "Haswell"], "Haswell")
        XCTAssertEqual(c.action, .verify([prescott]))
        XCTAssertEqual(c.source, .option)
        let after = decide(.named(prescott), OpenBLASCoreChoice.environment(for: prescott, source: .option), "Prescott")
        XCTAssertEqual(after.action, .proceed)
        XCTAssertEqual(after.source, .option)
    }

    /// The core this process loaded computes every product of the self-check within its bound.
    func testSelfCheckPassesOnTheCurrentCore() {
        let r = GEMM.selfCheck()
        XCTAssertEqual(r.cases, GEMM.selfCheckCases.count)
        XCTAssertTrue(r.passed, "\(OpenBLASInfo.current().corename): \(r.worst) at \(r.worstRatio) × bound")
        XCTAssertTrue(GEMM.selfCheckCases.contains { $0.m == 1 && $0.n == 1 && $0.k == 1 })
        XCTAssertTrue(GEMM.selfCheckCases.contains { $0.m == 1 && $0.transposeB })
        XCTAssertTrue(GEMM.selfCheckCases.contains { $0.k == 1 })
    }

    func testFingerprintSaysWhoChoseTheCore() {
        let info = OpenBLASInfo.current()
        let expected: OpenBLASCoreSource =
            ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil ? .openblas : .environment
        XCTAssertEqual(
            info.coreSource, OpenBLASCoreChoice.markerSource(ProcessInfo.processInfo.environment) ?? expected)
        XCTAssertEqual(info.bestCore, OpenBLASCore.best(for: .current())?.name)
    }
}
