extension CachedLevenshtein {
    /// The Levenshtein distances from the query to each of `candidates`, written to `results`
    /// (same order), honouring `cutoff` per candidate.
    ///
    /// Candidates of up to 64 bytes are compared in SIMD lanes, one candidate per lane, sorted
    /// by length into 16 × `UInt8`, 16 × `UInt16`, 8 × `UInt32` or 4 × `UInt64` lanes; each lane
    /// uses its candidate as the bit-parallel pattern and the query as the text, so a batch costs
    /// `m` vector steps. Longer candidates use the scalar cached path.
    ///
    ///     let q = CachedLevenshtein("SITI AMINAH")
    ///     q.distances(to: views, cutoff: 3, into: out) // views: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
    ///
    /// - Precondition: `results.count >= candidates.count`.
    /// - Complexity: O(m) vector steps per batch of lanes plus O(n) per candidate to build the
    ///   lane masks; one scratch allocation per call, none per candidate.
    @inlinable
    public func distances(
        to candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        cutoff: Int? = nil,
        into results: UnsafeMutableBufferPointer<Int>
    ) {
        query.withUnsafeBufferPointer { query in
            LaneBatch.run(LevenshteinLanes(self, cutoff: cutoff), query: query, candidates: candidates, results: results)
        }
    }

    /// The distances from the query to each of `candidates` (UTF-8), honouring `cutoff`.
    ///
    ///     CachedLevenshtein("JOKO").distances(to: ["DJOKO", "JOKO"]) // [1, 0]
    ///
    /// - Complexity: As the buffer form, plus packing the candidates into one arena.
    public func distances(to candidates: [String], cutoff: Int? = nil) -> [Int] {
        var out = [Int](repeating: 0, count: candidates.count)
        Bytes.withViews(candidates.lazy.map(\.utf8)) { views in
            out.withUnsafeMutableBufferPointer { distances(to: views, cutoff: cutoff, into: $0) }
        }
        return out
    }
}

extension Levenshtein {
    /// The Levenshtein distance of every query to every candidate, written row-major: the value for query
    /// `q` and candidate `c` goes to `results[q * candidates.count + c]`, honouring `cutoff`.
    ///
    /// The many-against-many form (rapidfuzz's `cdist`): queries of up to 64 bytes are the SIMD
    /// lane patterns (16 × `UInt8` up to 8 bytes, 16 × `UInt16` up to 16, 8 × `UInt32` up to 32,
    /// 4 × `UInt64` up to 64), each batch's masks are built once, and every candidate is then one
    /// pass of `n` vector steps for the whole batch. Longer queries use the scalar path.
    ///
    ///     Levenshtein.distanceMatrix(queryViews, candidateViews, cutoff: 3, into: matrix)
    ///
    /// - Precondition: `results.count >= queries.count * candidates.count`.
    /// - Complexity: O(⌈Q / lanes⌉ · Σ n) vector steps; one scratch allocation per call.
    @inlinable
    public static func distanceMatrix(
        _ queries: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        _ candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        cutoff: Int? = nil,
        into results: UnsafeMutableBufferPointer<Int>
    ) {
        LaneBatch.matrix(LevenshteinLanes(nil, cutoff: cutoff), queries: queries, candidates: candidates, results: results)
    }

    /// ``distanceMatrix(_:_:cutoff:into:)`` on UTF-8 strings; returns the row-major matrix.
    ///
    ///     Levenshtein.distanceMatrix(["JOKO", "SITI"], ["DJOKO", "SITTI"]) // [1, 5, 5, 1]
    ///
    /// - Complexity: As the buffer form, plus packing the strings into arenas.
    public static func distanceMatrix(_ queries: [String], _ candidates: [String], cutoff: Int? = nil) -> [Int] {
        var out = [Int](repeating: 0, count: queries.count * candidates.count)
        Bytes.withViews(queries.lazy.map(\.utf8)) { q in
            Bytes.withViews(candidates.lazy.map(\.utf8)) { c in
                out.withUnsafeMutableBufferPointer { distanceMatrix(q, c, cutoff: cutoff, into: $0) }
            }
        }
        return out
    }
}

/// Hyyrö's Levenshtein recurrence, one pattern per lane: the distance is read from the last
/// column's vertical deltas, `steps + popcount(VP) - popcount(VN)` under the lane's length.
@usableFromInline
internal struct LevenshteinLanes: LaneKernel {
    @usableFromInline let cached: CachedLevenshtein?
    @usableFromInline let cutoff: Int?

    @inlinable
    init(_ cached: CachedLevenshtein?, cutoff: Int?) {
        self.cached = cached
        self.cutoff = cutoff
    }

    @inlinable var maxSteps: Int { .max }

    @inlinable @inline(__always)
    func run<V: SIMD>(
        _ table: UnsafeRawPointer, rows: UnsafePointer<Int>, steps: Int, lengths: V, masks: V, scratch: UnsafeMutableRawPointer
    ) -> (V, V) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        let one = V(repeating: 1)
        var vp = V(repeating: .max)
        var vn = V.zero
        for i in 0 ..< steps {
            let pm = table.load(fromByteOffset: rows[i], as: V.self)
            let x = pm | vn
            let d0 = (((x & vp) &+ vp) ^ vp) | x
            var hp = vn | ~(d0 | vp)
            let hn = (d0 & vp) &<< 1
            hp = (hp &<< 1) | one
            vp = hn | ~(d0 | hp)
            vn = hp & d0
        }
        return (LaneBatch.popcount(vp & masks), LaneBatch.popcount(vn & masks))
    }

    @inlinable @inline(__always)
    func finish<S: FixedWidthInteger & UnsignedInteger>(
        _ up: S, _ down: S, steps: Int, query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>
    ) -> Int {
        Normalization.clamp(steps &+ Int(truncatingIfNeeded: up) &- Int(truncatingIfNeeded: down), cutoff: cutoff)
    }

    @inlinable
    func single(query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>) -> Int {
        cached?.distance(to: candidate, cutoff: cutoff) ?? Levenshtein.distance(query, candidate, cutoff: cutoff)
    }
}
