/// Tokenization shared by the token measures: tokens are the non-empty runs between ASCII
/// spaces (0x20), kept as views into the caller's bytes in temporary memory.
enum Tokens {
    typealias Token = UnsafeBufferPointer<UInt8>

    /// Calls `body` with the tokens of `s`, optionally sorted (bytewise) and deduplicated.
    static func with<R>(
        _ s: UnsafeBufferPointer<UInt8>, sorted: Bool, unique: Bool, _ body: (UnsafeBufferPointer<Token>) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: Token.self, capacity: s.count / 2 + 1) { buffer in
            var count = 0
            var start = 0
            for i in 0 ... s.count where i == s.count || s[i] == 0x20 {
                if i > start {
                    buffer.initializeElement(at: count, to: Token(rebasing: s[start ..< i]))
                    count += 1
                }
                start = i + 1
            }
            let tokens = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            if sorted { insertionSort(tokens) }
            if unique && count > 1 {
                var kept = 1
                for i in 1 ..< count where !equal(tokens[i], tokens[kept - 1]) {
                    tokens[kept] = tokens[i]
                    kept += 1
                }
                count = kept
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Bytewise three-way comparison.
    static func compare(_ a: Token, _ b: Token) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i += 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    static func equal(_ a: Token, _ b: Token) -> Bool { a.count == b.count && compare(a, b) == 0 }

    /// Names have few tokens: insertion sort beats anything with setup cost.
    static func insertionSort(_ tokens: UnsafeMutableBufferPointer<Token>) {
        guard tokens.count > 1 else { return }
        for i in 1 ..< tokens.count {
            let t = tokens[i]
            var j = i
            while j > 0 && compare(tokens[j - 1], t) > 0 {
                tokens[j] = tokens[j - 1]
                j -= 1
            }
            tokens[j] = t
        }
    }

    /// The byte length of `tokens` joined with single spaces.
    static func joinedLength(_ tokens: UnsafeBufferPointer<Token>) -> Int {
        tokens.isEmpty ? 0 : tokens.reduce(tokens.count - 1) { $0 + $1.count }
    }

    /// Calls `body` with `tokens` joined by single spaces, in temporary memory.
    static func joined<R>(_ tokens: UnsafeBufferPointer<Token>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let length = joinedLength(tokens)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, length)) { out in
            var at = 0
            for (k, token) in tokens.enumerated() {
                if k > 0 {
                    out[at] = 0x20
                    at += 1
                }
                for c in token {
                    out[at] = c
                    at += 1
                }
            }
            return body(UnsafeBufferPointer(rebasing: out[..<length]))
        }
    }

    /// Splits two sorted, deduplicated token lists into the common tokens and each side's own,
    /// all sorted, and calls `body` with (common, onlyA, onlyB).
    static func decompose<R>(
        _ a: UnsafeBufferPointer<Token>, _ b: UnsafeBufferPointer<Token>,
        _ body: (UnsafeBufferPointer<Token>, UnsafeBufferPointer<Token>, UnsafeBufferPointer<Token>) -> R
    ) -> R {
        // Regions: common tokens at 0 (at most a.count), A's own at a.count, B's own at 2·a.count.
        withUnsafeTemporaryAllocation(of: Token.self, capacity: 2 * a.count + b.count + 1) { out in
            var common = 0, onlyA = 0, onlyB = 0
            var i = 0, j = 0
            while i < a.count || j < b.count {
                let order = i == a.count ? 1 : (j == b.count ? -1 : compare(a[i], b[j]))
                if order == 0 {
                    out.initializeElement(at: common, to: a[i])
                    common += 1
                    i += 1
                    j += 1
                } else if order < 0 {
                    out.initializeElement(at: a.count + onlyA, to: a[i])
                    onlyA += 1
                    i += 1
                } else {
                    out.initializeElement(at: 2 * a.count + onlyB, to: b[j])
                    onlyB += 1
                    j += 1
                }
            }
            return body(
                UnsafeBufferPointer(rebasing: out[..<common]),
                UnsafeBufferPointer(rebasing: out[a.count ..< a.count + onlyA]),
                UnsafeBufferPointer(rebasing: out[(2 * a.count) ..< (2 * a.count + onlyB)]))
        }
    }
}
