// swift-tools-version:6.0
import PackageDescription

// One target per box of DESIGN.md; a module imports only the boxes above it. The manifest reads nothing but
// itself: the XLA backend is always built, and its PJRT plugin is found at run time (ci/install-pjrt.sh).
let package = Package(
    name: "portbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "portbench", targets: ["portbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "PortbenchSchema"),
        .target(name: "Workload", dependencies: ["PortbenchSchema", .product(name: "Yams", package: "Yams")]),
        .target(name: "Reference", dependencies: ["Workload", "PortbenchSchema", "COpenBLAS"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "DeviceModels", dependencies: ["PortbenchSchema", "Workload", "Reference"]),
        .target(name: "Measurement", dependencies: ["PortbenchSchema", "Workload", "Reference", "DeviceModels", "COpenBLAS"]),
        .target(name: "CPJRT", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "XLABackend", dependencies: ["PortbenchSchema", "Workload", "Reference", "CPJRT"]),
        .executableTarget(name: "portbench", dependencies: [
            "PortbenchSchema", "Workload", "Reference", "Measurement", "DeviceModels", "XLABackend",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzzing: seeded mutation (for the tests) and the driver ci/fuzz.sh builds with libFuzzer.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "PortbenchFuzz", dependencies: ["Reference", "Workload", "DeviceModels", "FuzzSupport"]),
        .testTarget(name: "WorkloadTests", dependencies: ["Workload", "FuzzSupport"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Reference", "Workload", "FuzzSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "MeasurementTests", dependencies: ["Measurement", "PortbenchSchema", "Workload", "Reference"]),
        .testTarget(name: "CCurlTests", dependencies: ["CCurl"]),
        .testTarget(name: "DeviceModelsTests", dependencies: ["DeviceModels", "Workload", "Reference"]),
        .testTarget(name: "CLITests", dependencies: ["portbench"]),
        .testTarget(name: "XLABackendTests", dependencies: ["XLABackend", "CPJRT", "Workload", "Reference", "DeviceModels"],
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v5]
)
