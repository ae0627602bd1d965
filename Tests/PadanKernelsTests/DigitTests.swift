import PadanKernels
import Testing

@Suite struct DigitTests {
    /// Random NIK-like pairs: 16 digits, then a typo, a swap, a zeroed tail, or an unrelated NIK.
    static func nikPairs(seed: UInt64, count: Int) -> [([UInt8], [UInt8])] {
        var rng = SplitMix64(seed: seed)
        let digits = Array("0123456789".utf8)
        return (0 ..< count).map { i in
            let a = Corpus.string(&rng, digits, 16 ... 16)
            var b = a
            switch i % 6 {
            case 0: b[Int.random(in: 0 ..< 16, using: &rng)] = digits[Int.random(in: 0 ..< 10, using: &rng)]
            case 1:
                let k = Int.random(in: 0 ..< 15, using: &rng)
                b.swapAt(k, k + 1)
            case 2:
                for k in (16 - Int.random(in: 1 ... 5, using: &rng)) ..< 16 { b[k] = UInt8(ascii: "0") }
            case 3: b = Corpus.string(&rng, digits, 16 ... 16)
            case 4: b = Corpus.mutate(a, &rng, digits)
            default: b = Corpus.string(&rng, Array("01".utf8), 0 ... 70)
            }
            return i % 2 == 0 ? (a, b) : (b, a)
        }
    }

    @Test(arguments: Corpus.seeds)
    func matchesReference(seed: UInt64) {
        for (a, b) in Self.nikPairs(seed: seed, count: 300) + Corpus.pairs(seed: seed, count: 60) + Corpus.namePairs {
            let got = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in
                (Hamming.distance(a, b), DigitString.transpositionDistance(a, b), DigitString.zeroedTailLength(a, b),
                 DigitString.differenceMask(a, b), Hamming.normalizedSimilarity(a, b))
            } }
            #expect(got.0 == Reference.hamming(a, b), "\(a) \(b)")
            #expect(got.1 == Reference.hammingWithTranspositions(a, b))
            #expect(got.2 == Reference.zeroedTail(a, b))
            #expect(got.3 == Reference.differenceMask(a, b))
            #expect(got.4 == Reference.similarity(Reference.hamming(a, b), max(a.count, b.count)))
            if a.count == b.count {
                // OSA on equal-length digit strings can only be cheaper (it may also insert/delete).
                #expect(OSA.distance(a, b) <= got.1!)
            }
        }
    }

    @Test func examples() {
        #expect(Hamming.distance("3273014501900001", "3273014501900010") == 2)
        #expect(DigitString.transpositionDistance("3273014501900001", "3273014501900010") == 1)
        #expect(DigitString.transpositionDistance("3273014501900001", "3273015401900001") == 1)
        #expect(DigitString.transpositionDistance("1", "12") == nil)
        #expect(DigitString.zeroedTailLength("3273014501900123", "3273014501900000") == 3)
        #expect(DigitString.zeroedTailLength("3273014501900001", "3273014501900000") == 1)
        #expect(DigitString.zeroedTailLength("3273014501900001", "3273014501900002") == nil)
        #expect(DigitString.zeroedTailLength("3273014501900001", "3273014501900001") == nil)
        #expect(DigitString.differenceMask("3273014501900001", "3273014501900002") == 0x8000)
        let birth = DigitString.differenceMask("3273014501900001", "3273015401900001")
        #expect(birth & ~DigitString.nikBirthDate == 0 && birth != 0)
        let region = DigitString.differenceMask("3273014501900001", "3271014501900001")
        #expect(region & ~DigitString.nikRegion == 0 && region != 0)
        #expect(Hamming.normalizedSimilarity("3273014501900001", "3273014501900002") == 0.9375)
    }
}
