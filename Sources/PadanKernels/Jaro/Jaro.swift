/// Jaro similarity (Jaro 1989): the share of matching bytes, where a byte of one string matches
/// an equal, not yet matched byte of the other at most `max(m, n) / 2 - 1` positions away,
/// corrected by half the number of matched bytes that appear in a different order.
///
///     Jaro.similarity("MARTHA", "MARHTA") // 0.944…
///     Jaro.similarity("", "")             // 1.0
///
/// When both strings have at most 64 bytes the matching is bit-parallel (as in rapidfuzz): the
/// pattern's match masks are cut to the search window, the lowest unmatched bit is taken with
/// `x & -x`, and transpositions are counted by walking both matched sets in order. Longer
/// strings use the textbook flag arrays.
///
/// `Jaro = (c/m + c/n + (c - t)/c) / 3` for `c` matches and `t` half-transpositions; 0 when
/// `c = 0` or exactly one string is empty, 1 when both are empty.
public enum Jaro {
    /// The Jaro similarity of `a` and `b`, in 0...1.
    ///
    ///     Jaro.similarity(a, b)
    ///
    /// - Complexity: O(m + n) words when both have at most 64 bytes, else O(m · window) with two
    ///   temporary flag arrays.
    @inlinable
    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        if a.count <= 64 && b.count <= 64 {
            return PairMasks.with(
                pattern: a, text: b, ascii: { word($0, m: a.count, text: b) }, general: { word($0, m: a.count, text: b) })
        }
        return general(a, b)
    }

    /// The Jaro similarity of the UTF-8 bytes of `a` and `b`.
    ///
    ///     Jaro.similarity("DIXON", "DICKSONX") // 0.766…
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func similarity(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { similarity($0, $1) }
    }

    /// `similarity` on the bytes of `a` and `b`.
    ///
    ///     Jaro.similarity(Array("DIXON".utf8), Array("DICKSONX".utf8)) // 0.766…
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { similarity($0, $1) }
    }

    /// The similarity from match and transposition counts: the single place the formula lives.
    @inlinable @inline(__always)
    static func score(m: Int, n: Int, matches: Int, transpositions: Int) -> Double {
        if matches == 0 { return 0 }
        let c = Double(matches)
        return (c / Double(m) + c / Double(n) + Double(matches &- transpositions) / c) / 3
    }

    /// The search window half-width for lengths `m` and `n`.
    @inlinable @inline(__always)
    static func window(_ m: Int, _ n: Int) -> Int { max(0, max(m, n) / 2 &- 1) }

    /// Bit-parallel kernel for a pattern of `m` (1...64) bytes and a text of 1...64 bytes.
    @inlinable @inline(__always)
    static func word<M: MaskLookup>(_ pm: M, m: Int, text: UnsafeBufferPointer<UInt8>) -> Double {
        let n = text.count
        let bound = window(m, n)
        // Bits [j - bound, j + bound] of the pattern for text position j, starting at j = 0.
        var window: UInt64 = bound >= 63 ? ~0 : (1 &<< UInt64(bound &+ 1)) &- 1
        var flaggedP: UInt64 = 0
        var flaggedT: UInt64 = 0
        // Whether some text byte took a pattern bit below an earlier one. If not, the k-th
        // matched text byte took the k-th matched pattern byte, so there is no transposition.
        var previous: UInt64 = 0
        var crossed: UInt64 = 0
        var j = 0
        for c in text {
            let candidates = pm.mask(c) & window & ~flaggedP
            let lowest = candidates & (0 &- candidates)
            flaggedP |= lowest
            flaggedT |= (lowest == 0 ? 0 : 1) &<< UInt64(j)
            crossed |= lowest != 0 && lowest < previous ? 1 : 0
            previous = lowest == 0 ? previous : lowest
            j &+= 1
            window = (window &<< 1) | (j <= bound ? 1 : 0)
        }
        let matches = flaggedP.nonzeroBitCount
        if matches == 0 { return 0 }
        var unordered = 0
        if crossed != 0 {
            while flaggedT != 0 {
                let t = flaggedT.trailingZeroBitCount
                flaggedT &= flaggedT &- 1
                let p = flaggedP & (0 &- flaggedP)
                flaggedP ^= p
                if pm.mask(text[t]) & p == 0 { unordered &+= 1 }
            }
        }
        return score(m: m, n: n, matches: matches, transpositions: unordered / 2)
    }

    /// Textbook kernel with flag arrays, any lengths (both non-empty).
    @inlinable
    static func general(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let m = a.count, n = b.count
        let bound = window(m, n)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: m &+ n) { flags in
            let flaggedA = flags.baseAddress!, flaggedB = flaggedA + m
            flaggedA.initialize(repeating: false, count: m &+ n)
            var matches = 0
            for i in 0 ..< m {
                let lo = max(0, i &- bound), hi = min(n &- 1, i &+ bound)
                var j = lo
                while j <= hi {
                    if !flaggedB[j] && a[i] == b[j] {
                        flaggedA[i] = true
                        flaggedB[j] = true
                        matches &+= 1
                        break
                    }
                    j &+= 1
                }
            }
            if matches == 0 { return 0 }
            var unordered = 0
            var j = 0
            for i in 0 ..< m where flaggedA[i] {
                while !flaggedB[j] { j &+= 1 }
                if a[i] != b[j] { unordered &+= 1 }
                j &+= 1
            }
            return score(m: m, n: n, matches: matches, transpositions: unordered / 2)
        }
    }
}
