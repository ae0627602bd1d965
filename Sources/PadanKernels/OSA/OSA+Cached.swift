/// A query whose pattern-match masks are built once, compared with many candidates by
/// optimal string alignment (OSA) distance.
///
///     let query = CachedOSA("MUHAMMAD RIZKI")
///     query.distance(to: "MUHAMAD RIZIK")         // 2
///     query.distance(to: "MUHAMAD RIZKI", cutoff: 2) // 1
///
/// The value owns a `256 × ⌈m/64⌉`-word table and is immutable, so one instance can be shared by
/// many threads. Comparisons allocate nothing for queries of up to 64 bytes. The cutoff contract
/// is the one of ``OSA``. For many short candidates at once see
/// ``distances(to:cutoff:into:)``.
public struct CachedOSA: Sendable {
    /// The query bytes.
    public let query: [UInt8]
    @usableFromInline let table: PatternTable

    /// Prepares `query` for repeated comparisons.
    ///
    ///     let q = CachedOSA(buffer)
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: UnsafeBufferPointer<UInt8>) {
        self.query = Array(query)
        self.table = PatternTable(query)
    }

    /// Prepares the UTF-8 bytes of `query`.
    ///
    ///     let q = CachedOSA("SITI AMINAH")
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: String) {
        self = Bytes.with(query) { CachedOSA($0) }
    }

    /// Prepares the bytes of `query`.
    ///
    ///     let q = CachedOSA([0x41, 0x42])
    ///
    /// - Complexity: O(256 · ⌈m/64⌉ + m).
    @inlinable
    public init(_ query: [UInt8]) {
        self = query.withUnsafeBufferPointer { CachedOSA($0) }
    }

    /// The OSA distance from the query to `candidate`, honouring `cutoff`.
    ///
    ///     CachedOSA("DJOKO").distance(to: buffer, cutoff: 1)
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
            d = table.with { OSA.word($0, m: m, text: candidate, limit: limit) }
        } else {
            d = table.with { OSA.blocked($0, m: m, text: candidate, limit: limit) }
        }
        return Normalization.clamp(d, cutoff: cutoff)
    }

    /// The OSA distance from the query to the UTF-8 bytes of `candidate`.
    ///
    ///     CachedOSA("ANDI").distance(to: "ADNI") // 1
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
    ///     CachedOSA("JOKO").normalizedSimilarity(to: "DJOKO") // 0.8
    ///
    /// - Complexity: O(⌈m/64⌉ · n).
    @inlinable
    public func normalizedSimilarity(to candidate: UnsafeBufferPointer<UInt8>) -> Double {
        Normalization.similarity(distance(to: candidate), maximum: max(query.count, candidate.count))
    }

    /// `1 - distance / max(m, n)` over UTF-8 bytes.
    ///
    ///     CachedOSA("JOKO").normalizedSimilarity(to: "DJOKO") // 0.8
    ///
    /// - Complexity: O(⌈m/64⌉ · n).
    @inlinable
    public func normalizedSimilarity(to candidate: String) -> Double {
        Bytes.with(candidate) { normalizedSimilarity(to: $0) }
    }
}
