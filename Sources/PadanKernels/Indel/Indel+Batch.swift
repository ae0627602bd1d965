extension CachedIndel {
    /// The Indel distances from the query to each of `candidates`, written to `results` (same
    /// order), honouring `cutoff` per candidate.
    ///
    /// Queries of up to 64 bytes run one candidate per SIMD lane (lane width chosen from the query
    /// length as in ``CachedLevenshtein/distances(to:cutoff:into:)``); bytes past a candidate's
    /// end have empty masks, which leave the LCS state unchanged, so no per-lane capture is
    /// needed. Longer queries and candidates over 255 bytes use the scalar cached path.
    ///
    ///     CachedIndel("SITI AMINAH").distances(to: views, into: out)
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
            for i in candidates.indices { results[i] = distance(to: candidates[i], cutoff: cutoff) }
            return
        }
        // The lanes left LCS lengths; turn them into distances.
        for i in candidates.indices {
            results[i] = Normalization.clamp(m &+ candidates[i].count &- 2 &* results[i], cutoff: cutoff)
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

    /// The lane kernel: the LCS recurrence on every lane; writes LCS lengths to `results`.
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
                single: { Indel.word(masks, m: m, text: $0) },
                kernel: { x, steps, _ in
                    var s = V(repeating: .max)
                    for j in 0 ..< steps {
                        let u = s & x.load(fromByteOffset: j &* MemoryLayout<V>.stride, as: V.self)
                        s = (s &+ u) | (s &- u)
                    }
                    let used: V.Scalar = m == V.Scalar.bitWidth ? .max : (1 &<< V.Scalar(truncatingIfNeeded: m)) &- 1
                    let zeros = ~s & V(repeating: used)
                    var lcs = V.zero
                    for lane in 0 ..< V.scalarCount {
                        lcs[lane] = V.Scalar(truncatingIfNeeded: zeros[lane].nonzeroBitCount)
                    }
                    return (lcs, lcs)
                },
                finish: { value, _, _ in Int(truncatingIfNeeded: value) }
            )
        }
    }
}
