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

/// Hyyrö's Levenshtein recurrence with the candidate as pattern: the distance is read from the
/// last column's vertical deltas, `m + popcount(VP) - popcount(VN)` under the lane's length.
@usableFromInline
internal struct LevenshteinLanes: LaneKernel {
    @usableFromInline let cached: CachedLevenshtein
    @usableFromInline let cutoff: Int?
    @usableFromInline let m: Int

    @inlinable
    init(_ cached: CachedLevenshtein, cutoff: Int?) {
        self.cached = cached
        self.cutoff = cutoff
        self.m = cached.query.count
    }

    @inlinable var maxQueryLength: Int { .max }

    @inlinable @inline(__always)
    func run<V: SIMD>(
        _ table: UnsafeRawPointer, rows: UnsafePointer<Int>, m: Int, lengths: V, masks: V, scratch: UnsafeMutableRawPointer
    ) -> (V, V) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        let one = V(repeating: 1)
        var vp = V(repeating: .max)
        var vn = V.zero
        for i in 0 ..< m {
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
    func finish<S: FixedWidthInteger & UnsignedInteger>(_ up: S, _ down: S, _ candidate: UnsafeBufferPointer<UInt8>) -> Int {
        let d = m &+ Int(truncatingIfNeeded: up) &- Int(truncatingIfNeeded: down)
        return Normalization.clamp(d, cutoff: cutoff)
    }

    @inlinable
    func single(_ candidate: UnsafeBufferPointer<UInt8>) -> Int { cached.distance(to: candidate, cutoff: cutoff) }
}
