/// Levenshtein distance: the minimum number of single-byte insertions, deletions and
/// substitutions that turn one string into the other.
///
/// Strings are compared as bytes. Patterns of up to 64 bytes (after the common prefix and suffix
/// are removed) use one machine word per text byte (Myers 1999 in Hyyrö's 2003 formulation);
/// longer patterns use Myers' blocked algorithm, `ceil(m / 64)` words per text byte.
///
///     Levenshtein.distance("SOEKARNO", "SUKARNO")            // 2
///     Levenshtein.distance("SOEKARNO", "SUKARNO", cutoff: 1) // 2 (= cutoff + 1: "more than 1")
///     Levenshtein.normalizedSimilarity("DJOKO", "JOKO")      // 0.8
///
/// ## Cutoff contract
/// `cutoff` is the largest distance of interest. When the distance is at most `cutoff` it is
/// returned exactly; otherwise the result is exactly `cutoff + 1`, and the computation may stop as
/// soon as that is known (length difference, or the last row's lower bound). `nil` means no
/// cutoff. A negative cutoff is a precondition failure.
///
/// For one query against many candidates use ``CachedLevenshtein``.
public enum Levenshtein {
    /// The Levenshtein distance between `a` and `b`, honouring `cutoff` (see the type's contract).
    ///
    ///     Levenshtein.distance("MUHAMMAD", "MUHAMAD") // 1
    ///
    /// - Complexity: O(n) words of work for a remaining pattern of at most 64 bytes, else
    ///   O(⌈m/64⌉·n), where m ≤ n are the lengths left after removing the common affix. No heap
    ///   allocation for patterns up to 64 bytes.
    @inlinable
    public static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, cutoff: Int? = nil) -> Int {
        let limit = Normalization.limit(cutoff, maximum: max(a.count, b.count))
        return Normalization.clamp(bounded(a, b, limit: limit), cutoff: cutoff)
    }

    /// The Levenshtein distance between the bytes of `a` and `b`.
    ///
    ///     Levenshtein.distance([1, 2, 3], [1, 3]) // 1
    ///
    /// - Complexity: See the buffer overload.
    @inlinable
    public static func distance(_ a: [UInt8], _ b: [UInt8], cutoff: Int? = nil) -> Int {
        Bytes.with(a, b) { distance($0, $1, cutoff: cutoff) }
    }

    /// The Levenshtein distance between the UTF-8 bytes of `a` and `b`.
    ///
    ///     Levenshtein.distance("SITI", "SITTI") // 1
    ///
    /// - Complexity: See the buffer overload.
    @inlinable
    public static func distance(_ a: String, _ b: String, cutoff: Int? = nil) -> Int {
        Bytes.with(a, b) { distance($0, $1, cutoff: cutoff) }
    }

    /// `1 - distance / max(a.count, b.count)`; 1.0 for two empty strings.
    ///
    ///     Levenshtein.normalizedSimilarity("JOKO", "DJOKO") // 0.8
    ///
    /// - Complexity: As the buffer overload of `distance`.
    @inlinable
    public static func normalizedSimilarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        Normalization.similarity(distance(a, b), maximum: max(a.count, b.count))
    }

    /// `1 - distance / max(a.count, b.count)` over UTF-8 bytes; 1.0 for two empty strings.
    ///
    ///     Levenshtein.normalizedSimilarity("SOEKARNO", "SUKARNO") // 0.75
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func normalizedSimilarity(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }

    /// `normalizedSimilarity` on the bytes of `a` and `b`.
    ///
    ///     Levenshtein.normalizedSimilarity(Array("SOEKARNO".utf8), Array("SUKARNO".utf8)) // 0.75
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func normalizedSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { normalizedSimilarity($0, $1) }
    }

    /// The distance if it is at most `limit` (≤ max length), else any value above `limit`.
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

    /// Single-word kernel: pattern of `m` (1...64) bytes against `text`.
    ///
    /// Hyyrö 2003: vertical deltas VP/VN of the column, horizontal deltas HP/HN computed from the
    /// match mask; the score follows the last row. Stops with `limit + 1` once the last row's
    /// value minus the bytes left exceeds `limit`.
    @inlinable @inline(__always)
    static func word<M: MaskLookup>(_ pm: M, m: Int, text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var vp: UInt64 = ~0
        var vn: UInt64 = 0
        let shift = UInt64(m &- 1)
        var score = m
        // The last row can fall by at most one per remaining byte: exit when score > limit + left.
        var bound = limit &+ text.count
        for c in text {
            bound &-= 1
            let x = pm.mask(c) | vn
            let d0 = (((x & vp) &+ vp) ^ vp) | x
            var hp = vn | ~(d0 | vp)
            var hn = d0 & vp
            score = score &+ Int(truncatingIfNeeded: (hp &>> shift) & 1) &- Int(truncatingIfNeeded: (hn &>> shift) & 1)
            if score > bound { return limit &+ 1 }
            hp = (hp &<< 1) | 1
            hn = hn &<< 1
            vp = hn | ~(d0 | hp)
            vn = hp & d0
        }
        return score
    }

    /// Blocked kernel (Myers 1999, section 4): the column is cut into 64-bit words processed top
    /// to bottom, each passing its bottom horizontal delta (+1, 0, -1) to the next as carry bits.
    @inlinable
    static func blocked<M: MaskLookup>(_ pm: M, m: Int, text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let words = (m &+ 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 &* words) { state in
            let vp = state.baseAddress!, vn = vp + words
            vp.initialize(repeating: ~0, count: words)
            vn.initialize(repeating: 0, count: words)
            let shift = UInt64((m &- 1) & 63)
            let lastWord = words &- 1
            var score = m
            var bound = limit &+ text.count
            for c in text {
                bound &-= 1
                let row = pm.row(c)
                var hpCarry: UInt64 = 1 // row 0 grows by one per text byte
                var hnCarry: UInt64 = 0
                for w in 0 ..< words {
                    let pmj = row[w], vpw = vp[w], vnw = vn[w]
                    let x = pmj | hnCarry
                    let d0 = (((x & vpw) &+ vpw) ^ vpw) | x | vnw
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
                    hpCarry = hpOut
                    hnCarry = hnOut
                }
                if score > bound { return limit &+ 1 }
            }
            return score
        }
    }
}
