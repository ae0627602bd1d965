/// Hamming distance: the number of positions at which two strings differ. Meant for
/// equal-length codes such as 16-digit NIKs; for unequal lengths every position past the
/// shorter string counts as a difference (so the result is still a metric).
///
///     Hamming.distance("3273014501900001", "3273014501900010") // 2
///     Hamming.distance("12", "123")                            // 1
///
/// Compares eight bytes per step (XOR of 64-bit loads, then a count of non-zero bytes).
public enum Hamming {
    /// The number of differing positions, plus the length difference.
    ///
    ///     Hamming.distance(a, b)
    ///
    /// - Complexity: O(max(m, n) / 8).
    @inlinable
    public static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var d = max(a.count, b.count) &- n
        guard n > 0 else { return d }
        let pa = UnsafeRawPointer(a.baseAddress!), pb = UnsafeRawPointer(b.baseAddress!)
        var i = 0
        while i &+ 8 <= n {
            let x = pa.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            d &+= DigitString.nonZeroBytes(x).nonzeroBitCount
            i &+= 8
        }
        while i < n {
            if a[i] != b[i] { d &+= 1 }
            i &+= 1
        }
        return d
    }

    /// The Hamming distance of the UTF-8 bytes of `a` and `b`.
    ///
    ///     Hamming.distance("ABC", "ABD") // 1
    ///
    /// - Complexity: O(max(m, n) / 8).
    @inlinable
    public static func distance(_ a: String, _ b: String) -> Int {
        Bytes.with(a, b) { distance($0, $1) }
    }

    /// `distance` on the bytes of `a` and `b`.
    ///
    ///     Hamming.distance(Array("ABC".utf8), Array("ABD".utf8)) // 1
    ///
    /// - Complexity: O(max(m, n) / 8).
    @inlinable
    public static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        Bytes.with(a, b) { distance($0, $1) }
    }

    /// `1 - distance / max(m, n)`; 1.0 for two empty strings.
    ///
    ///     Hamming.normalizedSimilarity("3273014501900001", "3273014501900002") // 0.9375
    ///
    /// - Complexity: O(max(m, n) / 8).
    @inlinable
    public static func normalizedSimilarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        Normalization.similarity(distance(a, b), maximum: max(a.count, b.count))
    }

    /// `1 - distance / max(m, n)` over UTF-8 bytes; 1.0 for two empty strings.
    ///
    ///     Hamming.normalizedSimilarity("3273014501900001", "3273014501900002") // 0.9375
    ///
    /// - Complexity: O(max(m, n) / 8).
    @inlinable
    public static func normalizedSimilarity(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }

    /// `normalizedSimilarity` on the bytes of `a` and `b`.
    ///
    ///     Hamming.normalizedSimilarity(Array("3273014501900001".utf8), Array("3273014501900002".utf8)) // 0.9375
    ///
    /// - Complexity: O(max(m, n) / 8).
    @inlinable
    public static func normalizedSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }
}
