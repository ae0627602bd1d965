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
        // To write the 200k-row workbook the Ingest suite reads, as Excel stores one.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .executableTarget(
            name: "Ingest",
            dependencies: [
                .product(name: "Padan", package: "Padan"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Ingest",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Pairs per second of the PadanKernels string kernels (names and NIKs), with the plain
        // reference for comparison.
        .executableTarget(
            name: "Kernels",
            dependencies: [
                "KernelsCorpus",
                .product(name: "PadanKernels", package: "Padan"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Kernels",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Padan's figures for rapidfuzz/compare.py: reads the same pair file, prints pairs/s.
        .executableTarget(
            name: "KernelsCompare",
            dependencies: ["KernelsCorpus", .product(name: "PadanKernels", package: "Padan")]
        ),
        // Deterministic name/NIK pairs, the copied DP reference, timing helpers.
        .target(name: "KernelsCorpus"),
        .executableTarget(
            name: "Standardize",
            dependencies: [
                .product(name: "Padan", package: "Padan"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Standardize",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The whole engine on a generated 200k x 200k corpus.
        .executableTarget(
            name: "Link",
            dependencies: [
                .product(name: "Padan", package: "Padan"),
                .product(name: "PadanSynth", package: "Padan"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Link",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
