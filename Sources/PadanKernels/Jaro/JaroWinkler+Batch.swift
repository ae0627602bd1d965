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
            LaneBatch.run(JaroWinklerLanes(self, query: query), query: query, candidates: candidates, results: results)
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

/// Bit-parallel Jaro in lanes, candidate as pattern. Returns per lane the number of matches
/// and the number of matched bytes out of order.
@usableFromInline
internal struct JaroWinklerLanes: LaneKernel {
    @usableFromInline let cached: CachedJaroWinkler
    @usableFromInline let query: UnsafeBufferPointer<UInt8>

    @inlinable
    init(_ cached: CachedJaroWinkler, query: UnsafeBufferPointer<UInt8>) {
        self.cached = cached
        self.query = query
    }

    /// Keeps every lane's window countdown (≤ max(m, 64) / 2) within a `UInt8` lane.
    @inlinable var maxQueryLength: Int { 255 }

    @inlinable @inline(__always)
    func run<V: SIMD>(
        _ table: UnsafeRawPointer, rows: UnsafePointer<Int>, m: Int, lengths: V, masks: V, scratch: UnsafeMutableRawPointer
    ) -> (V, V) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        let one = V(repeating: 1)
        let stride = LaneBatch.stride
        // Per lane: the window half-width b = max(m, n) / 2 - 1; the window at step 0 covers
        // pattern bits 0...b; for the next b steps it grows at the top and keeps bit 0 (the
        // countdown), after that it slides.
        var countdown = V.zero
        var window = V.zero
        let width = V.Scalar.bitWidth
        let size = MemoryLayout<V.Scalar>.size
        for lane in 0 ..< V.scalarCount {
            let n = lengthOf(lengths, lane)
            let b = Jaro.window(m, n)
            let w: V.Scalar = b >= width &- 1 ? .max : (1 &<< V.Scalar(truncatingIfNeeded: b &+ 1)) &- 1
            scratch.storeBytes(of: V.Scalar(truncatingIfNeeded: b), toByteOffset: lane &* size, as: V.Scalar.self)
            scratch.storeBytes(of: w, toByteOffset: stride &+ lane &* size, as: V.Scalar.self)
        }
        countdown = scratch.load(as: V.self)
        window = scratch.load(fromByteOffset: stride, as: V.self)

        var flagged = V.zero
        for i in 0 ..< m {
            let pm = table.load(fromByteOffset: rows[i], as: V.self)
            let lowest = LaneBatch.lowest(pm & window & ~flagged)
            flagged |= lowest
            // Remember which candidate bit query byte i took (0: none) for the second pass.
            scratch.storeBytes(of: lowest, toByteOffset: i &* stride, as: V.self)
            let fill = LaneBatch.nonZero(countdown)
            countdown &-= fill
            window = (window &<< 1) | fill
        }
        var remaining = flagged
        var unordered = V.zero
        for i in 0 ..< m {
            let matched = LaneBatch.nonZero(scratch.load(fromByteOffset: i &* stride, as: V.self))
            let pm = table.load(fromByteOffset: rows[i], as: V.self)
            let next = LaneBatch.lowest(remaining) & (V.zero &- matched)
            remaining ^= next
            unordered &+= matched & (LaneBatch.nonZero(pm & next) ^ one)
        }
        return (LaneBatch.popcount(flagged), unordered)
    }

    /// Lane `lane` of `lengths` as an Int.
    @inlinable @inline(__always)
    func lengthOf<V: SIMD>(_ lengths: V, _ lane: Int) -> Int where V.Scalar: FixedWidthInteger {
        withUnsafeBytes(of: lengths) { Int($0.load(fromByteOffset: lane &* MemoryLayout<V.Scalar>.size, as: V.Scalar.self)) }
    }

    @inlinable @inline(__always)
    func finish<S: FixedWidthInteger & UnsignedInteger>(_ matches: S, _ unordered: S, _ candidate: UnsafeBufferPointer<UInt8>) -> Double {
        if candidate.isEmpty { return 0 }
        let jaro = Jaro.score(
            m: query.count, n: candidate.count, matches: Int(truncatingIfNeeded: matches),
            transpositions: Int(truncatingIfNeeded: unordered) / 2)
        return JaroWinkler.boost(jaro, prefix: JaroWinkler.prefix(query, candidate), weight: cached.prefixWeight)
    }

    @inlinable
    func single(_ candidate: UnsafeBufferPointer<UInt8>) -> Double { cached.similarity(to: candidate) }
}
