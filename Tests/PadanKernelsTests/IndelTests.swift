import PadanKernels
import Testing

@Suite struct IndelTests {
    @Test(arguments: Corpus.seeds)
    func everyPathMatchesReference(seed: UInt64) {
        let pairs = Corpus.pairs(seed: seed, count: 240) + Corpus.namePairs
        for (a, b) in pairs {
            let expected = Reference.indel(a, b)
            #expect(Indel.distance(a, b) == expected, "\(a) \(b)")
            #expect(Indel.distance(b, a) == expected)
            let cached = CachedIndel(a)
            #expect(b.withUnsafeBufferPointer { cached.distance(to: $0) } == expected)
            for cutoff in [0, 1, 3, expected - 1, expected, expected + 2] where cutoff >= 0 {
                let want = expected <= cutoff ? expected : cutoff + 1
                #expect(Indel.distance(a, b, cutoff: cutoff) == want, "cutoff \(cutoff)")
                #expect(b.withUnsafeBufferPointer { cached.distance(to: $0, cutoff: cutoff) } == want)
            }
        }
    }

    @Test(arguments: Corpus.seeds)
    func batchMatchesReference(seed: UInt64) {
        // Queries of every lane width (1...64 bytes) and the scalar fallback (> 64), candidates
        // of all lengths including > 255 (scalar inside the batch) and empty ones.
        var rng = SplitMix64(seed: seed)
        for queryLength in [0, 1, 5, 8, 9, 16, 17, 31, 32, 33, 64, 65, 130, 300] {
            let alphabet = Corpus.alphabets[queryLength % 3]
            let query = Corpus.string(&rng, alphabet, queryLength ... queryLength)
            var candidates: [[UInt8]] = (0 ..< 45).map { i in
                i % 3 == 0 ? Corpus.mutate(query, &rng, alphabet) : Corpus.string(&rng, alphabet, 0 ... 40)
            }
            candidates.append(Corpus.string(&rng, alphabet, 256 ... 300))
            candidates.append(Corpus.string(&rng, alphabet, 120 ... 255))
            candidates.append(Corpus.mutate(Corpus.string(&rng, alphabet, 120 ... 255), &rng, alphabet))
            candidates.append([])
            let cached = CachedIndel(query)
            let expected = candidates.map { Reference.indel(query, $0) }
            let strings = candidates.map { String(decoding: $0, as: UTF8.self) }
            if candidates.allSatisfy({ String(decoding: $0, as: UTF8.self).utf8.elementsEqual($0) }) {
                #expect(cached.distances(to: strings) == expected)
            }
            for cutoff in [0, 2, 5] {
                var out = [Int](repeating: -1, count: candidates.count)
                withViews(candidates) { views in
                    out.withUnsafeMutableBufferPointer { cached.distances(to: views, cutoff: cutoff, into: $0) }
                }
                #expect(out == expected.map { $0 <= cutoff ? $0 : cutoff + 1 }, "query length \(queryLength)")
            }
        }
    }

    @Test(arguments: Corpus.seeds)
    func longestCommonSubsequenceMatchesReference(seed: UInt64) {
        for (a, b) in Corpus.pairs(seed: seed, count: 120) {
            let s = String(decoding: a, as: UTF8.self), t = String(decoding: b, as: UTF8.self)
            guard s.utf8.elementsEqual(a), t.utf8.elementsEqual(b) else { continue }
            #expect(Indel.longestCommonSubsequence(s, t) == Reference.lcs(a, b))
            #expect(Indel.normalizedSimilarity(s, t) == Reference.ratio(a, b))
        }
    }

    @Test(arguments: Corpus.seeds)
    func matrixMatchesReference(seed: UInt64) {
        let (queries, candidates) = Corpus.matrix(seed: seed)
        let expected = queries.flatMap { q in candidates.map { Reference.indel(q, $0) } }
        #expect(matrix(queries, candidates, initial: -1) { Indel.distanceMatrix($0, $1, into: $2) } == expected)
        let cut = matrix(queries, candidates, initial: -1) { Indel.distanceMatrix($0, $1, cutoff: 4, into: $2) }
        #expect(cut == expected.map { min($0, 5) })
    }

    @Test func examples() {
        #expect(Indel.distance("SITI", "SITTI") == 1)
        #expect(Indel.distance("SOEKARNO", "SUKARNO") == 3)
        #expect(Indel.longestCommonSubsequence("SOEKARNO", "SUKARNO") == 6)
        #expect(abs(Indel.normalizedSimilarity("JOKO", "DJOKO") - 8.0 / 9.0) < 1e-15)
        #expect(Indel.normalizedSimilarity("", "") == 1)
        #expect(CachedIndel("JOKO").distances(to: ["DJOKO", "JOKO"]) == [1, 0])
        #expect(Indel.distanceMatrix(["JOKO", "SITI"], ["DJOKO", "SITTI"]) == [1, 9, 9, 1])
        #expect(CachedIndel("MUHAMMAD RIZKI").distance(to: "MUHAMAD RIZKY") == 3)
    }
}
