extension CachedJaroWinkler {
    /// The Jaro–Winkler similarities of the query and each of `candidates`, written to
    /// `results` (same order).
    ///
    /// Candidates of up to 64 bytes are compared in SIMD lanes (sorted by length into 16 ×
    /// `UInt8`, 16 × `UInt16`, 8 × `UInt32` or 4 × `UInt64` lanes), the candidate as the
    /// bit-parallel pattern and the query as the text. A first pass flags matches inside each
    /// lane's own sliding window, `x & -x` picking the lowest unmatched candidate byte; a second
    /// pass walks the matched query bytes in order against the matched candidate bytes to count
    /// transpositions. Longer candidates, and queries over 255 bytes, use the scalar cached path.
    /// Results equal ``similarity(to:)`` exactly.
    ///
    ///     CachedJaroWinkler("SITI AMINAH").similarities(to: views, into: out)
    ///
    /// - Precondition: `results.count >= candidates.count`.
    /// - Complexity: O(m) vector steps per batch of lanes plus O(n) per candidate to build the
    ///   lane masks; one scratch allocation per call, none per candidate.
    @inlinable
    public func similarities(
        to candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        into results: UnsafeMutableBufferPointer<Double>
    ) {
        query.withUnsafeBufferPointer { query in
            LaneBatch.run(JaroWinklerLanes(self, prefixWeight: prefixWeight), query: query, candidates: candidates, results: results)
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
}

extension JaroWinkler {
    /// The Jaro–Winkler similarity of every query to every candidate, written row-major: the
    /// value for query `q` and candidate `c` goes to `results[q * candidates.count + c]`.
    ///
    /// The many-against-many form (rapidfuzz's `cdist`): queries of up to 64 bytes are the SIMD
    /// lane patterns, each batch's masks are built once, and every candidate (up to 255 bytes)
    /// is then two passes of `n` vector steps for the whole batch. Other strings use the scalar
    /// path. Results equal ``similarity(_:_:prefixWeight:)`` exactly.
    ///
    ///     JaroWinkler.similarityMatrix(queryViews, candidateViews, into: matrix)
    ///
    /// - Precondition: `results.count >= queries.count * candidates.count`.
    /// - Complexity: O(⌈Q / lanes⌉ · Σ n) vector steps; one scratch allocation per call.
    @inlinable
    public static func similarityMatrix(
        _ queries: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        _ candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        prefixWeight: Double = 0.1,
        into results: UnsafeMutableBufferPointer<Double>
    ) {
        LaneBatch.matrix(JaroWinklerLanes(nil, prefixWeight: prefixWeight), queries: queries, candidates: candidates, results: results)
    }

    /// ``similarityMatrix(_:_:prefixWeight:into:)`` on UTF-8 strings; returns the row-major matrix.
    ///
    ///     JaroWinkler.similarityMatrix(["JOKO"], ["DJOKO", "JOKO"])
    ///
    /// - Complexity: As the buffer form, plus packing the strings into arenas.
    public static func similarityMatrix(_ queries: [String], _ candidates: [String], prefixWeight: Double = 0.1) -> [Double] {
        var out = [Double](repeating: 0, count: queries.count * candidates.count)
        Bytes.withViews(queries.lazy.map(\.utf8)) { q in
            Bytes.withViews(candidates.lazy.map(\.utf8)) { c in
                out.withUnsafeMutableBufferPointer { similarityMatrix(q, c, prefixWeight: prefixWeight, into: $0) }
            }
        }
        return out
    }
}

/// Bit-parallel Jaro in lanes, one pattern per lane. Returns per lane the number of matches
/// and the number of matched bytes out of order.
@usableFromInline
internal struct JaroWinklerLanes: LaneKernel {
    @usableFromInline let cached: CachedJaroWinkler?
    @usableFromInline let prefixWeight: Double

    @inlinable
    init(_ cached: CachedJaroWinkler?, prefixWeight: Double) {
        self.cached = cached
        self.prefixWeight = prefixWeight
    }

    /// Keeps every lane's window countdown (≤ max(steps, 64) / 2) within a `UInt8` lane.
    @inlinable var maxSteps: Int { 255 }

    @inlinable @inline(__always)
    func run<V: SIMD>(
        _ table: UnsafeRawPointer, rows: UnsafePointer<Int>, steps: Int, lengths: V, masks: V, scratch: UnsafeMutableRawPointer
    ) -> (V, V) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        let one = V(repeating: 1)
        let stride = LaneBatch.stride
        let width = V.Scalar.bitWidth
        let size = MemoryLayout<V.Scalar>.size
        // Per lane: the window half-width b = max(steps, n) / 2 - 1; the window at step 0 covers
        // pattern bits 0...b; for the next b steps it grows at the top and keeps bit 0 (the
        // countdown), after that it slides.
        withUnsafeBytes(of: lengths) { laneLengths in
            for lane in 0 ..< V.scalarCount {
                let n = Int(laneLengths.load(fromByteOffset: lane &* size, as: V.Scalar.self))
                let b = Jaro.window(steps, n)
                let w: V.Scalar = b >= width &- 1 ? .max : (1 &<< V.Scalar(truncatingIfNeeded: b &+ 1)) &- 1
                scratch.storeBytes(of: V.Scalar(truncatingIfNeeded: b), toByteOffset: lane &* size, as: V.Scalar.self)
                scratch.storeBytes(of: w, toByteOffset: stride &+ lane &* size, as: V.Scalar.self)
            }
        }
        var countdown = scratch.load(as: V.self)
        var window = scratch.load(fromByteOffset: stride, as: V.self)

        var flagged = V.zero
        for i in 0 ..< steps {
            let pm = table.load(fromByteOffset: rows[i], as: V.self)
            let lowest = LaneBatch.lowest(pm & window & ~flagged)
            flagged |= lowest
            // Remember which pattern bit text byte i took (0: none) for the second pass.
            scratch.storeBytes(of: lowest, toByteOffset: i &* stride, as: V.self)
            let fill = LaneBatch.nonZero(countdown)
            countdown &-= fill
            window = (window &<< 1) | fill
        }
        var remaining = flagged
        var unordered = V.zero
        for i in 0 ..< steps {
            let matched = LaneBatch.nonZero(scratch.load(fromByteOffset: i &* stride, as: V.self))
            let pm = table.load(fromByteOffset: rows[i], as: V.self)
            let next = LaneBatch.lowest(remaining) & (V.zero &- matched)
            remaining ^= next
            unordered &+= matched & (LaneBatch.nonZero(pm & next) ^ one)
        }
        return (LaneBatch.popcount(flagged), unordered)
    }

    @inlinable @inline(__always)
    func finish<S: FixedWidthInteger & UnsignedInteger>(
        _ matches: S, _ unordered: S, steps: Int, query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>
    ) -> Double {
        if candidate.isEmpty || query.isEmpty { return candidate.isEmpty && query.isEmpty ? 1 : 0 }
        let jaro = Jaro.score(
            m: query.count, n: candidate.count, matches: Int(truncatingIfNeeded: matches),
            transpositions: Int(truncatingIfNeeded: unordered) / 2)
        return JaroWinkler.boost(jaro, prefix: JaroWinkler.prefix(query, candidate), weight: prefixWeight)
    }

    @inlinable
    func single(query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>) -> Double {
        cached?.similarity(to: candidate) ?? JaroWinkler.similarity(query, candidate, prefixWeight: prefixWeight)
    }
}
