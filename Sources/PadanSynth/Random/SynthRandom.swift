/// The generator's pseudo-random numbers: xoshiro256** (Blackman and Vigna, 2018) seeded through
/// SplitMix64.
///
/// Every draw the generator makes goes through the methods here, never through the standard
/// library's `random(in:)` or `shuffle()`, whose algorithms are not promised to stay the same: the
/// same seed must give the same bytes on every platform and toolchain.
struct SynthRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `seed`, on the independent stream `stream` (one stream per purpose, so that
    /// changing how one part draws does not shift every other part's numbers).
    init(seed: UInt64, stream: UInt64 = 0) {
        var state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0 ..< n` (`n > 0`), by Lemire's multiply-shift (the bias is below 2^-40
    /// for the ranges used here).
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)`.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        p > 0 && unit() < p
    }

    /// A uniformly chosen element of a non-empty collection.
    mutating func element<C: RandomAccessCollection>(_ c: C) -> C.Element where C.Index == Int {
        c[c.startIndex + below(c.count)]
    }

    /// Fisher-Yates shuffle.
    mutating func shuffle<T>(_ a: inout [T]) {
        var i = a.count
        while i > 1 {
            let j = below(i)
            i -= 1
            a.swapAt(i, j)
        }
    }
}

/// Items with integer weights, drawn in proportion to them.
struct Weighted<T: Sendable>: Sendable {
    let items: [T]
    private let cumulative: [Int]

    init(_ pairs: [(T, Int)]) {
        var items: [T] = []
        var cumulative: [Int] = []
        var total = 0
        for (item, weight) in pairs where weight > 0 {
            total += weight
            items.append(item)
            cumulative.append(total)
        }
        precondition(total > 0, "a weighted list needs a positive total weight")
        self.items = items
        self.cumulative = cumulative
    }

    var total: Int { cumulative.last! }

    func pick(_ rng: inout SynthRandom) -> T {
        items[pickIndex(&rng)]
    }

    func pickIndex(_ rng: inout SynthRandom) -> Int {
        let r = rng.below(total)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cumulative[mid] > r { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
