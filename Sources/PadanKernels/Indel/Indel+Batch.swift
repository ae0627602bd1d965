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

extension Indel {
    /// The Indel distance of every query to every candidate, written row-major: the value for query
    /// `q` and candidate `c` goes to `results[q * candidates.count + c]`, honouring `cutoff`.
    ///
    /// The many-against-many form (rapidfuzz's `cdist`): queries of up to 64 bytes are the SIMD
    /// lane patterns (16 × `UInt8` up to 8 bytes, 16 × `UInt16` up to 16, 8 × `UInt32` up to 32,
    /// 4 × `UInt64` up to 64), each batch's masks are built once, and every candidate is then one
    /// pass of `n` vector steps for the whole batch. Longer queries use the scalar path.
    ///
    ///     Indel.distanceMatrix(queryViews, candidateViews, cutoff: 3, into: matrix)
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
        LaneBatch.matrix(IndelLanes(nil, cutoff: cutoff), queries: queries, candidates: candidates, results: results)
    }

    /// ``distanceMatrix(_:_:cutoff:into:)`` on UTF-8 strings; returns the row-major matrix.
    ///
    ///     Indel.distanceMatrix(["JOKO", "SITI"], ["DJOKO", "SITTI"]) // [1, 9, 9, 1]
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

/// The bit-parallel LCS recurrence, one pattern per lane; LCS is the number of zero bits under
/// the lane's length, and the distance `m + n - 2·LCS`.
@usableFromInline
internal struct IndelLanes: LaneKernel {
    @usableFromInline let cached: CachedIndel?
    @usableFromInline let cutoff: Int?

    @inlinable
    init(_ cached: CachedIndel?, cutoff: Int?) {
        self.cached = cached
        self.cutoff = cutoff
    }

    @inlinable var maxSteps: Int { .max }

    @inlinable @inline(__always)
    func run<V: SIMD>(
        _ table: UnsafeRawPointer, rows: UnsafePointer<Int>, steps: Int, lengths: V, masks: V, scratch: UnsafeMutableRawPointer
    ) -> (V, V) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        var s = V(repeating: .max)
        for i in 0 ..< steps {
            let u = s & table.load(fromByteOffset: rows[i], as: V.self)
            s = (s &+ u) | (s &- u)
        }
        let lcs = LaneBatch.popcount(~s & masks)
        return (lcs, lcs)
    }

    @inlinable @inline(__always)
    func finish<S: FixedWidthInteger & UnsignedInteger>(
        _ lcs: S, _: S, steps: Int, query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>
    ) -> Int {
        Normalization.clamp(query.count &+ candidate.count &- 2 &* Int(truncatingIfNeeded: lcs), cutoff: cutoff)
    }

    @inlinable
    func single(query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>) -> Int {
        cached?.distance(to: candidate, cutoff: cutoff) ?? Indel.distance(query, candidate, cutoff: cutoff)
    }
}
