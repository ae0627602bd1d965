import COpenSSLCrypto

/// SHA-256 and HMAC-SHA256 from the system's OpenSSL libcrypto: the checksums a run records and the
/// pseudonyms of identity numbers. Cryptography is not ours to write; OpenSSL is on every machine
/// Padan builds on (as zlib and xxHash are), where swift-crypto compiled its own copy of BoringSSL
/// into every build (debug, ThreadSanitizer, fuzzing): 363 of the debug build's 864 steps.
struct SHA256Digest: ~Copyable {
    private let context: OpaquePointer

    init() {
        // Allocation failure in OpenSSL is out of memory: nothing sensible remains to be done.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL could not start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done = bytes.withContiguousStorageIfAvailable { b in EVP_DigestUpdate(context, b.baseAddress, b.count) }
        if done == nil { Array(bytes).withUnsafeBufferPointer { b in _ = EVP_DigestUpdate(context, b.baseAddress, b.count) } }
    }

    /// The 32-byte digest; the digest cannot be updated after this.
    consuming func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &out, &length) == 1, length == 32 else { fatalError("OpenSSL could not finish a SHA-256 digest") }
        return out
    }

    /// HMAC-SHA256 of `data` under `key` (any length).
    static func hmac(key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = key.withUnsafeBufferPointer { k in
            data.withUnsafeBufferPointer { d in
                HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), d.baseAddress, d.count, &out, &length)
            }
        }
        guard result != nil, length == 32 else { fatalError("OpenSSL could not compute an HMAC-SHA256") }
        return out
    }

    /// Lower-case hex of `bytes`.
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
