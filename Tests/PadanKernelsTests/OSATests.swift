import PadanKernels
import Testing

@Suite struct OSATests {
    @Test(arguments: Corpus.seeds)
    func everyPathMatchesReference(seed: UInt64) {
        let pairs = Corpus.pairs(seed: seed, count: 240) + Corpus.namePairs
        for (a, b) in pairs {
            let expected = Reference.osa(a, b)
            #expect(OSA.distance(a, b) == expected, "\(a) \(b)")
            #expect(OSA.distance(b, a) == expected)
            let cached = CachedOSA(a)
            #expect(b.withUnsafeBufferPointer { cached.distance(to: $0) } == expected)
            for cutoff in [0, 1, 3, expected - 1, expected, expected + 2] where cutoff >= 0 {
                let want = expected <= cutoff ? expected : cutoff + 1
                #expect(OSA.distance(a, b, cutoff: cutoff) == want, "cutoff \(cutoff)")
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
            let cached = CachedOSA(query)
            let expected = candidates.map { Reference.osa(query, $0) }
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
    func matrixMatchesReference(seed: UInt64) {
        let (queries, candidates) = Corpus.matrix(seed: seed)
        let expected = queries.flatMap { q in candidates.map { Reference.osa(q, $0) } }
        #expect(matrix(queries, candidates, initial: -1) { OSA.distanceMatrix($0, $1, into: $2) } == expected)
        let cut = matrix(queries, candidates, initial: -1) { OSA.distanceMatrix($0, $1, cutoff: 4, into: $2) }
        #expect(cut == expected.map { min($0, 5) })
    }

    @Test func examples() {
        #expect(OSA.distance("ANDI", "ADNI") == 1)
        #expect(Levenshtein.distance("ANDI", "ADNI") == 2)
        #expect(OSA.distance("SOEHARTO", "SUHARTO") == 2)
        #expect(OSA.distance("3273014501900001", "3273015401900001") == 1)
        #expect(OSA.normalizedSimilarity("ANDI", "ADNI") == 0.75)
        // No substring edited twice: CA -> ABC needs 3 (true Damerau would give 2).
        #expect(OSA.distance("CA", "ABC") == 3)
        #expect(CachedOSA("MUHAMMAD RIZKI").distance(to: "MUHAMAD RIZIK") == 2)
        #expect(CachedOSA("ANDI").distances(to: ["ADNI", "ANDI"]) == [1, 0])
        #expect(OSA.distanceMatrix(["JOKO", "SITI"], ["DJOKO", "SITTI"]) == [1, 5, 5, 1])
    }
}
