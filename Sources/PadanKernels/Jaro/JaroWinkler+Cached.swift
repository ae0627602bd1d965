/// A query whose match masks are built once, compared with many candidates by Jaro–Winkler
/// (and Jaro) similarity.
///
///     let query = CachedJaroWinkler("SITI AMINAH")
///     query.similarity(to: "SITI AMINA")     // Jaro–Winkler
///     query.jaroSimilarity(to: "SITI AMINA") // plain Jaro
///
/// Immutable and `Sendable`; comparisons allocate nothing when both strings have at most 64
/// bytes. Results equal ``JaroWinkler/similarity(_:_:prefixWeight:)`` exactly.
public struct CachedJaroWinkler: Sendable {
    /// The query bytes.
    public let query: [UInt8]
    /// The Winkler prefix weight (0.1 by default).
    public let prefixWeight: Double
    @usableFromInline let table: PatternTable

    /// Prepares `query` for repeated comparisons.
    ///
    ///     let q = CachedJaroWinkler(buffer, prefixWeight: 0.1)
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: UnsafeBufferPointer<UInt8>, prefixWeight: Double = 0.1) {
        self.query = Array(query)
        self.prefixWeight = prefixWeight
        self.table = PatternTable(query)
    }

    /// Prepares the UTF-8 bytes of `query`.
    ///
    ///     let q = CachedJaroWinkler("MUHAMMAD RIZKI")
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: String, prefixWeight: Double = 0.1) {
        self = Bytes.with(query) { CachedJaroWinkler($0, prefixWeight: prefixWeight) }
    }

    /// Prepares the bytes of `query`.
    ///
    ///     let q = CachedJaroWinkler(bytes)
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: [UInt8], prefixWeight: Double = 0.1) {
        self = query.withUnsafeBufferPointer { CachedJaroWinkler($0, prefixWeight: prefixWeight) }
    }

    /// The Jaro similarity of the query and `candidate`.
    ///
    ///     CachedJaroWinkler("MARTHA").jaroSimilarity(to: buffer)
    ///
    /// - Complexity: O(n) when both have at most 64 bytes, else O(m · window).
    @inlinable
    public func jaroSimilarity(to candidate: UnsafeBufferPointer<UInt8>) -> Double {
        let m = query.count, n = candidate.count
        if m == 0 || n == 0 { return m == n ? 1 : 0 }
        if m <= 64 && n <= 64 {
            return table.with { Jaro.word($0, m: m, text: candidate) }
        }
        return query.withUnsafeBufferPointer { Jaro.general($0, candidate) }
    }

    /// The Jaro similarity of the query and the UTF-8 bytes of `candidate`.
    ///
    ///     CachedJaroWinkler("MARTHA").jaroSimilarity(to: "MARHTA") // 0.944…
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public func jaroSimilarity(to candidate: String) -> Double {
        Bytes.with(candidate) { jaroSimilarity(to: $0) }
    }

    /// The Jaro–Winkler similarity of the query and `candidate`.
    ///
    ///     CachedJaroWinkler("DJOKO").similarity(to: buffer)
    ///
    /// - Complexity: O(n) when both have at most 64 bytes, else O(m · window).
    @inlinable
    public func similarity(to candidate: UnsafeBufferPointer<UInt8>) -> Double {
        let jaro = jaroSimilarity(to: candidate)
        let prefix = query.withUnsafeBufferPointer { JaroWinkler.prefix($0, candidate) }
        return JaroWinkler.boost(jaro, prefix: prefix, weight: prefixWeight)
    }

    /// The Jaro–Winkler similarity of the query and the UTF-8 bytes of `candidate`.
    ///
    ///     CachedJaroWinkler("MARTHA").similarity(to: "MARHTA") // 0.961…
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public func similarity(to candidate: String) -> Double {
        Bytes.with(candidate) { similarity(to: $0) }
    }

    /// The same on the bytes of `candidate`.
    ///
    ///     q.similarity(to: Array("SUKARNO".utf8))
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public func similarity(to candidate: [UInt8]) -> Double {
        candidate.withUnsafeBufferPointer { similarity(to: $0) }
    }
}
