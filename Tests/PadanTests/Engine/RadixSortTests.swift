import Testing
@testable import Padan

@Suite struct RadixSortTests {
    /// Radix sort gives exactly the (key, record) order of a comparison sort, on keys with many
    /// repeats, on keys differing only in high bytes, and on the empty and one-element cases.
    @Test(arguments: [0, 1, 2, 3, 4])
    func agreesWithAComparisonSort(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let n = seed == 0 ? 0 : seed == 1 ? 1 : 5000
        let shape = seed % 3
        var keys = (0 ..< n).map { _ -> UInt64 in
            let r = rng.next()
            switch shape {
            case 0: return r % 97                 // many repeats, low byte only
            case 1: return (r % 50) << 56         // only the high byte varies
            default: return r
            }
        }
        var records = (0 ..< UInt32(n)).map { $0 }
        let expected = zip(keys, records).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        RadixSort.sort(keys: &keys, records: &records)
        #expect(keys == expected.map(\.0))
        #expect(records == expected.map(\.1))
    }
}
