extension CachedOSA {
    /// The OSA distances from the query to each of `candidates`, written to `results` (same
    /// order), honouring `cutoff` per candidate.
    ///
    /// Queries of up to 64 bytes run one candidate per SIMD lane (lane width chosen from the query
    /// length as in ``CachedLevenshtein/distances(to:cutoff:into:)``); longer queries and
    /// candidates over 255 bytes use the scalar cached path.
    ///
    ///     CachedOSA("3273014501900001").distances(to: views, cutoff: 2, into: out)
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
        switch query.count {
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

    /// The lane kernel: Hyyrö's OSA recurrence on every lane, each lane's last-row value
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
                single: { OSA.word(masks, m: m, text: $0, limit: max(m, $0.count)) },
                kernel: { x, steps, lengths in
                    let one = V(repeating: 1)
                    let shift = V.Scalar(truncatingIfNeeded: m &- 1)
                    var vp = V(repeating: .max)
                    var vn = V.zero
                    var d0 = V.zero
                    var pmOld = V.zero
                    var score = V(repeating: V.Scalar(truncatingIfNeeded: m))
                    var result = score
                    var step = V.zero
                    for j in 0 ..< steps {
                        let pmj = x.load(fromByteOffset: j &* MemoryLayout<V>.stride, as: V.self)
                        let tr = ((~d0 & pmj) &<< 1) & pmOld
                        d0 = (((pmj & vp) &+ vp) ^ vp) | pmj | vn | tr
                        var hp = vn | ~(d0 | vp)
                        var hn = d0 & vp
                        score = score &+ ((hp &>> shift) & one) &- ((hn &>> shift) & one)
                        hp = (hp &<< 1) | one
                        hn = hn &<< 1
                        vp = hn | ~(d0 | hp)
                        vn = hp & d0
                        pmOld = pmj
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
