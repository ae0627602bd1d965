// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Padan",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Padan", targets: ["Padan"]),
        .library(name: "PadanKernels", targets: ["PadanKernels"]),
        .library(name: "PadanSynth", targets: ["PadanSynth"]),
        .executable(name: "padan", targets: ["padan"]),
        // The C interface (Sources/PadanC/padan.h) as a shared library, for Python and others.
        .library(name: "PadanC", type: .dynamic, targets: ["PadanC"]),
        // The register's JSON HTTP service (Hummingbird), apart so that the library and the
        // command-line tool never pull in SwiftNIO; `padan serve` starts it.
        .executable(name: "padan-server", targets: ["padan-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        // `swift package generate-documentation --target Padan` builds Sources/Padan/Padan.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // report.html is a Mustache template filled by our code (no dependencies of its own).
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        // The register's HTTP service only (PadanServer); nothing else depends on it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
    ],
    targets: [
        // xxHash3 from the system library (Debian: libxxhash-dev). The shim header inlines it.
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"]), .brew(["xxhash"])]
        ),
        // zlib's deflate and CRC-32 from the system library (Debian: zlib1g-dev), for writing the
        // workbooks' zip parts on several threads at a fast level.
        .systemLibrary(
            name: "CPadanZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // SHA-256 and HMAC-SHA256 from the system's OpenSSL libcrypto (Debian: libssl-dev), for run
        // checksums and pseudonymized NIK/KK: cryptography is not ours to write, and swift-crypto
        // compiled its own BoringSSL into every build (363 of the debug build's 864 steps).
        .systemLibrary(
            name: "COpenSSLCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        // SQLite from the system library (Debian: libsqlite3-dev), for the register: WAL mode,
        // transactions and integrity checks through one C door, the way xxHash and zlib come in.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // String similarity kernels on bytes: bit-parallel and SIMD edit distances, Jaro, tokens, digits.
        .target(name: "PadanKernels"),
        // The engine: ingest, standardize, block, compare, score, resolve, report.
        .target(
            name: "Padan",
            dependencies: [
                "CXXHash",
                "CPadanZlib",
                "COpenSSLCrypto",
                "CSQLite",
                "PadanKernels",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Synthetic corpora with truth: a population of West Java households and aid lists drawn
        // from it with realistic errors. No dependencies, so benchmarks can use it on its own.
        .target(name: "PadanSynth"),
        // The command-line tool: argument parsing and printing only.
        .executableTarget(
            name: "padan",
            dependencies: [
                "Padan",
                "PadanSynth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The register's HTTP service: match, people, health, metrics, API keys, audit log.
        .target(
            name: "PadanServer",
            dependencies: [
                "Padan",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
            ],
            resources: [.copy("openapi.yaml")]
        ),
        .executableTarget(
            name: "padan-server",
            dependencies: ["PadanServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "PadanServerTests",
            dependencies: ["PadanServer", "Padan", "PadanSynth"]
        ),
        // The C interface: @_cdecl functions over opaque handles; no server or Python dependency.
        .target(name: "PadanC", dependencies: ["Padan"], exclude: ["padan.h"]),
        .testTarget(name: "PadanCTests", dependencies: ["PadanC", "Padan"]),
        .testTarget(
            name: "PadanTests",
            dependencies: ["Padan", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "PadanKernelsTests", dependencies: ["PadanKernels"]),
        .testTarget(name: "PadanSynthTests", dependencies: ["PadanSynth", "Padan"]),
    ],
    swiftLanguageModes: [.v6]
)
