// swift-tools-version: 6.1
// libFuzzer targets for Padan's input-facing code. A package of its own, so the fuzzers build with
// `-sanitize=fuzzer,address` in Fuzz/.build without touching the main package's build directory.
// Build and run with scripts/fuzz; see Fuzz/README.md.
import PackageDescription

let fuzzer: [Target.Dependency] = ["FuzzSupport", .product(name: "Padan", package: "Padan")]

let package = Package(
    name: "PadanFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Padan", path: "../"),
        // The same ZIPFoundation the main package reads workbooks with, to pack fuzzed XML parts
        // into well-formed workbooks.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CLibFuzzer"),
        // Starting libFuzzer, the per-process scratch file, and the invariants every read table keeps.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "Padan", package: "Padan")]),
        .executableTarget(name: "FuzzDelimited", dependencies: fuzzer),
        .executableTarget(name: "FuzzHTML", dependencies: fuzzer),
        .executableTarget(name: "FuzzStandardize", dependencies: fuzzer),
        .executableTarget(
            name: "FuzzXLSX",
            dependencies: fuzzer + [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "FuzzODS",
            dependencies: fuzzer + [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(name: "FuzzConfig", dependencies: fuzzer),
        .executableTarget(
            name: "FuzzKernels",
            dependencies: ["FuzzSupport", .product(name: "PadanKernels", package: "Padan")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
