/// A metric's SIMD lane kernel for ``LaneBatch``.
///
/// Each lane holds one bit-parallel *pattern* (bit `k` of a lane = byte `k` of that lane's
/// string) and all lanes share one *text*: step `i` of the recurrence loads one vector, the
/// masks of text byte `i` in every lane's pattern. Every lane runs exactly `steps` steps whatever
/// its length, nothing is gathered per step, and the result is read from the final state
/// (popcounts under each lane's length mask). One query against many candidates uses the
/// candidates as patterns; many queries against many candidates use the queries as patterns.
@usableFromInline
internal protocol LaneKernel {
    associatedtype Result

    /// The longest text the lane kernel accepts; longer texts use ``single(query:candidate:)``.
    var maxSteps: Int { get }

    /// Runs the recurrence for one batch and returns two per-lane values for `finish`.
    ///
    /// - Parameters:
    ///   - table: the batch's match masks, one 32-byte row per text byte value or slot.
    ///   - rows: `steps` byte offsets into `table`, one per text byte.
    ///   - lengths: the lanes' pattern lengths (0 for unused lanes).
    ///   - masks: the lanes' length masks, `(1 << length) - 1` (all ones for a full lane).
    ///   - scratch: room for `max(steps, 2)` vectors.
    func run<V: SIMD>(
        _ table: UnsafeRawPointer, rows: UnsafePointer<Int>, steps: Int, lengths: V, masks: V, scratch: UnsafeMutableRawPointer
    ) -> (V, V) where V.Scalar: FixedWidthInteger & UnsignedInteger

    /// The result for one lane from its two values; `steps` is the text length.
    func finish<S: FixedWidthInteger & UnsignedInteger>(
        _ first: S, _ second: S, steps: Int, query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>
    ) -> Result

    /// The scalar path, for strings the lanes do not take.
    func single(query: UnsafeBufferPointer<UInt8>, candidate: UnsafeBufferPointer<UInt8>) -> Result
}

/// The driver shared by the batch forms: one query against many candidates, one candidate per
/// SIMD lane.
///
/// Candidates are sorted by length into four pending batches: 16 × `UInt8` lanes for candidates
/// up to 8 bytes (128 bits: the standard library scalarizes bitwise operations on
/// `SIMD32<UInt8>`), 16 × `UInt16` up to 16, 8 × `UInt32` up to 32 and 4 × `UInt64` up to 64
/// (256 bits each). Adding a candidate ORs its bytes' bits into the batch's table
/// (one row per distinct query byte, plus a write-only sink row for bytes absent from it); a full
/// batch runs the kernel once for all its lanes. Candidates over 64 bytes go to the scalar path.
///
/// Kernels use only lane-wise arithmetic and bitwise operations: comparisons (`.==`) and
/// `replacing(with:where:)` on generic SIMD types compile to per-lane loops through memory.
/// Table rows are 32 bytes apart whatever the lane type; a 128-bit batch uses their first half.
@usableFromInline
internal enum LaneBatch {
    /// Bytes per table row and scratch vector: the widest lane type is 256 bits.
    @usableFromInline static let stride = 32

    /// Lane-wise `x != 0` as 1 or 0 (for any lane value: `x | -x` has its top bit set iff x ≠ 0).
    @inlinable @inline(__always)
    static func nonZero<V: SIMD>(_ x: V) -> V where V.Scalar: FixedWidthInteger & UnsignedInteger {
        (x | (V.zero &- x)) &>> V.Scalar(truncatingIfNeeded: V.Scalar.bitWidth &- 1)
    }

    /// The lowest set bit of each lane (0 for 0).
    @inlinable @inline(__always)
    static func lowest<V: SIMD>(_ x: V) -> V where V.Scalar: FixedWidthInteger & UnsignedInteger {
        x & (V.zero &- x)
    }

