/// Where a bit-parallel kernel finds the pattern-match mask of a text byte.
///
/// For a pattern `p` of `m` bytes cut into 64-bit words, the mask of byte `c` in word `w` has bit
/// `i` set when `p[64 * w + i] == c` (Myers 1999, "Peq"). Kernels are generic over this protocol
/// so the same loop serves a table built per pair on the stack and a table owned by a cached
/// query; specialization makes the lookup a plain load.
@usableFromInline
internal protocol MaskLookup {
    /// The masks of `c`: `words` consecutive words, word 0 holding pattern bytes 0..<64.
    func row(_ c: UInt8) -> UnsafePointer<UInt64>
}

extension MaskLookup {
    /// The single-word mask of `c` (patterns of at most 64 bytes).
    @inlinable @inline(__always)
    func mask(_ c: UInt8) -> UInt64 { row(c).pointee }
}

/// A full table: `256 × words` masks, row `c` at `c * words`. Owned by the cached forms.
@usableFromInline
internal struct DirectMasks: MaskLookup {
    @usableFromInline let table: UnsafePointer<UInt64>
    @usableFromInline let words: Int

    @inlinable @inline(__always)
    init(table: UnsafePointer<UInt64>, words: Int) {
        self.table = table
        self.words = words
    }

    @inlinable @inline(__always)
    func row(_ c: UInt8) -> UnsafePointer<UInt64> { table + Int(c) &* words }
}

/// A compact single-word table built per pair: a byte-to-slot map plus one mask per distinct
/// pattern byte. Slot 0 is the empty mask. 776 bytes, so it always lives on the stack (a full
/// 2 KiB table would make `withUnsafeTemporaryAllocation` ask the runtime about stack room).
@usableFromInline
internal struct MappedMasks: MaskLookup {
    @usableFromInline let map: UnsafePointer<UInt8>
    @usableFromInline let masks: UnsafePointer<UInt64>

    @inlinable @inline(__always)
    init(map: UnsafePointer<UInt8>, masks: UnsafePointer<UInt64>) {
        self.map = map
        self.masks = masks
    }

    @inlinable @inline(__always)
    func row(_ c: UInt8) -> UnsafePointer<UInt64> { masks + Int(map[Int(c)]) }

    /// Builds the masks of `pattern` (at most 64 bytes) for lookups of the bytes of `text` and
    /// calls `body` with them. Only map entries of bytes in `pattern` or `text` are written:
    /// O(m + n), no 256-entry clear.
    @inlinable @inline(__always)
    static func with<R>(
        pattern: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, _ body: (MappedMasks) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(byteCount: 256 + 65 * 8, alignment: 8) { raw in
            let base = raw.baseAddress!
            let masks = base.bindMemory(to: UInt64.self, capacity: 65)
            let map = (base + 65 * 8).bindMemory(to: UInt8.self, capacity: 256)
            for c in text { map[Int(c)] = 0 }
            for c in pattern { map[Int(c)] = 0 }
            // Slots 0...m start empty; the loop below is branchless (a data-dependent "new
            // byte?" branch mispredicts on names).
            masks.initialize(repeating: 0, count: pattern.count &+ 1)
            var slots: UInt8 = 0
            var bit: UInt64 = 1
            for c in pattern {
                let old = map[Int(c)]
                slots &+= old == 0 ? 1 : 0
                let slot = old == 0 ? slots : old
                map[Int(c)] = slot
                masks[Int(slot)] |= bit
                bit &<<= 1
            }
            return body(MappedMasks(map: map, masks: masks))
        }
    }
}

/// Pattern-match masks owned by a cached query: `256 × words` words.
@usableFromInline
internal struct PatternTable: Sendable {
    /// Row `c` (all words of byte `c`) starts at `c * words`.
    @usableFromInline let storage: [UInt64]
    /// `max(1, ceil(m / 64))`.
    @usableFromInline let words: Int

    @inlinable
    init(_ pattern: UnsafeBufferPointer<UInt8>) {
        let words = max(1, (pattern.count &+ 63) / 64)
        var storage = [UInt64](repeating: 0, count: 256 * words)
        for (i, c) in pattern.enumerated() {
            storage[Int(c) &* words &+ i / 64] |= 1 &<< UInt64(i % 64)
        }
        self.storage = storage
        self.words = words
    }

    /// Calls `body` with a lookup into this table.
    @inlinable @inline(__always)
    func with<R>(_ body: (DirectMasks) -> R) -> R {
        storage.withUnsafeBufferPointer { body(DirectMasks(table: $0.baseAddress!, words: words)) }
    }

    /// Builds a table for `pattern` in temporary memory and calls `body` with a lookup into it
    /// (the blocked per-pair path, patterns longer than 64 bytes).
    @inlinable
    static func withTemporary<R>(_ pattern: UnsafeBufferPointer<UInt8>, _ body: (DirectMasks) -> R) -> R {
        let words = (pattern.count &+ 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256 &* words) { table in
            let base = table.baseAddress!
            base.initialize(repeating: 0, count: 256 &* words)
            for (i, c) in pattern.enumerated() {
                base[Int(c) &* words &+ i / 64] |= 1 &<< UInt64(i % 64)
            }
            return body(DirectMasks(table: base, words: words))
        }
    }
}

/// A 128-entry table for pairs of ASCII strings: one load per lookup, no byte-to-slot map.
/// 1,024 bytes, the largest temporary allocation that never asks the runtime about stack room.
@usableFromInline
internal struct AsciiMasks: MaskLookup {
    @usableFromInline let table: UnsafePointer<UInt64>

    @inlinable @inline(__always)
    init(table: UnsafePointer<UInt64>) { self.table = table }

    @inlinable @inline(__always)
    func row(_ c: UInt8) -> UnsafePointer<UInt64> { table + Int(c & 0x7F) }
}

/// Per-pair masks for a pattern of at most 64 bytes: ``AsciiMasks`` when both strings are
/// ASCII (identity lists after standardization), else ``MappedMasks``.
@usableFromInline
internal enum PairMasks {
    /// Calls `ascii` or `general` with the masks of `pattern` for lookups of the bytes of `text`.
    /// Only the entries of bytes in `pattern` or `text` are written: O(m + n), no table clear.
    @inlinable @inline(__always)
    static func with<R>(
        pattern: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>,
        ascii: (AsciiMasks) -> R, general: (MappedMasks) -> R
    ) -> R {
        var high: UInt8 = 0
        for c in text { high |= c }
        for c in pattern { high |= c }
        if high >= 0x80 { return MappedMasks.with(pattern: pattern, text: text, general) }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { buffer in
            let table = buffer.baseAddress!
            for c in text { table[Int(c & 0x7F)] = 0 }
            for c in pattern { table[Int(c & 0x7F)] = 0 }
            var bit: UInt64 = 1
            for c in pattern {
                table[Int(c & 0x7F)] |= bit
                bit &<<= 1
            }
            return ascii(AsciiMasks(table: table))
        }
    }
}
