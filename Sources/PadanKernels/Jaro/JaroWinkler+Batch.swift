extension CachedJaroWinkler {
    /// The Jaro–Winkler similarities of the query and each of `candidates`, written to
    /// `results` (same order).
    ///
    /// Queries of up to 64 bytes run one candidate per SIMD lane (32 × `UInt8` bit vectors up to
    /// 8 bytes, 16 × `UInt16` up to 16, 8 × `UInt32` up to 32, 4 × `UInt64` up to 64). A first
    /// pass flags matches with each lane's own sliding window, `x & -x` picking the lowest
    /// unmatched query byte; a second pass walks the flagged candidate bytes in order against the
    /// matched query bytes to count transpositions. Longer queries and candidates over 255 bytes
    /// use the scalar cached path. Results equal ``similarity(to:)`` exactly.
    ///
    ///     CachedJaroWinkler("SITI AMINAH").similarities(to: views, into: out)
    ///
    /// - Precondition: `results.count >= candidates.count`.
    /// - Complexity: O(Σ max length per lane batch) vector steps plus O(Σ n) mask gathers; one
    ///   scratch allocation per call, none per candidate.
    @inlinable
    public func similarities(
        to candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        into results: UnsafeMutableBufferPointer<Double>
    ) {
        switch query.count {
        case 1 ... 8: lanes(SIMD32<UInt8>.self, candidates, results)
        case 9 ... 16: lanes(SIMD16<UInt16>.self, candidates, results)
        case 17 ... 32: lanes(SIMD8<UInt32>.self, candidates, results)
        case 33 ... 64: lanes(SIMD4<UInt64>.self, candidates, results)
        default:
            precondition(results.count >= candidates.count, "results must hold one value per candidate")
            for i in candidates.indices { results[i] = similarity(to: candidates[i]) }
        }
    }

    /// The Jaro–Winkler similarities of the query and each of `candidates` (UTF-8).
    ///
    ///     CachedJaroWinkler("JOKO").similarities(to: ["DJOKO", "JOKO"])
    ///
    /// - Complexity: As the buffer form, plus packing the candidates into one arena.
    public func similarities(to candidates: [String]) -> [Double] {
        var out = [Double](repeating: 0, count: candidates.count)
        Bytes.withViews(candidates.lazy.map(\.utf8)) { views in
            out.withUnsafeMutableBufferPointer { similarities(to: views, into: $0) }
        }
        return out
    }

    /// The lane kernel. Returns per lane the matched query bits and the number of matched bytes
    /// out of order; `finish` turns them into the Jaro–Winkler value.
    @inlinable @inline(__always)
    func lanes<V: SIMD>(
        _ type: V.Type,
        _ candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        _ results: UnsafeMutableBufferPointer<Double>
    ) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        let m = query.count
        let weight = prefixWeight
        query.withUnsafeBufferPointer { query in
            table.with { masks in
                LaneBatch.run(
                    type, masks: masks, candidates: candidates, results: results,
                    single: { candidate in
                        let jaro = candidate.count <= 64
                            ? (candidate.isEmpty ? 0 : Jaro.word(masks, m: m, text: candidate))
                            : Jaro.general(query, candidate)
                        return JaroWinkler.boost(jaro, prefix: JaroWinkler.prefix(query, candidate), weight: weight)
                    },
                    kernel: { x, steps, lengths in
                        let one = V(repeating: 1)
                        let stride = MemoryLayout<V>.stride
                        // Each lane's window half-width and its window at step 0.
                        var bound = V.zero
                        var window = V.zero
                        for lane in 0 ..< V.scalarCount {
                            let b = Jaro.window(m, Int(lengths[lane]))
                            bound[lane] = V.Scalar(truncatingIfNeeded: b)
                            window[lane] = b >= V.Scalar.bitWidth &- 1 ? .max : (1 &<< V.Scalar(truncatingIfNeeded: b &+ 1)) &- 1
                        }
                        var flagged = V.zero
                        var step = V.zero
                        for j in 0 ..< steps {
                            let p = x + j &* stride
                            let pm = p.load(as: V.self)
                            let free = pm & window & ~flagged
                            let lowest = free & (V.zero &- free)
                            flagged |= lowest
                            // Keep the mask only where this candidate byte matched: pass 2 reads
                            // "matched" as a non-zero mask.
                            p.storeBytes(of: pm.replacing(with: 0, where: lowest .== V.zero), as: V.self)
                            step &+= one
                            window = (window &<< 1) | one.replacing(with: 0, where: step .> bound)
                        }
                        var remaining = flagged
                        var unordered = V.zero
                        for j in 0 ..< steps {
                            let pm = x.load(fromByteOffset: j &* stride, as: V.self)
                            let matched = pm .!= V.zero
                            let next = (remaining & (V.zero &- remaining)).replacing(with: 0, where: .!matched)
                            remaining ^= next
                            unordered &+= one.replacing(with: 0, where: .!matched .| ((pm & next) .!= V.zero))
                        }
                        return (flagged, unordered)
                    },
                    finish: { flagged, unordered, index in
                        let candidate = candidates[index]
                        if candidate.isEmpty { return 0 }
                        let jaro = Jaro.score(
                            m: m, n: candidate.count, matches: flagged.nonzeroBitCount,
                            transpositions: Int(truncatingIfNeeded: unordered) / 2)
                        return JaroWinkler.boost(jaro, prefix: JaroWinkler.prefix(query, candidate), weight: weight)
                    }
                )
            }
        }
    }
}