    /// Lane-wise population count (SWAR: baseline x86-64 has no POPCNT, and this counts all
    /// lanes at once).
    @inlinable @inline(__always)
    static func popcount<V: SIMD>(_ x: V) -> V where V.Scalar: FixedWidthInteger & UnsignedInteger {
        let m1 = V(repeating: V.Scalar.max / 3), m2 = V(repeating: V.Scalar.max / 5), m4 = V(repeating: V.Scalar.max / 17)
        var x = x &- ((x &>> 1) & m1)
        x = (x & m2) &+ ((x &>> 2) & m2)
        x = (x &+ (x &>> 4)) & m4
        var shift: V.Scalar = 8
        while shift < V.Scalar(truncatingIfNeeded: V.Scalar.bitWidth) {
            x = x &+ (x &>> shift)
            shift &<<= 1
        }
        return x & V(repeating: 0xFF)
    }

    /// Zeroes `bytes` (a multiple of 32) at `p` with 16-byte stores, which later narrow loads can
    /// forward from (a library memset may use wider stores).
    @inlinable @inline(__always)
    static func clear(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        var offset = 0
        while offset < bytes {
            p.storeBytes(of: SIMD16<UInt8>.zero, toByteOffset: offset, as: SIMD16<UInt8>.self)
            p.storeBytes(of: SIMD16<UInt8>.zero, toByteOffset: offset &+ 16, as: SIMD16<UInt8>.self)
            offset &+= 32
        }
    }

