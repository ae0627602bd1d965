/// A query whose pattern-match masks are built once, compared with many candidates by
/// Levenshtein distance.
///
///     let query = CachedLevenshtein("MUHAMMAD RIZKI")
///     query.distance(to: "MOCH RIZKY")            // 8
///     query.distance(to: "MUHAMAD RIZKI", cutoff: 2) // 1
///
/// The value owns a `256 × ⌈m/64⌉`-word table and is immutable, so one instance can be shared by
/// many threads. Comparisons allocate nothing for queries of up to 64 bytes. The cutoff contract
/// is the one of ``Levenshtein``. For many short candidates at once see
/// ``distances(to:cutoff:into:)``.
public struct CachedLevenshtein: Sendable {
    /// The query bytes.
    public let query: [UInt8]
    @usableFromInline let table: PatternTable

    /// Prepares `query` for repeated comparisons.
    ///
    ///     let q = CachedLevenshtein(buffer)
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: UnsafeBufferPointer<UInt8>) {
        self.query = Array(query)
        self.table = PatternTable(query)
    }

    /// Prepares the UTF-8 bytes of `query`.
    ///
    ///     let q = CachedLevenshtein("SITI AMINAH")
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: String) {
        self = Bytes.with(query) { CachedLevenshtein($0) }
    }

    /// Prepares the bytes of `query`.
    ///
    ///     let q = CachedLevenshtein([0x41, 0x42])
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: [UInt8]) {
        self = query.withUnsafeBufferPointer { CachedLevenshtein($0) }
    }

    /// The Levenshtein distance from the query to `candidate`, honouring `cutoff`.
    ///
    ///     CachedLevenshtein("DJOKO").distance(to: buffer, cutoff: 1)
    ///
    /// - Complexity: O(⌈m/64⌉ · n); no allocation for m ≤ 64.
    @inlinable
    public func distance(to candidate: UnsafeBufferPointer<UInt8>, cutoff: Int? = nil) -> Int {
        let m = query.count, n = candidate.count
        let limit = Normalization.limit(cutoff, maximum: max(m, n))
        let d: Int
        if m == 0 || n == 0 {
            d = m &+ n
        } else if (m > n ? m &- n : n &- m) > limit {
            d = limit &+ 1
        } else if m <= 64 {
            d = table.with { Levenshtein.word($0, m: m, text: candidate, limit: limit) }
        } else {
            d = table.with { Levenshtein.blocked($0, m: m, text: candidate, limit: limit) }
        }
        return Normalization.clamp(d, cutoff: cutoff)
    }

    /// The Levenshtein distance from the query to the UTF-8 bytes of `candidate`.
    ///
    ///     CachedLevenshtein("SOEKARNO").distance(to: "SUKARNO") // 2
    ///
    /// - Complexity: O(⌈m/64⌉ · n).
    @inlinable
    public func distance(to candidate: String, cutoff: Int? = nil) -> Int {
        Bytes.with(candidate) { distance(to: $0, cutoff: cutoff) }
    }

    /// The same on the bytes of `candidate`.
    ///
    ///     q.distance(to: Array("SUKARNO".utf8))
    ///
    /// - Complexity: As the buffer overload.
    @inlinable
    public func distance(to candidate: [UInt8], cutoff: Int? = nil) -> Int {
        candidate.withUnsafeBufferPointer { distance(to: $0, cutoff: cutoff) }
    }

    /// `1 - distance / max(m, n)`; 1.0 when both are empty.
    ///
    ///     CachedLevenshtein("JOKO").normalizedSimilarity(to: "DJOKO") // 0.8
    ///
    /// - Complexity: O(⌈m/64⌉ · n).
    @inlinable
    public func normalizedSimilarity(to candidate: UnsafeBufferPointer<UInt8>) -> Double {
        Normalization.similarity(distance(to: candidate), maximum: max(query.count, candidate.count))
    }

    /// `1 - distance / max(m, n)` over UTF-8 bytes.
    ///
    ///     CachedLevenshtein("JOKO").normalizedSimilarity(to: "DJOKO") // 0.8
    ///
    /// - Complexity: O(⌈m/64⌉ · n).
    @inlinable
    public func normalizedSimilarity(to candidate: String) -> Double {
        Bytes.with(candidate) { normalizedSimilarity(to: $0) }
    }
}
