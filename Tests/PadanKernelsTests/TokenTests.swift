import PadanKernels
import Testing

@Suite struct TokenTests {
    static func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-12 }

    /// Random token strings from a small vocabulary (so tokens repeat and overlap), with runs of
    /// spaces at the ends and between tokens.
    static func tokenPairs(seed: UInt64, count: Int) -> [([UInt8], [UInt8])] {
        var rng = SplitMix64(seed: seed)
        let vocabulary = ["SITI", "AMINAH", "MUHAMMAD", "MUHAMAD", "RIZKI", "RIZKY", "NUR", "A", "AB", "BA", "SRI", "DEWI"]
        func name() -> [UInt8] {
            var out: [UInt8] = []
            for _ in 0 ..< Int.random(in: 0 ... 5, using: &rng) {
                out += Array(repeating: 0x20, count: Int.random(in: 0 ... 2, using: &rng))
                out += Array(vocabulary[Int.random(in: 0 ..< vocabulary.count, using: &rng)].utf8)
                out.append(0x20)
            }
            if Bool.random(using: &rng) && !out.isEmpty { out.removeLast() }
            return out
        }
        return (0 ..< count).map { _ in (name(), name()) }
    }

    @Test(arguments: Corpus.seeds)
    func matchesReference(seed: UInt64) {
        let pairs = Self.tokenPairs(seed: seed, count: 150) + Corpus.namePairs
            + Corpus.pairs(seed: seed, count: 40).map { ($0.0.map { $0 % 4 == 0 ? 0x20 : $0 }, $0.1.map { $0 % 4 == 0 ? 0x20 : $0 }) }
        for (a, b) in pairs {
            let got = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in
                (TokenRatio.sortRatio(x, y), TokenRatio.setRatio(x, y), TokenJaccard.similarity(x, y),
                 MongeElkan.similarity(x, y), MongeElkan.similarity(x, y, inner: { Levenshtein.normalizedSimilarity($0, $1) }),
                 MongeElkan.symmetricSimilarity(x, y))
            } }
            #expect(Self.close(got.0, Reference.tokenSortRatio(a, b)), "\(String(decoding: a, as: UTF8.self)) | \(String(decoding: b, as: UTF8.self))")
            #expect(Self.close(got.1, Reference.tokenSetRatio(a, b)), "\(String(decoding: a, as: UTF8.self)) | \(String(decoding: b, as: UTF8.self))")
            #expect(Self.close(got.2, Reference.tokenJaccard(a, b)))
            #expect(Self.close(got.3, Reference.mongeElkan(a, b, inner: { Reference.jaroWinkler($0, $1) })))
            #expect(Self.close(got.4, Reference.mongeElkan(a, b, inner: { Reference.similarity(Reference.levenshtein($0, $1), max($0.count, $1.count)) })))
            let symmetric = (Reference.mongeElkan(a, b, inner: { Reference.jaroWinkler($0, $1) }) + Reference.mongeElkan(b, a, inner: { Reference.jaroWinkler($0, $1) })) / 2
            #expect(Self.close(got.5, symmetric))
        }
    }

    @Test func examples() {
        #expect(TokenRatio.sortRatio("SITI AMINAH", "AMINAH SITI") == 1)
        #expect(TokenRatio.setRatio("MUHAMMAD RIZKI", "RIZKI MUHAMMAD S") == 1)
        #expect(TokenRatio.setRatio("SITI AMINAH", "AMINAH SITI NURHALIZA") == 1)
        #expect(TokenRatio.sortRatio("", "") == 1 && TokenRatio.setRatio("  ", "") == 1)
        #expect(TokenRatio.setRatio("SITI", "") == 0)
        #expect(TokenJaccard.similarity("SITI AMINAH", "AMINAH SITI") == 1)
        #expect(Self.close(TokenJaccard.similarity("MUHAMMAD RIZKI", "MOCH RIZKI"), 1.0 / 3.0))
        #expect(TokenJaccard.similarity("SITI AMINAH", "SITI") == 0.5)
        #expect(MongeElkan.similarity("SITI AMINAH", "AMINAH SITI") == 1)
        #expect(MongeElkan.similarity("SITI", "SITI AMINAH") == 1)
        #expect(MongeElkan.symmetricSimilarity("SITI", "SITI AMINAH") < 1)
    }
}