    /// Compares `query` with every candidate through `kernel`, writing `results[i]` for
    /// candidate `i`.
    @inlinable
    static func run<K: LaneKernel>(
        _ kernel: K,
        query: UnsafeBufferPointer<UInt8>,
        candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        results: UnsafeMutableBufferPointer<K.Result>
    ) {
        precondition(results.count >= candidates.count, "results must hold one value per candidate")
        let m = query.count
        if m == 0 || m > kernel.maxSteps {
            for i in candidates.indices { results[i] = kernel.single(query: query, candidate: candidates[i]) }
            return
        }
        // One heap block per call, none per candidate: byte-to-slot map, row offsets, four
        // batch tables, the kernel's scratch, and per-batch lengths and candidate indices.
        let mapBytes = 256 * 2
        var slots = 0
        let rowsBytes64 = (m &* 8 &+ 63) & ~63
        // Rows: 0 is a write-only sink for candidate bytes absent from the query, 1...slots hold
        // the query's distinct bytes. The map holds row offsets (slot × 32 ≤ 8224).
        let tableBytes = (min(m, 256) &+ 1) &* stride
        let scratchBytes = max(m, 2) &* stride
        let bytes = mapBytes &+ rowsBytes64 &+ 4 &* tableBytes &+ scratchBytes &+ 8 &* stride &+ 4 &* 32 &* 8
        let block = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        defer { block.deallocate() }
        // Vectors (tables, scratch, lengths) start at multiples of 32 bytes.
        let map = block.bindMemory(to: UInt16.self, capacity: 256)
        let rows = (block + mapBytes).bindMemory(to: Int.self, capacity: m)
        let tables = block + (mapBytes &+ rowsBytes64)
        let scratch = tables + 4 &* tableBytes
        let lengths = scratch + scratchBytes
        let lengthMasks = lengths + 4 &* stride
        let indices = (lengthMasks + 4 &* stride).bindMemory(to: Int.self, capacity: 4 &* 32)

        map.initialize(repeating: 0, count: 256)
        for (i, c) in query.enumerated() {
            if map[Int(c)] == 0 {
                slots &+= 1
                map[Int(c)] = UInt16(truncatingIfNeeded: slots &* stride)
            }
            rows[i] = Int(map[Int(c)])
        }
        let rowsBytes = (slots &+ 1) &* stride
        for k in 0 ..< 4 {
            (tables + k &* tableBytes).initializeMemory(as: UInt8.self, repeating: 0, count: rowsBytes)
            (lengths + k &* stride).initializeMemory(as: UInt8.self, repeating: 0, count: stride)
        }
        var filled = (0, 0, 0, 0)

        /// ORs the bits of `candidate` into lane `lane` of a batch table with `S` lanes.
        @inline(__always)
        func add<S: FixedWidthInteger & UnsignedInteger>(_: S.Type, _ k: Int, _ lane: Int, _ candidate: UnsafeBufferPointer<UInt8>, _ index: Int) {
            let table = tables + (k &* tableBytes &+ lane &* MemoryLayout<S>.size)
            var bit: S = 1
            for c in candidate {
                let p = table + Int(map[Int(c)])
                p.storeBytes(of: p.load(as: S.self) | bit, as: S.self)
                bit &<<= 1
            }
            let n = candidate.count
            (lengths + k &* stride).storeBytes(of: S(truncatingIfNeeded: n), toByteOffset: lane &* MemoryLayout<S>.size, as: S.self)
            let mask: S = n >= S.bitWidth ? ~0 : (1 &<< S(truncatingIfNeeded: n)) &- 1
            (lengthMasks + k &* stride).storeBytes(of: mask, toByteOffset: lane &* MemoryLayout<S>.size, as: S.self)
            indices[k &* 32 &+ lane] = index
        }

        /// Runs batch `k` (lane type `V`) on its first `count` lanes and clears it.
        @inline(__always)
        func flush<V: SIMD>(_: V.Type, _ k: Int, _ count: Int) where V.Scalar: FixedWidthInteger & UnsignedInteger {
            let table = tables + k &* tableBytes
            let (first, second) = kernel.run(
                UnsafeRawPointer(table), rows: rows, steps: m, lengths: (lengths + k &* stride).load(as: V.self),
                masks: (lengthMasks + k &* stride).load(as: V.self), scratch: scratch)
            // Park the values in the (now free) kernel scratch to read them lane by lane.
            scratch.storeBytes(of: first, as: V.self)
            scratch.storeBytes(of: second, toByteOffset: stride, as: V.self)
            let size = MemoryLayout<V.Scalar>.size
            for lane in 0 ..< count {
                let index = indices[k &* 32 &+ lane]
                results[index] = kernel.finish(
                    scratch.load(fromByteOffset: lane &* size, as: V.Scalar.self),
                    scratch.load(fromByteOffset: stride &+ lane &* size, as: V.Scalar.self),
                    steps: m, query: query, candidate: candidates[index])
            }
            clear(table, rowsBytes)
            clear(lengths + k &* stride, stride)
            clear(lengthMasks + k &* stride, stride)
        }

        for index in candidates.indices {
            let candidate = candidates[index]
            switch candidate.count {
            case 0 ... 8:
                add(UInt8.self, 0, filled.0, candidate, index)
                filled.0 &+= 1
                if filled.0 == 16 {
                    flush(SIMD16<UInt8>.self, 0, 16)
                    filled.0 = 0
                }
            case 9 ... 16:
                add(UInt16.self, 1, filled.1, candidate, index)
                filled.1 &+= 1
                if filled.1 == 16 {
                    flush(SIMD16<UInt16>.self, 1, 16)
                    filled.1 = 0
                }
            case 17 ... 32:
                add(UInt32.self, 2, filled.2, candidate, index)
                filled.2 &+= 1
                if filled.2 == 8 {
                    flush(SIMD8<UInt32>.self, 2, 8)
                    filled.2 = 0
                }
            case 33 ... 64:
                add(UInt64.self, 3, filled.3, candidate, index)
                filled.3 &+= 1
                if filled.3 == 4 {
                    flush(SIMD4<UInt64>.self, 3, 4)
                    filled.3 = 0
                }
            default:
                results[index] = kernel.single(query: query, candidate: candidate)
            }
        }
        if filled.0 > 0 { flush(SIMD16<UInt8>.self, 0, filled.0) }
        if filled.1 > 0 { flush(SIMD16<UInt16>.self, 1, filled.1) }
        if filled.2 > 0 { flush(SIMD8<UInt32>.self, 2, filled.2) }
        if filled.3 > 0 { flush(SIMD4<UInt64>.self, 3, filled.3) }
    }

