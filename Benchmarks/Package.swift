// swift-tools-version: 6.1
// The benchmarks are a package of their own so that embedders and `swift test` never build them.
// Run: cd Benchmarks && swift package benchmark   (see README.md in this folder)
import PackageDescription

let package = Package(
    name: "PadanBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its folder name (a worktree or a clone).
        .package(name: "Padan", path: "../"),
        .package(url: "https://github.com/ordo-one/package-benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Ingest",
            dependencies: [
                .product(name: "Padan", package: "Padan"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Ingest",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "Standardize",
            dependencies: [
                .product(name: "Padan", package: "Padan"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Standardize",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
