/// The driver shared by the batch forms: one cached query against many candidates, one
/// candidate per SIMD lane.
///
/// The query is the bit-parallel pattern (bit `i` of a lane = query byte `i`), so the lane width
/// must hold the query: `UInt8` lanes for up to 8 bytes, `UInt16` for 16, `UInt32` for 32,
/// `UInt64` for 64. Candidates of up to ``maxLaneLength`` bytes fill the lanes in order; for each
/// batch the driver gathers, transposed, the query's match mask of every candidate byte
/// (`x[j][lane] = Peq[candidate[lane][j]]`, zero past a candidate's end), then runs the metric's
/// column recurrence once for all lanes. Longer candidates, and queries too long for a lane, go
/// to the metric's scalar cached path.
@usableFromInline
internal enum LaneBatch {
    /// Candidates longer than this are compared one by one (keeps lane counters within `UInt8`).
    @usableFromInline static let maxLaneLength = 255

    /// Runs `kernel` over lane batches of `candidates`, writing `results[i]` for candidate `i`.
    ///
    /// - Parameters:
    ///   - masks: the query's pattern-match masks (single word).
    ///   - single: the scalar path for a candidate that does not go into a lane.
    ///   - kernel: `(x, steps, lengths) -> per-lane values`, where `x` holds `steps` vectors of
    ///     masks (vector `j` at byte offset `j * MemoryLayout<V>.stride`; the kernel may overwrite
    ///     them) and `lengths` the lanes' candidate lengths (0 for unused lanes).
    ///   - finish: turns a lane's two values and its candidate index into the result.
    @inlinable @inline(__always)
    static func run<V: SIMD, M: MaskLookup, R>(
        _: V.Type,
        masks: M,
        candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        results: UnsafeMutableBufferPointer<R>,
        single: (UnsafeBufferPointer<UInt8>) -> R,
        kernel: (UnsafeMutableRawPointer, Int, V) -> (V, V),
        finish: (V.Scalar, V.Scalar, Int) -> R
    ) where V.Scalar: FixedWidthInteger & UnsignedInteger {
        precondition(results.count >= candidates.count, "results must hold one value per candidate")
        let lanes = V.scalarCount
        let stride = MemoryLayout<V>.stride
        let scalarSize = MemoryLayout<V.Scalar>.size
        // One heap block per call (not per pair): 255 steps × one vector.
        let x = UnsafeMutableRawPointer.allocate(byteCount: maxLaneLength &* stride, alignment: 64)
        defer { x.deallocate() }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: lanes) { slots in
            var filled = 0
            var steps = 0
            var lengths = V.zero

            func flush() {
                let (first, second) = kernel(x, steps, lengths)
                for lane in 0 ..< filled {
                    results[slots[lane]] = finish(first[lane], second[lane], slots[lane])
                }
                filled = 0
                steps = 0
                lengths = V.zero
            }

            for index in candidates.indices {
                let candidate = candidates[index]
                let n = candidate.count
                if n > maxLaneLength {
                    results[index] = single(candidate)
                    continue
                }
                if n > steps {
                    // Lanes filled so far have zero masks past their ends, as `kernel` expects.
                    (x + steps &* stride).initializeMemory(as: UInt8.self, repeating: 0, count: (n &- steps) &* stride)
                    steps = n
                }
                let lane = filled
                var p = x + lane &* scalarSize
                for c in candidate {
                    p.storeBytes(of: V.Scalar(truncatingIfNeeded: masks.mask(c)), as: V.Scalar.self)
                    p += stride
                }
                // Bytes past this candidate's end, up to `steps`, must read as zero masks.
                var j = n
                while j < steps {
                    p.storeBytes(of: V.Scalar.zero, as: V.Scalar.self)
                    p += stride
                    j &+= 1
                }
                lengths[lane] = V.Scalar(truncatingIfNeeded: n)
                slots[lane] = index
                filled &+= 1
                if filled == lanes { flush() }
            }
            if filled > 0 { flush() }
        }
    }
}
