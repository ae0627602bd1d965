/// A copy of the test target's plain dynamic-programming reference (benchmarks cannot import
/// test targets): the baseline for the "at least 10x" comparison. Keep in sync with
/// Tests/PadanKernelsTests/Reference/Reference.swift.
public enum Reference {
    /// Wagner–Fischer: full (m+1)×(n+1) table.
    public static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
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
    public static func osa(_ a: [UInt8], _ b: [UInt8]) -> Int {
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

    /// Jaro similarity, textbook form: for each byte of `a` in order, the first unmatched equal
    /// byte of `b` within `max(m, n) / 2 - 1` positions is its match; transpositions are half the
    /// matched bytes that differ when both matched sequences are read in order.
    public static func jaro(_ a: [UInt8], _ b: [UInt8]) -> Double {
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
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8], prefixWeight: Double = 0.1) -> Double {
        let sim = jaro(a, b)
        if sim <= 0.7 { return sim }
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return sim + Double(prefix) * prefixWeight * (1 - sim)
    }
}
