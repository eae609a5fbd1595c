import Foundation
import PortbenchSchema
import XCTest

/// Run settings (threads, core name, OPENBLAS_*) are recorded and reported, but are not the machine's identity.
final class FingerprintDifferenceTests: XCTestCase {
    static func machine(
        threads: Int = 8, corename: String = "Haswell", environment: [String: String] = [:]
    ) -> MachineFingerprint {
        var f = MachineFingerprint(
            cpuModel: "Test CPU", cores: 8, memoryBytes: 32 << 30, os: "Linux", kernel: "6.1", hostname: "a",
            swiftVersion: "6.3",
            openblas: OpenBLASInfo(
                config: "OpenBLAS 0.3.26 DYNAMIC_ARCH", version: "0.3.26", corename: corename,
                threads: threads),
            openblasEnvironment: environment, gitCommit: "abc", gitDirty: false, comparabilityKey: "")
        f.comparabilityKey = f.computeKey()
        return f
    }

    func testSettingsDoNotChangeTheKey() {
        let base = Self.machine()
        let tuned = Self.machine(threads: 1, corename: "SkylakeX", environment: ["OPENBLAS_CORETYPE": "SKYLAKEX"])
        XCTAssertEqual(base.computeKey(), tuned.computeKey())
        XCTAssertEqual(base.machineDifferences(tuned), [])
        XCTAssertEqual(
            base.settingsDifferences(tuned),
            [
                SettingDifference(name: "openblas.threads", this: "8", other: "1"),
                SettingDifference(name: "openblas.corename", this: "Haswell", other: "SkylakeX"),
                SettingDifference(name: "OPENBLAS_CORETYPE", this: nil, other: "SKYLAKEX"),
            ])
        XCTAssertEqual(base.settingsDifferences(base), [])
    }

    func testEnvironmentVariablesCompareByNameAndValue() {
        let a = Self.machine(environment: ["OPENBLAS_L2_SIZE": "1048576", "OPENBLAS_VERBOSE": "2"])
        let b = Self.machine(environment: ["OPENBLAS_L2_SIZE": "524288", "OPENBLAS_NUM_THREADS": "4"])
        XCTAssertEqual(
            a.settingsDifferences(b).map(\.name), ["OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OPENBLAS_VERBOSE"])
        XCTAssertEqual(a.settingsDifferences(b)[2], SettingDifference(name: "OPENBLAS_VERBOSE", this: "2", other: nil))
    }

    func testMachineDifferencesNameEachIdentityField() {
        let a = Self.machine()
        var b = a
        b.cpuModel = "Other CPU"
        b.memoryBytes = (32 << 30) + (512 << 20)  // the same whole GiB
        b.swiftVersion = "6.2"
        b.openblas.config = "OpenBLAS 0.3.27"
        b.hostname = "b"
        b.kernel = "6.8"
        b.gitCommit = "def"
        XCTAssertEqual(a.machineDifferences(b).map(\.field), [.cpuModel, .swiftVersion, .openblasConfig])
        XCTAssertEqual(
            a.machineDifferences(b)[0], MachineDifference(field: .cpuModel, this: "Test CPU", other: "Other CPU"))
        XCTAssertNotEqual(a.computeKey(), b.computeKey())
        var c = a
        c.cores = 16
        c.memoryBytes = 64 << 30
        c.os = "macOS"
        XCTAssertEqual(a.machineDifferences(c).map(\.field), [.cores, .memoryGiB, .os])
    }
}

final class DynamicArchConfigTests: XCTestCase {
    /// OpenBLAS's DYNAMIC_ARCH config string names the core it runs; a forced core is a setting, not another machine.
    func testTheCoreInTheConfigStringIsASetting() {
        func machine(_ core: String) -> MachineFingerprint {
            MachineFingerprint(
                cpuModel: "AMD EPYC", cores: 2, memoryBytes: 24 << 30, os: "Debian 12", kernel: "6.1", hostname: "h",
                swiftVersion: "6.3",
                openblas: OpenBLASInfo(
                    config: "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY \(core) MAX_THREADS=64",
                    version: "0.3.21", corename: core, threads: 2),
                openblasEnvironment: [:], gitCommit: "c", gitDirty: false, comparabilityKey: "")
        }
        XCTAssertEqual(machine("Haswell").machineDifferences(machine("Prescott")), [])
        XCTAssertEqual(machine("Haswell").computeKey(), machine("Prescott").computeKey())
        XCTAssertEqual(machine("Haswell").settingsDifferences(machine("Prescott")).map(\.name), ["openblas.corename"])
    }
}
