/// Plain dynamic-programming implementations of every metric, written for obviousness, not
/// speed. Tests compare every fast path with these.
enum Reference {
    /// Wagner–Fischer: full (m+1)×(n+1) table.
    static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { d[i][0] = i }
        for j in 0 ... b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return d[a.count][b.count] }
        for i in 1 ... a.count {
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            }
        }
        return d[a.count][b.count]
    }

    /// Optimal string alignment: Levenshtein plus transposition of two adjacent bytes, no
    /// substring edited twice.
    static func osa(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { d[i][0] = i }
        for j in 0 ... b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return d[a.count][b.count] }
        for i in 1 ... a.count {
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// Longest common subsequence length.
    static func lcs(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        if a.isEmpty || b.isEmpty { return 0 }
        for i in 1 ... a.count {
            for j in 1 ... b.count {
                d[i][j] = a[i - 1] == b[j - 1] ? d[i - 1][j - 1] + 1 : max(d[i - 1][j], d[i][j - 1])
            }
        }
        return d[a.count][b.count]
    }

    /// Indel distance: insertions and deletions only, `m + n - 2·LCS`.
    static func indel(_ a: [UInt8], _ b: [UInt8]) -> Int { a.count + b.count - 2 * lcs(a, b) }

    /// Normalized similarity from a distance and its maximum (1.0 when the maximum is 0).
    static func similarity(_ distance: Int, _ maximum: Int) -> Double {
        maximum == 0 ? 1 : 1 - Double(distance) / Double(maximum)
    }

    /// Jaro similarity, textbook form: for each byte of `a` in order, the first unmatched equal
    /// byte of `b` within `max(m, n) / 2 - 1` positions is its match; transpositions are half the
    /// matched bytes that differ when both matched sequences are read in order.
    static func jaro(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in 0 ..< a.count {
            let lo = max(0, i - window), hi = min(b.count - 1, i + window)
            if lo > hi { continue }
            for j in lo ... hi where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        let sa = a.indices.filter { matchedA[$0] }.map { a[$0] }
        let sb = b.indices.filter { matchedB[$0] }.map { b[$0] }
        let half = zip(sa, sb).filter { $0 != $1 }.count / 2
        let m = Double(matches)
        return (m / Double(a.count) + m / Double(b.count) + (m - Double(half)) / m) / 3
    }

    /// Jaro–Winkler: Jaro boosted by 0.1 per common prefix byte (at most 4) when Jaro > 0.7.
    static func jaroWinkler(_ a: [UInt8], _ b: [UInt8], prefixWeight: Double = 0.1) -> Double {
        let sim = jaro(a, b)
        if sim <= 0.7 { return sim }
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return sim + Double(prefix) * prefixWeight * (1 - sim)
    }

    /// Hamming distance over the common length plus the length difference.
    static func hamming(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).filter { $0 != $1 }.count + abs(a.count - b.count)
    }

    /// Minimum substitutions and adjacent transpositions (no insertions or deletions) for
    /// equal-length strings; nil when lengths differ.
    static func hammingWithTranspositions(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        guard a.count == b.count else { return nil }
        var f = [Int](repeating: 0, count: a.count + 1)
        for i in stride(from: 1, through: a.count, by: 1) {
            f[i] = f[i - 1] + (a[i - 1] == b[i - 1] ? 0 : 1)
            if i >= 2 && a[i - 1] == b[i - 2] && a[i - 2] == b[i - 1] {
                f[i] = min(f[i], f[i - 2] + 1)
            }
        }
        return f[a.count]
    }

    /// The smallest k ≥ 1 such that the strings agree before their last k bytes and one of them
    /// has only '0' in its last k bytes; nil when lengths differ, strings are equal, or no k.
    static func zeroedTail(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        guard a.count == b.count, a != b else { return nil }
        for k in 1 ... a.count {
            let head = a.count - k
            if Array(a[..<head]) == Array(b[..<head])
                && (a[head...].allSatisfy { $0 == UInt8(ascii: "0") } || b[head...].allSatisfy { $0 == UInt8(ascii: "0") }) {
                return k
            }
        }
        return nil
    }

    /// Bit i set when position i (< 64) differs; positions past the shorter string differ.
    static func differenceMask(_ a: [UInt8], _ b: [UInt8]) -> UInt64 {
        var mask: UInt64 = 0
        for i in 0 ..< min(64, max(a.count, b.count)) {
            let x: UInt8? = i < a.count ? a[i] : nil
            let y: UInt8? = i < b.count ? b[i] : nil
            if x != y { mask |= 1 << UInt64(i) }
        }
        return mask
    }

    /// Space-separated, non-empty tokens.
    static func tokens(_ s: [UInt8]) -> [[UInt8]] {
        s.split(separator: 0x20, omittingEmptySubsequences: true).map(Array.init)
    }

    /// Indel normalized similarity ("ratio").
    static func ratio(_ a: [UInt8], _ b: [UInt8]) -> Double { similarity(indel(a, b), a.count + b.count) }

    static func joined(_ tokens: [[UInt8]]) -> [UInt8] { Array(tokens.joined(separator: [0x20])) }

    static func sortedTokens(_ s: [UInt8]) -> [[UInt8]] {
        tokens(s).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Ratio of the token lists sorted and re-joined with single spaces.
    static func tokenSortRatio(_ a: [UInt8], _ b: [UInt8]) -> Double {
        ratio(joined(sortedTokens(a)), joined(sortedTokens(b)))
    }

    /// Token-set ratio (as in fuzzywuzzy/rapidfuzz): with the sorted intersection `t` and the
    /// sorted differences, the best ratio among t vs t+diffA, t vs t+diffB, t+diffA vs t+diffB;
    /// 1.0 when the intersection is non-empty and one difference is empty.
    static func tokenSetRatio(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let ta = Set(tokens(a)), tb = Set(tokens(b))
        if ta.isEmpty && tb.isEmpty { return 1 }
        if ta.isEmpty || tb.isEmpty { return 0 }
        let sort: ([[UInt8]]) -> [[UInt8]] = { $0.sorted { $0.lexicographicallyPrecedes($1) } }
        let common = sort(Array(ta.intersection(tb)))
        let onlyA = sort(Array(ta.subtracting(tb))), onlyB = sort(Array(tb.subtracting(ta)))
        if !common.isEmpty && (onlyA.isEmpty || onlyB.isEmpty) { return 1 }
        let t = joined(common)
        let ca = joined(common + onlyA), cb = joined(common + onlyB)
        if common.isEmpty { return ratio(ca, cb) }
        return max(ratio(t, ca), ratio(t, cb), ratio(ca, cb))
    }

    /// |A ∩ B| / |A ∪ B| over token sets; 1.0 when both are empty.
    static func tokenJaccard(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let ta = Set(tokens(a)), tb = Set(tokens(b))
        if ta.isEmpty && tb.isEmpty { return 1 }
        return Double(ta.intersection(tb).count) / Double(ta.union(tb).count)
    }

    /// Monge–Elkan: mean over tokens of `a` of the best inner similarity with a token of `b`.
    static func mongeElkan(_ a: [UInt8], _ b: [UInt8], inner: ([UInt8], [UInt8]) -> Double) -> Double {
        let ta = tokens(a), tb = tokens(b)
        if ta.isEmpty && tb.isEmpty { return 1 }
        if ta.isEmpty || tb.isEmpty { return 0 }
        var sum = 0.0
        for x in ta { sum += tb.map { inner(x, $0) }.max()! }
        return sum / Double(ta.count)
    }
}
