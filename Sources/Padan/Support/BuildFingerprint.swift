import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fingerprint of the compiled code this process runs Padan from: a hash of the executable or
/// shared library that holds this module.
///
/// Data derived by code (a register's packed records) is kept with the fingerprint of the code
/// that derived it and used again only by the same build: any change to standardizing or packing,
/// however small, is a new file, so no version number has to be remembered and bumped by hand.
/// An empty fingerprint means the file could not be found; nothing is then reused.
enum BuildFingerprint {
    /// The fingerprint of the running build, worked out once per process.
    static let current: String = {
        guard let path = imagePath(), let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return "" }
        let hash = data.withUnsafeBytes { XXH3.hash($0) }
        let seeded = data.withUnsafeBytes { XXH3.hash($0, seed: 0x9E37_79B9_7F4A_7C15) }
        return String(format: "%016llx%016llx-%d", hash, seeded, data.count)
    }()

    /// The path of the file this module's code was loaded from.
    static func imagePath() -> String? {
        let anchor = unsafeBitCast(BuildFingerprint.anchorFunction, to: UInt.self)
        #if os(Linux)
        // /proc/self/maps names the file behind every mapping, with an absolute path, for the
        // main executable as for a shared library (dladdr gives argv[0] for the former).
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return nil }
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6, let dash = fields[0].firstIndex(of: "-"),
                  let lo = UInt(fields[0][..<dash], radix: 16), let hi = UInt(fields[0][fields[0].index(after: dash)...], radix: 16),
                  lo <= anchor, anchor < hi else { continue }
            let path = fields[5].trimmingCharacters(in: .whitespaces)
            return path.hasPrefix("/") ? path : nil
        }
        return nil
        #else
        var info = Dl_info()
        guard dladdr(UnsafeRawPointer(bitPattern: anchor), &info) != 0, let name = info.dli_fname else { return nil }
        return String(cString: name)
        #endif
    }

    /// A function of this module, whose address locates the module's code.
    private static let anchorFunction: @convention(c) () -> Void = {}
}
