/// A multimap from 64-bit keys to record numbers without an array per key: an open-addressing
/// table of chain heads and one array of links.
///
/// The table probes linearly from a multiplicative hash of the key (Fibonacci hashing), so a
/// lookup is one multiply and, at a load of at most one half, about one cache line; a `[UInt64:
/// UInt32]` dictionary spent most of the NIK neighbourhoods' time hashing keys that are already
/// hashes. Values of one key come back newest first.
struct ChainedIndex {
    /// The table: each bucket's key and its chain's newest slot + 1 (0: the bucket is empty).
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

    @inline(__always)
    private func bucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private mutating func rehash(bits newBits: Int) {
        let oldKeys = keys, oldHeads = heads
        bits = newBits
        keys = [UInt64](repeating: 0, count: 1 << newBits)
        heads = [UInt32](repeating: 0, count: 1 << newBits)
        let mask = (1 << newBits) - 1
        for i in oldHeads.indices where oldHeads[i] != 0 {
            var b = bucket(oldKeys[i])
            while heads[b] != 0 { b = (b + 1) & mask }
            keys[b] = oldKeys[i]
            heads[b] = oldHeads[i]
        }
    }

    mutating func insert(_ key: UInt64, _ v: UInt32) {
        if bits == 0 || 2 * (used + 1) > (1 << bits) { rehash(bits: max(4, bits + 1)) }
        let mask = (1 << bits) - 1
        var b = bucket(key)
        while heads[b] != 0 && keys[b] != key { b = (b + 1) & mask }
        let slot = UInt32(value.count)
        value.append(v)
        if heads[b] == 0 {
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
        let mask = (1 << bits) - 1
        var b = bucket(key)
        while heads[b] != 0 {
            if keys[b] == key {
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
