/// A multimap from 64-bit keys to record numbers without an array per key: one dictionary of
/// chain heads and one array of links.
struct ChainedIndex {
    private var head: [UInt64: UInt32] = [:]
    private var next: [UInt32] = []
    private var value: [UInt32] = []

    mutating func reserve(_ n: Int) {
        head.reserveCapacity(n)
        next.reserveCapacity(n)
        value.reserveCapacity(n)
    }

    mutating func insert(_ key: UInt64, _ v: UInt32) {
        let slot = UInt32(value.count)
        value.append(v)
        next.append(head[key] ?? UInt32.max)
        head[key] = slot
    }

    func forEach(_ key: UInt64, _ body: (UInt32) -> Void) {
        var slot = head[key] ?? UInt32.max
        while slot != UInt32.max {
            body(value[Int(slot)])
            slot = next[Int(slot)]
        }
    }
}
