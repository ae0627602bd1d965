import PadanKernels
import Testing

@Suite struct JaroTests {
    static func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-12 }

    @Test(arguments: Corpus.seeds)
    func everyPathMatchesReference(seed: UInt64) {
        for (a, b) in Corpus.pairs(seed: seed, count: 240) + Corpus.namePairs {
            let jaro = Reference.jaro(a, b), jw = Reference.jaroWinkler(a, b)
            let (pa, pb) = (a, b)
            let got = pa.withUnsafeBufferPointer { a in pb.withUnsafeBufferPointer { b in
                (Jaro.similarity(a, b), Jaro.similarity(b, a), JaroWinkler.similarity(a, b), JaroWinkler.similarity(b, a))
            } }
            #expect(Self.close(got.0, jaro), "\(a) \(b)")
            #expect(Self.close(got.1, jaro))
            #expect(Self.close(got.2, jw))
            #expect(Self.close(got.3, jw))
            let cached = CachedJaroWinkler(a)
            let c = pb.withUnsafeBufferPointer { (cached.jaroSimilarity(to: $0), cached.similarity(to: $0)) }
            #expect(Self.close(c.0, jaro))
            #expect(Self.close(c.1, jw))
            let weighted = CachedJaroWinkler(a, prefixWeight: 0.2)
            #expect(Self.close(pb.withUnsafeBufferPointer { weighted.similarity(to: $0) }, Reference.jaroWinkler(a, b, prefixWeight: 0.2)))
        }
    }

    @Test(arguments: Corpus.seeds)
    func batchMatchesReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for queryLength in [0, 1, 5, 8, 9, 16, 17, 31, 32, 33, 64, 65, 130, 300] {
            let alphabet = Corpus.alphabets[queryLength % 3]
            let query = Corpus.string(&rng, alphabet, queryLength ... queryLength)
            var candidates: [[UInt8]] = (0 ..< 45).map { i in
                i % 3 == 0 ? Corpus.mutate(query, &rng, alphabet) : Corpus.string(&rng, alphabet, 0 ... 70)
            }
            candidates.append([])
            candidates.append(Corpus.string(&rng, alphabet, 120 ... 300))
            candidates.append(Corpus.mutate(Corpus.string(&rng, alphabet, 120 ... 255), &rng, alphabet))
            let cached = CachedJaroWinkler(query)
            var out = [Double](repeating: -1, count: candidates.count)
            withViews(candidates) { views in
                out.withUnsafeMutableBufferPointer { cached.similarities(to: views, into: $0) }
            }
            for (i, candidate) in candidates.enumerated() {
                #expect(Self.close(out[i], Reference.jaroWinkler(query, candidate)), "query \(query) candidate \(candidate)")
            }
        }
    }

    @Test(arguments: Corpus.seeds)
    func matrixMatchesReference(seed: UInt64) {
        let (queries, candidates) = Corpus.matrix(seed: seed)
        let got = matrix(queries, candidates, initial: -1.0) { JaroWinkler.similarityMatrix($0, $1, into: $2) }
        for (q, query) in queries.enumerated() {
            for (c, candidate) in candidates.enumerated() {
                #expect(Self.close(got[q * candidates.count + c], Reference.jaroWinkler(query, candidate)), "\(query) \(candidate)")
            }
        }
        #expect(JaroWinkler.similarityMatrix(["JOKO"], ["DJOKO", "JOKO"]) == [JaroWinkler.similarity("JOKO", "DJOKO"), 1])
    }

    @Test func examples() {
        #expect(Self.close(Jaro.similarity("MARTHA", "MARHTA"), 17.0 / 18.0))
        #expect(Self.close(JaroWinkler.similarity("MARTHA", "MARHTA"), 0.961111111111111))
        #expect(Self.close(Jaro.similarity("DIXON", "DICKSONX"), 0.7666666666666666))
        #expect(JaroWinkler.similarity("", "") == 1)
        #expect(Self.close(JaroWinkler.similarity("SOEKARNO", "SUKARNO"), 0.8821428571428571))
        #expect(JaroWinkler.similarity("", "SITI") == 0)
        #expect(CachedJaroWinkler("MARTHA").similarity(to: "MARHTA") == JaroWinkler.similarity("MARTHA", "MARHTA"))
    }
}
