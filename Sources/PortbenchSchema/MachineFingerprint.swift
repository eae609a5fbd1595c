import Foundation

/// The machine a result was measured on. `comparabilityKey` hashes the fields that change what numbers mean;
/// results are only compared when their keys match.
public struct MachineFingerprint: Codable, Equatable, Sendable {
    public var cpuModel: String
    /// Vendor, family, model and stepping from /proc/cpuinfo ("AuthenticAMD family 26 model 2 stepping 1"): the
    /// model name alone does not tell CPU generations apart under some hypervisors ("AMD EPYC" for Zen 4 and 5).
    public var cpuSignature: String?
    public var cores: Int
    public var memoryBytes: UInt64
    public var os: String
    public var kernel: String
    public var hostname: String
    public var swiftVersion: String
    public var openblas: OpenBLASInfo
    /// OPENBLAS_* environment variables in force (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE, OPENBLAS_NUM_THREADS, …).
    public var openblasEnvironment: [String: String]
    public var gitCommit: String
    public var gitDirty: Bool
    public var comparabilityKey: String

    /// FNV-1a over the machine's identity (`ComparabilityField`); run settings (threads, core name, OPENBLAS_*)
    /// are recorded but left out, and reported by `settingsDifferences`.
    public func computeKey() -> String {
        let text = ComparabilityField.allCases.map { value(of: $0) }.joined(separator: "|")
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return String(format: "%016llx", h)
    }

    public init(
        cpuModel: String, cores: Int, memoryBytes: UInt64, os: String, kernel: String, hostname: String,
        swiftVersion: String, openblas: OpenBLASInfo, openblasEnvironment: [String: String], gitCommit: String,
        gitDirty: Bool, comparabilityKey: String
    ) {
        self.cpuModel = cpuModel
        self.cores = cores
        self.memoryBytes = memoryBytes
        self.os = os
        self.kernel = kernel
        self.hostname = hostname
        self.swiftVersion = swiftVersion
        self.openblas = openblas
        self.openblasEnvironment = openblasEnvironment
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.comparabilityKey = comparabilityKey
    }
}

/// What OpenBLAS reports about itself: the build, the kernel it picked and its thread count.
public struct OpenBLASInfo: Codable, Equatable, Sendable {
    public var config: String
    public var version: String
    public var corename: String
    public var threads: Int
    /// Who chose `corename` (absent in documents written before portbench chose cores).
    public var coreSource: OpenBLASCoreSource?
    /// The best core this OpenBLAS has for the CPU's instruction sets; a `corename` below it is a fallback.
    public var bestCore: String?
    /// True when `corename`'s instruction set is narrower than `bestCore`'s (a fallback, chosen or not).
    public var belowBest: Bool?

    public init(config: String, version: String, corename: String, threads: Int) {
        self.config = config
        self.version = version
        self.corename = corename
        self.threads = threads
    }
}
