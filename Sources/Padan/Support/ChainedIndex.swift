/// A multimap from 64-bit keys to record numbers without an array per key: an open-addressing
/// table of chain heads and one array of links.
///
/// The table probes linearly from a multiplicative hash of the key (Fibonacci hashing): a
/// `[UInt64: UInt32]` dictionary spent most of the NIK neighbourhoods' time hashing keys that are
/// already hashes. A byte per bucket (empty, or 7 bits of the key) is probed first, so a lookup
/// that finds nothing, the common case there, reads a table small enough to stay in cache and
/// never the keys. Values of one key come back newest first.
struct ChainedIndex {
    /// The table: each bucket's tag (0: empty; else ``tag(_:)`` of its key), key, and its
    /// chain's newest slot + 1.
    private var tags: [UInt8] = []
    private var keys: [UInt64] = []
    private var heads: [UInt32] = []
    /// log2 of the table size (0 before the first insert).
    private var bits = 0
    private var used = 0
    private var next: [UInt32] = []
    private var value: [UInt32] = []

    /// Makes room for `n` values (of as many keys) without growing.
    mutating func reserve(_ n: Int) {
        next.reserveCapacity(n)
        value.reserveCapacity(n)
        var wanted = 4
        while (1 << wanted) < 2 * max(n, 1) { wanted += 1 }
        if wanted > bits { rehash(bits: wanted) }
    }

    /// A key's tag: its top 7 bits with the high bit set (never 0).
    @inline(__always)
    private static func tag(_ key: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: key >> 57) | 0x80 }

    @inline(__always)
    private func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private mutating func rehash(bits newBits: Int) {
        let oldTags = tags, oldKeys = keys, oldHeads = heads
        bits = newBits
        tags = [UInt8](repeating: 0, count: 1 << newBits)
        keys = [UInt64](repeating: 0, count: 1 << newBits)
        heads = [UInt32](repeating: 0, count: 1 << newBits)
        let mask = (1 << newBits) - 1
        for i in oldTags.indices where oldTags[i] != 0 {
            var b = bucket(oldKeys[i])
            while tags[b] != 0 { b = (b + 1) & mask }
            tags[b] = oldTags[i]
            keys[b] = oldKeys[i]
            heads[b] = oldHeads[i]
        }
    }

    mutating func insert(_ key: UInt64, _ v: UInt32) {
        if bits == 0 || 2 * (used + 1) > (1 << bits) { rehash(bits: max(4, bits + 1)) }
        let mask = (1 << bits) - 1, t = Self.tag(key)
        var b = bucket(key)
        while tags[b] != 0 && (tags[b] != t || keys[b] != key) { b = (b + 1) & mask }
        let slot = UInt32(value.count)
        value.append(v)
        if tags[b] == 0 {
            tags[b] = t
            keys[b] = key
            used += 1
            next.append(UInt32.max)
        } else {
            next.append(heads[b] - 1)
        }
        heads[b] = slot + 1
    }

    func forEach(_ key: UInt64, _ body: (UInt32) -> Void) {
        guard bits > 0 else { return }
        let mask = (1 << bits) - 1, t = Self.tag(key)
        var b = bucket(key)
        while tags[b] != 0 {
            if tags[b] == t && keys[b] == key {
                var slot = heads[b] - 1
                while slot != UInt32.max {
                    body(value[Int(slot)])
                    slot = next[Int(slot)]
                }
                return
            }
            b = (b + 1) & mask
        }
    }
}
