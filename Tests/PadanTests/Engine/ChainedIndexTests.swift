import Testing
@testable import Padan

/// The open-addressing multimap against a dictionary of arrays: the same values for every key,
/// newest first, through growth, with key 0, with keys that share their high bits (which land in
/// one bucket run) and keys never inserted.
@Suite struct ChainedIndexTests {
    @Test(arguments: [0, 3, 1_000, 20_000])
    func agreesWithADictionaryOfArrays(reserved: Int) {
        var rng = SplitMix64(seed: 77)
        var index = ChainedIndex()
        if reserved > 0 { index.reserve(reserved) }
        var reference: [UInt64: [UInt32]] = [:]
        var keys: [UInt64] = [0, 1, .max]
        // Keys equal in their top 20 bits probe one run of buckets.
        for k in 0 ..< 50 { keys.append(0xABCDE << 44 | UInt64(k)) }
        for _ in 0 ..< 2_000 { keys.append(rng.next()) }
        for v in 0 ..< 15_000 {
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            index.insert(key, UInt32(v))
            reference[key, default: []].append(UInt32(v))
        }
        for key in keys + [2, 0xABCDE << 44 | 999, rng.next()] {
            var found: [UInt32] = []
            index.forEach(key) { found.append($0) }
            #expect(found == Array((reference[key] ?? []).reversed()), "key \(key)")
        }
    }

    @Test func anEmptyIndexHasNothing() {
        let index = ChainedIndex()
        var found = 0
        index.forEach(42) { _ in found += 1 }
        #expect(found == 0)
    }
}
