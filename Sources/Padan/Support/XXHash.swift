import CXXHash

/// The one door to libxxhash: every hash the engine computes goes through here.
///
/// The shim header compiles xxHash inline (`XXH_INLINE_ALL`), so these calls are specialized for
/// the short keys blocking produces (about 2 ns for 16 bytes).
enum XXH3 {
    /// XXH3-64 of the bytes in `buffer`.
    @inline(__always)
    static func hash(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        seed == 0
            ? padan_xxh3_64(buffer.baseAddress, buffer.count)
            : padan_xxh3_64_seeded(buffer.baseAddress, buffer.count, seed)
    }

    /// XXH3-64 of the bytes in `buffer`.
    @inline(__always)
    static func hash(_ buffer: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        hash(UnsafeRawBufferPointer(buffer), seed: seed)
    }

    /// XXH3-64 of an array of bytes.
    static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }
}