    /// Compares every query with every candidate through `kernel`, writing the distance of query
    /// `q` and candidate `c` to `results[q * candidates.count + c]` (row-major).
    ///
    /// The queries are the lane patterns, sorted by length into the four lane types; each batch
    /// of queries gets a 256-row table (one row per byte value) built once, then every candidate
    /// is one run of `n` vector steps. Queries over 64 bytes and candidates over
    /// ``LaneKernel/maxSteps`` use the scalar path.
    @inlinable
    static func matrix<K: LaneKernel>(
        _ kernel: K,
        queries: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        candidates: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
        results: UnsafeMutableBufferPointer<K.Result>
    ) {
        let columns = candidates.count
        precondition(results.count >= queries.count &* columns, "results must hold queries.count × candidates.count values")
        var longest = 0
        for candidate in candidates where candidate.count <= kernel.maxSteps { longest = max(longest, candidate.count) }
        let tableBytes = 256 &* stride
        let rowsBytes = (max(longest, 1) &* 8 &+ 63) & ~63
        let scratchBytes = max(longest, 2) &* stride
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: tableBytes &+ rowsBytes &+ scratchBytes &+ 2 &* stride &+ 32 &* 8, alignment: 64)
        defer { block.deallocate() }
        let table = block
        let rows = (block + tableBytes).bindMemory(to: Int.self, capacity: max(longest, 1))
        let scratch = block + (tableBytes &+ rowsBytes)
        let lengths = scratch + scratchBytes
        let lengthMasks = lengths + stride
        let lanesQuery = (lengthMasks + stride).bindMemory(to: Int.self, capacity: 32)

        /// Runs one batch of `count` queries (indices in `lanesQuery`) against every candidate.
        @inline(__always)
        func batch<V: SIMD>(_: V.Type, _ count: Int) where V.Scalar: FixedWidthInteger & UnsignedInteger {
            typealias S = V.Scalar
            let size = MemoryLayout<S>.size
            clear(table, tableBytes)
            clear(lengths, stride)
            clear(lengthMasks, stride)
            for lane in 0 ..< count {
                let query = queries[lanesQuery[lane]]
                var bit: S = 1
                for c in query {
                    let p = table + (Int(c) &* stride &+ lane &* size)
                    p.storeBytes(of: p.load(as: S.self) | bit, as: S.self)
                    bit &<<= 1
                }
                let n = query.count
                lengths.storeBytes(of: S(truncatingIfNeeded: n), toByteOffset: lane &* size, as: S.self)
                let mask: S = n >= S.bitWidth ? ~0 : (1 &<< S(truncatingIfNeeded: n)) &- 1
                lengthMasks.storeBytes(of: mask, toByteOffset: lane &* size, as: S.self)
            }
            let laneLengths = lengths.load(as: V.self), laneMasks = lengthMasks.load(as: V.self)
            for column in 0 ..< columns {
                let candidate = candidates[column]
                let n = candidate.count
                if n > kernel.maxSteps {
                    for lane in 0 ..< count {
                        let q = lanesQuery[lane]
                        results[q &* columns &+ column] = kernel.single(query: queries[q], candidate: candidate)
                    }
                    continue
                }
                for (i, c) in candidate.enumerated() { rows[i] = Int(c) &* stride }
                let (first, second) = kernel.run(
                    UnsafeRawPointer(table), rows: rows, steps: n, lengths: laneLengths, masks: laneMasks, scratch: scratch)
                scratch.storeBytes(of: first, as: V.self)
                scratch.storeBytes(of: second, toByteOffset: stride, as: V.self)
                for lane in 0 ..< count {
                    let q = lanesQuery[lane]
                    results[q &* columns &+ column] = kernel.finish(
                        scratch.load(fromByteOffset: lane &* size, as: S.self),
                        scratch.load(fromByteOffset: stride &+ lane &* size, as: S.self),
                        steps: n, query: queries[q], candidate: candidate)
                }
            }
        }

        /// Collects the queries of lengths in `range` into batches of `lanes` and runs them.
        @inline(__always)
        func lanesFor<V: SIMD>(_ type: V.Type, _ range: ClosedRange<Int>) where V.Scalar: FixedWidthInteger & UnsignedInteger {
            var count = 0
            for q in queries.indices where range.contains(queries[q].count) {
                lanesQuery[count] = q
                count &+= 1
                if count == V.scalarCount {
                    batch(type, count)
                    count = 0
                }
            }
            if count > 0 { batch(type, count) }
        }

        lanesFor(SIMD16<UInt8>.self, 1 ... 8)
        lanesFor(SIMD16<UInt16>.self, 9 ... 16)
        lanesFor(SIMD8<UInt32>.self, 17 ... 32)
        lanesFor(SIMD4<UInt64>.self, 33 ... 64)
        for q in queries.indices where queries[q].count == 0 || queries[q].count > 64 {
            for column in 0 ..< columns {
                results[q &* columns &+ column] = kernel.single(query: queries[q], candidate: candidates[column])
            }
        }
    }
}
