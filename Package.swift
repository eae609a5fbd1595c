// swift-tools-version:6.0
import PackageDescription

// One target per box of DESIGN.md; a module imports only the boxes above it. The manifest reads nothing but
// itself: the XLA backend is always built, and its PJRT plugin is found at run time (ci/install-pjrt.sh).
let package = Package(
    name: "portbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "portbench", targets: ["portbench"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        // Callgrind client requests (no-ops where valgrind's headers are missing; `--instrument callgrind` then refuses).
        .target(name: "CCallgrind"),
        // Peak fp32 arithmetic loops per instruction set (target attributes; optimised in every build).
        .target(name: "CPeakFlops", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "PortbenchSchema"),
        .target(name: "PortbenchRender", dependencies: ["PortbenchSchema"]),
        // Regression decisions and change points: pure statistics over schema documents (no OpenBLAS, no network).
        .target(name: "Regression", dependencies: ["PortbenchSchema"]),
        .target(name: "Workload", dependencies: ["PortbenchSchema", .product(name: "Yams", package: "Yams")]),
        // The hot loops alone are built without overflow and precondition checks; parsers never are.
        .target(
            name: "Kernels", dependencies: ["Workload", "COpenBLAS"], swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "Reference", dependencies: ["Kernels", "Workload", "PortbenchSchema", "COpenBLAS"]),
        .target(name: "DeviceModels", dependencies: ["PortbenchSchema", "Workload", "Kernels", "Reference"]),
        .target(
            name: "Measurement",
            dependencies: [
                "PortbenchSchema", "Workload", "Kernels", "Reference", "DeviceModels", "COpenBLAS", "CCallgrind",
                "CPeakFlops",
            ]),
        .target(name: "CPJRT", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "XLABackend", dependencies: ["PortbenchSchema", "Workload", "Kernels", "Reference", "CPJRT"]),
        // Every command is one library function (tested without the executable); the executable parses arguments only.
        .target(
            name: "PortbenchCommands",
            dependencies: [
                "PortbenchSchema", "PortbenchRender", "Workload", "Kernels", "Reference", "Measurement", "DeviceModels",
                "XLABackend", "Regression",
            ]),
        .executableTarget(
            name: "portbench",
            dependencies: [
                "PortbenchCommands", "PortbenchSchema", "XLABackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // What more than one test target needs, each helper in one place: Tests/TestSupport.
        .target(
            name: "TestSupport", dependencies: ["PortbenchSchema", "Workload", "XLABackend"], path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        // Fuzzing: seeded mutation (for the tests) and the driver ci/fuzz.sh builds with libFuzzer.
        .target(name: "FuzzSupport", dependencies: ["Kernels", "PortbenchSchema"]),
        .executableTarget(
            name: "PortbenchFuzz", dependencies: ["Kernels", "Reference", "Workload", "DeviceModels", "FuzzSupport"]),
        .testTarget(name: "SchemaTests", dependencies: ["PortbenchSchema"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RegressionTests", dependencies: ["Regression", "PortbenchSchema", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "WorkloadTests", dependencies: ["PortbenchSchema", "Workload", "TestSupport", "FuzzSupport"]),
        .testTarget(
            name: "ReferenceTests",
            dependencies: ["PortbenchSchema", "Kernels", "Reference", "Workload", "TestSupport", "FuzzSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "MeasurementTests",
            dependencies: ["Measurement", "PortbenchSchema", "Workload", "Kernels", "Reference", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "CCurlTests", dependencies: ["CCurl"]),
        .testTarget(
            name: "DeviceModelsTests",
            dependencies: [
                "PortbenchSchema", "PortbenchCommands", "DeviceModels", "Workload", "Kernels", "Reference",
                "TestSupport",
            ]),
        .testTarget(name: "CLITests", dependencies: ["PortbenchSchema", "portbench", "TestSupport"]),
        .testTarget(
            name: "XLABackendTests",
            dependencies: [
                "PortbenchSchema", "XLABackend", "CPJRT", "Workload", "Kernels", "Reference", "DeviceModels",
                "TestSupport",
            ],
            exclude: ["Golden"]),
        .testTarget(name: "RenderTests", dependencies: ["PortbenchRender", "PortbenchSchema"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v5]
)
