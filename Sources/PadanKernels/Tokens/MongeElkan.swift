/// Monge–Elkan similarity (Monge & Elkan 1996): for each token of `a`, the best inner similarity
/// with any token of `b`, averaged over the tokens of `a`. Tokens are the non-empty runs between
/// ASCII spaces; duplicates count.
///
///     MongeElkan.similarity("MUHAMMAD RIZKI", "MOCH RIZKY")                  // Jaro–Winkler inside
///     MongeElkan.similarity("SITI AMINAH", "AMINAH", inner: Levenshtein.normalizedSimilarity)
///
/// The measure is not symmetric (a short `a` fully contained in `b` scores 1.0); use
/// ``symmetricSimilarity(_:_:inner:)`` when order should not matter. Two strings without tokens
/// score 1.0; exactly one without tokens scores 0.0.
public enum MongeElkan {
    /// An inner similarity on two tokens, in 0...1.
    public typealias Inner = (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Double

    /// The mean over tokens of `a` of the best `inner` similarity with a token of `b`.
    ///
    ///     MongeElkan.similarity(a, b) { JaroWinkler.similarity($0, $1) }
    ///
    /// - Complexity: O(t_a · t_b) inner comparisons; temporary memory only.
    public static func similarity(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
        inner: Inner = { JaroWinkler.similarity($0, $1) }
    ) -> Double {
        Tokens.with(a, sorted: false, unique: false) { ta in
            Tokens.with(b, sorted: false, unique: false) { tb in
                if ta.isEmpty || tb.isEmpty { return ta.isEmpty && tb.isEmpty ? 1 : 0 }
                var sum = 0.0
                for x in ta {
                    var best = 0.0
                    for y in tb { best = max(best, inner(x, y)) }
                    sum += best
                }
                return sum / Double(ta.count)
            }
        }
    }

    /// ``similarity(_:_:inner:)`` on the UTF-8 bytes of `a` and `b`.
    ///
    ///     MongeElkan.similarity("SITI AMINAH", "AMINAH SITI") // 1.0
    ///
    /// - Complexity: As the buffer overload.
    public static func similarity(_ a: String, _ b: String, inner: Inner = { JaroWinkler.similarity($0, $1) }) -> Double {
        Bytes.with(a, b) { similarity($0, $1, inner: inner) }
    }

    /// `similarity` on the bytes of `a` and `b`.
    ///
    ///     MongeElkan.similarity(Array("SITI AMINAH".utf8), Array("AMINAH SITI".utf8)) // 1.0
    ///
    /// - Complexity: As the buffer overload.
    public static func similarity(_ a: [UInt8], _ b: [UInt8], inner: Inner = { JaroWinkler.similarity($0, $1) }) -> Double {
        Bytes.with(a, b) { similarity($0, $1, inner: inner) }
    }

    /// The mean of both directions, `(ME(a, b) + ME(b, a)) / 2`.
    ///
    ///     MongeElkan.symmetricSimilarity("SITI", "SITI AMINAH") // < 1.0
    ///
    /// - Complexity: Twice ``similarity(_:_:inner:)``.
    public static func symmetricSimilarity(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
        inner: Inner = { JaroWinkler.similarity($0, $1) }
    ) -> Double {
        (similarity(a, b, inner: inner) + similarity(b, a, inner: inner)) / 2
    }

    /// ``symmetricSimilarity(_:_:inner:)`` on the UTF-8 bytes of `a` and `b`.
    ///
    ///     MongeElkan.symmetricSimilarity("SITI", "SITI AMINAH")
    ///
    /// - Complexity: As the buffer overload.
    public static func symmetricSimilarity(_ a: String, _ b: String, inner: Inner = { JaroWinkler.similarity($0, $1) }) -> Double {
        Bytes.with(a, b) { symmetricSimilarity($0, $1, inner: inner) }
    }

    /// `symmetricSimilarity` on the bytes of `a` and `b`.
    ///
    ///     MongeElkan.symmetricSimilarity(Array("SITI".utf8), Array("SITI AMINAH".utf8))
    ///
    /// - Complexity: As the buffer overload.
    public static func symmetricSimilarity(_ a: [UInt8], _ b: [UInt8], inner: Inner = { JaroWinkler.similarity($0, $1) }) -> Double {
        Bytes.with(a, b) { symmetricSimilarity($0, $1, inner: inner) }
    }
}
