/// Indel distance: the minimum number of single-byte insertions and deletions, which is
/// `m + n - 2 · LCS(a, b)` (longest common subsequence).
///
/// The LCS kernel is the bit-parallel recurrence of Allison & Dix (1986) as simplified by
/// Hyyrö (2004): `U = S & PM_j; S = (S + U) | (S - U)`, the LCS length being the number of zero
/// bits of `S`. Patterns of up to 64 bytes (after the common affix is removed) take one word per
/// text byte; longer ones add with carry across 64-bit blocks.
///
///     Indel.distance("SITI", "SITTI")               // 1
///     Indel.longestCommonSubsequence("SOEKARNO", "SUKARNO") // 6
///     Indel.normalizedSimilarity("JOKO", "DJOKO")   // 0.888…
///
/// The cutoff contract is the one of ``Levenshtein``: the exact distance when it is at most
/// `cutoff`, else exactly `cutoff + 1`.
public enum Indel {
    /// The Indel distance between `a` and `b`, honouring `cutoff`.
    ///
    ///     Indel.distance(a, b, cutoff: 4)
    ///
    /// - Complexity: O(n) for a remaining pattern of at most 64 bytes, else O(⌈m/64⌉·n); no heap
    ///   allocation up to 64 bytes.
    @inlinable
    public static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, cutoff: Int? = nil) -> Int {
        let limit = Normalization.limit(cutoff, maximum: a.count &+ b.count)
        let d: Int
        if (a.count > b.count ? a.count &- b.count : b.count &- a.count) > limit {
            d = limit &+ 1
        } else {
            d = a.count &+ b.count &- 2 &* longestCommonSubsequence(a, b)
        }
        return Normalization.clamp(d, cutoff: cutoff)
    }

    /// The Indel distance between the bytes of `a` and `b`.
    ///
    ///     Indel.distance([1, 2, 3], [1, 3]) // 1
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func distance(_ a: [UInt8], _ b: [UInt8], cutoff: Int? = nil) -> Int {
        Bytes.with(a, b) { distance($0, $1, cutoff: cutoff) }
    }

    /// The Indel distance between the UTF-8 bytes of `a` and `b`.
    ///
    ///     Indel.distance("SOEKARNO", "SUKARNO") // 3
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func distance(_ a: String, _ b: String, cutoff: Int? = nil) -> Int {
        Bytes.with(a, b) { distance($0, $1, cutoff: cutoff) }
    }

    /// The length of the longest common subsequence of `a` and `b`.
    ///
    ///     Indel.longestCommonSubsequence(a, b)
    ///
    /// - Complexity: O(n) for a remaining pattern of at most 64 bytes, else O(⌈m/64⌉·n).
    @inlinable
    public static func longestCommonSubsequence(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let prefix = Bytes.commonPrefix(a, b)
        var a = UnsafeBufferPointer(rebasing: a[prefix...]), b = UnsafeBufferPointer(rebasing: b[prefix...])
        let suffix = Bytes.commonSuffix(a, b)
        a = UnsafeBufferPointer(rebasing: a[..<(a.count &- suffix)])
        b = UnsafeBufferPointer(rebasing: b[..<(b.count &- suffix)])
        if a.count > b.count { swap(&a, &b) }
        let affix = prefix &+ suffix
        if a.isEmpty { return affix }
        if a.count <= 64 {
            return affix &+ PairMasks.with(
                pattern: a, text: b, ascii: { word($0, m: a.count, text: b) }, general: { word($0, m: a.count, text: b) })
        }
        return affix &+ PatternTable.withTemporary(a) { blocked($0, m: a.count, text: b) }
    }

    /// The length of the longest common subsequence of the UTF-8 bytes of `a` and `b`.
    ///
    ///     Indel.longestCommonSubsequence("SOEKARNO", "SUKARNO") // 6
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func longestCommonSubsequence(_ a: String, _ b: String) -> Int {
        Bytes.with(a, b) { longestCommonSubsequence($0, $1) }
    }

    /// `longestCommonSubsequence` on the bytes of `a` and `b`.
    ///
    ///     Indel.longestCommonSubsequence(Array("SOEKARNO".utf8), Array("SUKARNO".utf8)) // 6
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func longestCommonSubsequence(_ a: [UInt8], _ b: [UInt8]) -> Int {
        Bytes.with(a, b) { longestCommonSubsequence($0, $1) }
    }

    /// `1 - distance / (a.count + b.count)`; 1.0 for two empty strings. This is the "ratio" of
    /// fuzzywuzzy and rapidfuzz (there scaled to 0...100).
    ///
    ///     Indel.normalizedSimilarity(a, b)
    ///
    /// - Complexity: As ``distance(_:_:cutoff:)``.
    @inlinable
    public static func normalizedSimilarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        Normalization.similarity(distance(a, b), maximum: a.count &+ b.count)
    }

    /// `1 - distance / (a.count + b.count)` over UTF-8 bytes; 1.0 for two empty strings.
    ///
    ///     Indel.normalizedSimilarity("DJOKO", "JOKO") // 0.888…
    ///
    /// - Complexity: As ``distance(_:_:cutoff:)``.
    @inlinable
    public static func normalizedSimilarity(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }

    /// `normalizedSimilarity` on the bytes of `a` and `b`.
    ///
    ///     Indel.normalizedSimilarity(Array("DJOKO".utf8), Array("JOKO".utf8)) // 0.888…
    ///
    /// - Complexity: As ``distance(_:_:cutoff:)``.
    @inlinable
    public static func normalizedSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }

    /// Single-word LCS kernel, pattern of `m` (1...64) bytes.
    @inlinable @inline(__always)
    static func word<M: MaskLookup>(_ pm: M, m: Int, text: UnsafeBufferPointer<UInt8>) -> Int {
        var s: UInt64 = ~0
        for c in text {
            let u = s & pm.mask(c)
            s = (s &+ u) | (s &- u)
        }
        let used: UInt64 = m == 64 ? ~0 : (1 &<< UInt64(m)) &- 1
        return (~s & used).nonzeroBitCount
    }

    /// Blocked LCS kernel: the addition carries from each 64-bit block into the next.
    @inlinable
    static func blocked<M: MaskLookup>(_ pm: M, m: Int, text: UnsafeBufferPointer<UInt8>) -> Int {
        let words = (m &+ 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { state in
            let s = state.baseAddress!
            s.initialize(repeating: ~0, count: words)
            for c in text {
                let row = pm.row(c)
                var carry: UInt64 = 0
                for w in 0 ..< words {
                    let sw = s[w]
                    let u = sw & row[w]
                    let (sum1, o1) = sw.addingReportingOverflow(u)
                    let (sum2, o2) = sum1.addingReportingOverflow(carry)
                    carry = (o1 || o2) ? 1 : 0
                    s[w] = sum2 | (sw &- u)
                }
            }
            var lcs = 0
            for w in 0 ..< words {
                let bits = min(64, m &- w &* 64)
                let used: UInt64 = bits == 64 ? ~0 : (1 &<< UInt64(bits)) &- 1
                lcs &+= (~s[w] & used).nonzeroBitCount
            }
            return lcs
        }
    }
}
