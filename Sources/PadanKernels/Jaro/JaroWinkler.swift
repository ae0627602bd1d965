/// Jaro–Winkler similarity (Winkler 1990): Jaro similarity raised for a common prefix, since
/// typing errors are rarer at the start of names.
///
/// `JW = J + ℓ · p · (1 - J)` when `J > 0.7` (Winkler's boost threshold), else `J`, where `ℓ` is
/// the common prefix length capped at 4 and `p` the prefix weight (0.1 by default; at most 0.25
/// keeps the result within 0...1).
///
///     JaroWinkler.similarity("MARTHA", "MARHTA")    // 0.961…
///     JaroWinkler.similarity("SOEKARNO", "SUKARNO") // 0.882… (Jaro 0.869…, prefix "S")
///
/// For one query against many candidates use ``CachedJaroWinkler``.
public enum JaroWinkler {
    /// The Jaro–Winkler similarity of `a` and `b`, in 0...1.
    ///
    ///     JaroWinkler.similarity(a, b, prefixWeight: 0.1)
    ///
    /// - Complexity: As ``Jaro/similarity(_:_:)``, plus at most 4 byte comparisons.
    @inlinable
    public static func similarity(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, prefixWeight: Double = 0.1
    ) -> Double {
        boost(Jaro.similarity(a, b), prefix: prefix(a, b), weight: prefixWeight)
    }

    /// The Jaro–Winkler similarity of the UTF-8 bytes of `a` and `b`.
    ///
    ///     JaroWinkler.similarity("DJOKO", "JOKO")
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func similarity(_ a: String, _ b: String, prefixWeight: Double = 0.1) -> Double {
        Bytes.with(a, b) { similarity($0, $1, prefixWeight: prefixWeight) }
    }

    /// `similarity` on the bytes of `a` and `b`.
    ///
    ///     JaroWinkler.similarity(Array("DJOKO".utf8), Array("JOKO".utf8))
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public static func similarity(_ a: [UInt8], _ b: [UInt8], prefixWeight: Double = 0.1) -> Double {
        Bytes.with(a, b) { similarity($0, $1, prefixWeight: prefixWeight) }
    }

    /// The common prefix length, capped at 4.
    @inlinable @inline(__always)
    static func prefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let limit = min(4, a.count, b.count)
        var i = 0
        while i < limit && a[i] == b[i] { i &+= 1 }
        return i
    }

    /// Winkler's boost: the single place the formula lives.
    @inlinable @inline(__always)
    static func boost(_ jaro: Double, prefix: Int, weight: Double) -> Double {
        jaro > 0.7 ? jaro + Double(prefix) * weight * (1 - jaro) : jaro
    }
}
