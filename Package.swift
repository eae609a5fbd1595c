// swift-tools-version:6.0
import PackageDescription

// One target per box of DESIGN.md; a module imports only the boxes above it. The manifest reads nothing but
// itself: the XLA backend is always built, and its PJRT plugin is found at run time (ci/install-pjrt.sh).
let package = Package(
    name: "portbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "portbench", targets: ["portbench"]),
        // The results server: its own product, so building `portbench` never builds Hummingbird or the SQL drivers.
        .executable(name: "portbench-server", targets: ["portbench-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The results server only (portbench-server and its tests).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        // Callgrind client requests (no-ops where valgrind's headers are missing; `--instrument callgrind` then refuses).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CCallgrind"),
        // Peak fp32 arithmetic loops per instruction set (target attributes; optimised in every build).
        .target(name: "CPeakFlops", cSettings: [.unsafeFlags(["-O2"])]),
        // The memory-bandwidth probe's read loop with the widest loads the CPU has (target attributes).
        .target(name: "CReadStream", cSettings: [.unsafeFlags(["-O2"])]),
        // Element-wise exp/tanh/erf, activations and softmax rows: one source built per instruction set.
        .target(name: "CVectorMath", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "PortbenchSchema"),
        .target(name: "PortbenchRender", dependencies: ["PortbenchSchema"]),
        .target(name: "Gzip", dependencies: ["CZlib"]),
        // Upload of result documents to the results server through libcurl: retries, spool, idempotency keys.
        .target(name: "Publish", dependencies: ["PortbenchSchema", "CCurl", "Gzip"]),
        // Regression decisions and change points: pure statistics over schema documents (no OpenBLAS, no network).
        .target(name: "Regression", dependencies: ["PortbenchSchema"]),
        .target(name: "Workload", dependencies: ["PortbenchSchema", .product(name: "Yams", package: "Yams")]),
        // The hot loops alone are built without overflow and precondition checks; parsers never are.
        .target(
            name: "Kernels", dependencies: ["Workload", "COpenBLAS", "CVectorMath"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "Reference", dependencies: ["Kernels", "Workload", "PortbenchSchema", "COpenBLAS"]),
        .target(name: "DeviceModels", dependencies: ["PortbenchSchema", "Workload", "Kernels", "Reference"]),
        .target(
            name: "Measurement",
            dependencies: [
                "PortbenchSchema", "Workload", "Kernels", "Reference", "DeviceModels", "COpenBLAS", "CCallgrind",
                "CPeakFlops", "CReadStream",
            ]),
        .target(name: "CPJRT", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "XLABackend", dependencies: ["PortbenchSchema", "Workload", "Kernels", "Reference", "CPJRT"]),
        // The results server's storage (one SQL schema on SQLite or PostgreSQL) and its HTTP application.
        .target(
            name: "ResultsStore",
            dependencies: [
                "PortbenchSchema", "Regression", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ]),
        .target(
            name: "ResultsServer",
            dependencies: [
                "PortbenchSchema", "PortbenchRender", "Regression", "ResultsStore", "Gzip",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .executableTarget(
            name: "portbench-server",
            dependencies: [
                "ResultsServer", "ResultsStore", "PortbenchSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Every command is one library function (tested without the executable); the executable parses arguments only.
        .target(
            name: "PortbenchCommands",
            dependencies: [
                "PortbenchSchema", "PortbenchRender", "Workload", "Kernels", "Reference", "Measurement", "DeviceModels",
                "XLABackend", "Regression", "Publish",
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
            name: "PortbenchFuzz",
            dependencies: ["Kernels", "Reference", "Workload", "DeviceModels", "FuzzSupport", "PortbenchSchema"]),
        .testTarget(name: "SchemaTests", dependencies: ["PortbenchSchema", "FuzzSupport"], exclude: ["Fixtures"]),
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
            dependencies: [
                "Measurement", "PortbenchSchema", "Workload", "Kernels", "Reference", "TestSupport", "CReadStream",
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "CCurlTests", dependencies: ["CCurl"]),
        .testTarget(name: "GzipTests", dependencies: ["Gzip"]),
        .testTarget(
            name: "ResultsStoreTests",
            dependencies: [
                "ResultsStore", "PortbenchSchema", "TestSupport", .product(name: "SQLKit", package: "sql-kit"),
            ]),
        .testTarget(
            name: "ResultsServerTests",
            dependencies: ["Publish", "PortbenchSchema", "Gzip", "HTTPTestSupport", "TestSupport", "portbench-server"],
            exclude: ["Fixtures"]),
        // Loopback HTTP helpers for the upload and server tests: a scripted responder and a fault-injecting proxy.
        .target(name: "HTTPTestSupport", path: "Tests/HTTPTestSupport"),
        .testTarget(
            name: "PublishTests",
            dependencies: ["Publish", "PortbenchSchema", "PortbenchRender", "Gzip", "HTTPTestSupport", "TestSupport"]),
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
