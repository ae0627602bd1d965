extension CachedOSA {
    /// The OSA distances from the query to each of `candidates`, written to `results` (same
    /// order), honouring `cutoff` per candidate.
    ///
    /// Candidates of up to 64 bytes are compared in SIMD lanes as in
    /// ``CachedLevenshtein/distances(to:cutoff:into:)`` (candidate as pattern, query as text,
    /// `m` vector steps per batch); longer candidates use the scalar cached path.
    ///
    ///     CachedOSA("3273014501900001").distances(to: views, cutoff: 2, into: out)
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
            LaneBatch.run(OSALanes(self, cutoff: cutoff), query: query, candidates: candidates, results: results)
        }
    }

    /// The OSA distances from the query to each of `candidates` (UTF-8), honouring `cutoff`.
    ///
    ///     CachedOSA("ANDI").distances(to: ["ADNI", "ANDI"]) // [1, 0]
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

extension OSA {
    /// The OSA distance of every query to every candidate, written row-major: the value for query
    /// `q` and candidate `c` goes to `results[q * candidates.count + c]`, honouring `cutoff`.
    ///
    /// The many-against-many form (rapidfuzz's `cdist`): queries of up to 64 bytes are the SIMD
    /// lane patterns (16 × `UInt8` up to 8 bytes, 16 × `UInt16` up to 16, 8 × `UInt32` up to 32,
    /// 4 × `UInt64` up to 64), each batch's masks are built once, and every candidate is then one
    /// pass of `n` vector steps for the whole batch. Longer queries use the scalar path.
    ///
    ///     OSA.distanceMatrix(queryViews, candidateViews, cutoff: 3, into: matrix)
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
        LaneBatch.matrix(OSALanes(nil, cutoff: cutoff), queries: queries, candidates: candidates, results: results)
    }

    /// ``distanceMatrix(_:_:cutoff:into:)`` on UTF-8 strings; returns the row-major matrix.
    ///
    ///     OSA.distanceMatrix(["JOKO", "SITI"], ["DJOKO", "SITTI"]) // [1, 5, 5, 1]
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

/// Hyyrö's OSA recurrence (transposition term from the previous step's masks and D0), one
/// pattern per lane; the distance is read from the last column's vertical deltas.
@usableFromInline
internal struct OSALanes: LaneKernel {
    @usableFromInline let cached: CachedOSA?
    @usableFromInline let cutoff: Int?

    @inlinable
    init(_ cached: CachedOSA?, cutoff: Int?) {
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
        var d0 = V.zero
        var pmOld = V.zero
        for i in 0 ..< steps {
            let pm = table.load(fromByteOffset: rows[i], as: V.self)
            let tr = ((~d0 & pm) &<< 1) & pmOld
            d0 = (((pm & vp) &+ vp) ^ vp) | pm | vn | tr
            var hp = vn | ~(d0 | vp)
            let hn = (d0 & vp) &<< 1
            hp = (hp &<< 1) | one
            vp = hn | ~(d0 | hp)
            vn = hp & d0
            pmOld = pm
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
        cached?.distance(to: candidate, cutoff: cutoff) ?? OSA.distance(query, candidate, cutoff: cutoff)
    }
}
