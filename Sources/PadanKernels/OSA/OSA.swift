/// Optimal string alignment distance (restricted Damerau–Levenshtein): insertions, deletions,
/// substitutions and transpositions of two adjacent bytes, where no substring is edited twice.
///
/// The kernel is Hyyrö's 2003 bit-parallel extension of Myers' algorithm: a transposition term
/// `TR = ((~D0_prev & PM_j) << 1) & PM_{j-1}` joins the diagonal-zero vector. Patterns of up to 64
/// bytes (after the common affix is removed) take one word per text byte; longer ones use blocks
/// of 64 bits with the horizontal and transposition carries passed between blocks.
///
///     OSA.distance("ANDI", "ADNI")        // 1 (Levenshtein: 2)
///     OSA.distance("SOEHARTO", "SUHARTO") // 2
///
/// The cutoff contract is the one of ``Levenshtein``: the exact distance when it is at most
/// `cutoff`, else exactly `cutoff + 1`.
public enum OSA {
    /// The OSA distance between `a` and `b`, honouring `cutoff`.
    ///
    ///     OSA.distance(a, b, cutoff: 2)
    ///
    /// - Complexity: O(n) for a remaining pattern of at most 64 bytes, else O(⌈m/64⌉·n); no heap
    ///   allocation up to 64 bytes.
    @inlinable
    public static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, cutoff: Int? = nil) -> Int {
        let limit = Normalization.limit(cutoff, maximum: max(a.count, b.count))
        return Normalization.clamp(bounded(a, b, limit: limit), cutoff: cutoff)
    }

    /// The OSA distance between the bytes of `a` and `b`.
    ///
    ///     OSA.distance([1, 2], [2, 1]) // 1
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func distance(_ a: [UInt8], _ b: [UInt8], cutoff: Int? = nil) -> Int {
        Bytes.with(a, b) { distance($0, $1, cutoff: cutoff) }
    }

    /// The OSA distance between the UTF-8 bytes of `a` and `b`.
    ///
    ///     OSA.distance("3273014501900001", "3273015401900001") // 1
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func distance(_ a: String, _ b: String, cutoff: Int? = nil) -> Int {
        Bytes.with(a, b) { distance($0, $1, cutoff: cutoff) }
    }

    /// `1 - distance / max(a.count, b.count)`; 1.0 for two empty strings.
    ///
    ///     OSA.normalizedSimilarity(a, b)
    ///
    /// - Complexity: As ``distance(_:_:cutoff:)``.
    @inlinable
    public static func normalizedSimilarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        Normalization.similarity(distance(a, b), maximum: max(a.count, b.count))
    }

    /// `1 - distance / max(a.count, b.count)` over UTF-8 bytes; 1.0 for two empty strings.
    ///
    ///     OSA.normalizedSimilarity("ANDI", "ADNI") // 0.75
    ///
    /// - Complexity: As ``distance(_:_:cutoff:)``.
    @inlinable
    public static func normalizedSimilarity(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }

    /// `normalizedSimilarity` on the bytes of `a` and `b`.
    ///
    ///     OSA.normalizedSimilarity(Array("ANDI".utf8), Array("ADNI".utf8)) // 0.75
    ///
    /// - Complexity: As ``distance(_:_:cutoff:)``.
    @inlinable
    public static func normalizedSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }

    /// The distance if it is at most `limit`, else any value above `limit`.
    @inlinable
    static func bounded(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var (a, b) = Bytes.trimAffix(a, b)
        if a.count > b.count { swap(&a, &b) }
        if b.count &- a.count > limit { return limit &+ 1 }
        if a.isEmpty { return b.count }
        if a.count <= 64 {
            return PairMasks.with(
                pattern: a, text: b,
                ascii: { word($0, m: a.count, text: b, limit: limit) }, general: { word($0, m: a.count, text: b, limit: limit) })
        }
        return PatternTable.withTemporary(a) { blocked($0, m: a.count, text: b, limit: limit) }
    }

    /// Single-word kernel (Hyyrö 2003), pattern of `m` (1...64) bytes.
    @inlinable @inline(__always)
    static func word<M: MaskLookup>(_ pm: M, m: Int, text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var vp: UInt64 = ~0
        var vn: UInt64 = 0
        var d0: UInt64 = 0
        var pmOld: UInt64 = 0
        let shift = UInt64(m &- 1)
        var score = m
        var bound = limit &+ text.count
        for c in text {
            bound &-= 1
            let pmj = pm.mask(c)
            let tr = (((~d0) & pmj) &<< 1) & pmOld
            d0 = (((pmj & vp) &+ vp) ^ vp) | pmj | vn | tr
            var hp = vn | ~(d0 | vp)
            var hn = d0 & vp
            score = score &+ Int(truncatingIfNeeded: (hp &>> shift) & 1) &- Int(truncatingIfNeeded: (hn &>> shift) & 1)
            if score > bound { return limit &+ 1 }
            hp = (hp &<< 1) | 1
            hn = hn &<< 1
            vp = hn | ~(d0 | hp)
            vn = hp & d0
            pmOld = pmj
        }
        return score
    }

    /// Blocked kernel: Myers' block carries for HP/HN plus the carry of the transposition term's
    /// shift, taken from the previous column's D0 of the block holding the lower pattern bits.
    @inlinable
    static func blocked<M: MaskLookup>(_ pm: M, m: Int, text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let words = (m &+ 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 4 &* words) { state in
            let vp = state.baseAddress!, vn = vp + words, d0s = vn + words, pmOlds = d0s + words
            vp.initialize(repeating: ~0, count: words)
            vn.initialize(repeating: 0, count: 3 &* words)
            let shift = UInt64((m &- 1) & 63)
            let lastWord = words &- 1
            var score = m
            var bound = limit &+ text.count
            for c in text {
                bound &-= 1
                let row = pm.row(c)
                var hpCarry: UInt64 = 1
                var hnCarry: UInt64 = 0
                var trCarry: UInt64 = 0
                for w in 0 ..< words {
                    let pmj = row[w], vpw = vp[w], vnw = vn[w]
                    let candidates = (~d0s[w]) & pmj
                    let tr = ((candidates &<< 1) | trCarry) & pmOlds[w]
                    trCarry = candidates &>> 63
                    let x = pmj | hnCarry
                    let d0 = (((x & vpw) &+ vpw) ^ vpw) | x | vnw | tr
                    var hp = vnw | ~(d0 | vpw)
                    var hn = d0 & vpw
                    if w == lastWord {
                        score = score &+ Int(truncatingIfNeeded: (hp &>> shift) & 1) &- Int(truncatingIfNeeded: (hn &>> shift) & 1)
                    }
                    let hpOut = hp &>> 63, hnOut = hn &>> 63
                    hp = (hp &<< 1) | hpCarry
                    hn = (hn &<< 1) | hnCarry
                    vp[w] = hn | ~(d0 | hp)
                    vn[w] = hp & d0
                    d0s[w] = d0
                    pmOlds[w] = pmj
                    hpCarry = hpOut
                    hnCarry = hnOut
                }
                if score > bound { return limit &+ 1 }
            }
            return score
        }
    }
}
