extension CachedLevenshtein {
    /// The Levenshtein distances from the query to each of `candidates`, written to `results`
    /// (same order), honouring `cutoff` per candidate.
    ///
    /// Queries of up to 64 bytes run one candidate per SIMD lane: 32 lanes of `UInt8` bit vectors
    /// for queries up to 8 bytes, 16 × `UInt16` up to 16, 8 × `UInt32` up to 32, 4 × `UInt64` up
    /// to 64. Candidates longer than 255 bytes, and longer queries, use the scalar cached path.
    ///
    ///     let q = CachedLevenshtein("SITI AMINAH")
    ///     q.distances(to: views, cutoff: 3, into: out) // views: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
    ///
    /// - Precondition: `results.count >= candidates.count`.
    /// - Complexity: O(Σ max length per lane batch) vector steps plus O(Σ n) mask gathers; one
    ///   scratch allocation per call, none per candidate.
    @inlinable
    public func distances(
        to candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        cutoff: Int? = nil,
        into results: UnsafeMutableBufferPointer<Int>
    ) {
        let m = query.count
        switch m {
        case 1 ... 8: lanes(SIMD32<UInt8>.self, candidates, results)
        case 9 ... 16: lanes(SIMD16<UInt16>.self, candidates, results)
        case 17 ... 32: lanes(SIMD8<UInt32>.self, candidates, results)
        case 33 ... 64: lanes(SIMD4<UInt64>.self, candidates, results)
        default:
            precondition(results.count >= candidates.count, "results must hold one value per candidate")
            for i in candidates.indices { results[i] = distance(to: candidates[i]) }
        }
        if cutoff != nil {
            for i in candidates.indices { results[i] = Normalization.clamp(results[i], cutoff: cutoff) }
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

    /// The lane kernel: Hyyrö's recurrence on every lane at once, each lane's last-row value
    /// captured at the step equal to its candidate's length.
    @inlinable @inline(__always)
    func lanes<V: SIMD>(
        _ type: V.Type,
        _ candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        _ results: UnsafeMutableBufferPointer<Int>
    ) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        let m = query.count
        table.with { masks in
            LaneBatch.run(
                type, masks: masks, candidates: candidates, results: results,
                single: { Levenshtein.word(masks, m: m, text: $0, limit: max(m, $0.count)) },
                kernel: { x, steps, lengths in
                    let one = V(repeating: 1)
                    let shift = V.Scalar(truncatingIfNeeded: m &- 1)
                    var vp = V(repeating: .max)
                    var vn = V.zero
                    var score = V(repeating: V.Scalar(truncatingIfNeeded: m))
                    var result = score
                    var step = V.zero
                    for j in 0 ..< steps {
                        let pmj = x.load(fromByteOffset: j &* MemoryLayout<V>.stride, as: V.self)
                        let xx = pmj | vn
                        let d0 = (((xx & vp) &+ vp) ^ vp) | xx
                        var hp = vn | ~(d0 | vp)
                        var hn = d0 & vp
                        score = score &+ ((hp &>> shift) & one) &- ((hn &>> shift) & one)
                        hp = (hp &<< 1) | one
                        hn = hn &<< 1
                        vp = hn | ~(d0 | hp)
                        vn = hp & d0
                        step &+= one
                        result.replace(with: score, where: step .== lengths)
                    }
                    return (result, result)
                },
                finish: { value, _, _ in Int(truncatingIfNeeded: value) }
            )
        }
    }
}
