extension CachedIndel {
    /// The Indel distances from the query to each of `candidates`, written to `results` (same
    /// order), honouring `cutoff` per candidate.
    ///
    /// Candidates of up to 64 bytes are compared in SIMD lanes as in
    /// ``CachedLevenshtein/distances(to:cutoff:into:)`` (candidate as pattern, query as text,
    /// `m` vector steps per batch); longer candidates use the scalar cached path.
    ///
    ///     CachedIndel("SITI AMINAH").distances(to: views, into: out)
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
            LaneBatch.run(IndelLanes(self, cutoff: cutoff), query: query, candidates: candidates, results: results)
        }
    }

    /// The Indel distances from the query to each of `candidates` (UTF-8), honouring `cutoff`.
    ///
    ///     CachedIndel("JOKO").distances(to: ["DJOKO", "JOKO"]) // [1, 0]
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

/// The bit-parallel LCS recurrence with the candidate as pattern; LCS is the number of zero bits
/// under the lane's length, and the distance `m + n - 2·LCS`.
@usableFromInline
internal struct IndelLanes: LaneKernel {
    @usableFromInline let cached: CachedIndel
    @usableFromInline let cutoff: Int?
    @usableFromInline let m: Int

    @inlinable
    init(_ cached: CachedIndel, cutoff: Int?) {
        self.cached = cached
        self.cutoff = cutoff
        self.m = cached.query.count
    }

    @inlinable var maxQueryLength: Int { .max }

    @inlinable @inline(__always)
    func run<V: SIMD>(
        _ table: UnsafeRawPointer, rows: UnsafePointer<Int>, m: Int, lengths: V, masks: V, scratch: UnsafeMutableRawPointer
    ) -> (V, V) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        var s = V(repeating: .max)
        for i in 0 ..< m {
            let u = s & table.load(fromByteOffset: rows[i], as: V.self)
            s = (s &+ u) | (s &- u)
        }
        let lcs = LaneBatch.popcount(~s & masks)
        return (lcs, lcs)
    }

    @inlinable @inline(__always)
    func finish<S: FixedWidthInteger & UnsignedInteger>(_ lcs: S, _: S, _ candidate: UnsafeBufferPointer<UInt8>) -> Int {
        let n = candidate.count
        return Normalization.clamp(m &+ n &- 2 &* Int(truncatingIfNeeded: lcs), cutoff: cutoff)
    }

    @inlinable
    func single(_ candidate: UnsafeBufferPointer<UInt8>) -> Int { cached.distance(to: candidate, cutoff: cutoff) }
}
