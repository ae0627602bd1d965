/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every property test is
/// reproducible from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Corpus {
    /// Seeds for the property tests.
    static let seeds: [UInt64] = [1, 2, 3, 0xC0FFEE]

    /// Alphabets from tiny (long runs of matches, interesting distances) to all 256 bytes.
    static let alphabets: [[UInt8]] = [
        [65, 66], Array("ACGT".utf8), Array("AEIKMNRSTU ".utf8), Array(0 ... 255),
    ]

    /// A random string over `alphabet` with length in `lengths`.
    static func string(_ rng: inout SplitMix64, _ alphabet: [UInt8], _ lengths: ClosedRange<Int>) -> [UInt8] {
        let n = Int.random(in: lengths, using: &rng)
        return (0 ..< n).map { _ in alphabet[Int.random(in: 0 ..< alphabet.count, using: &rng)] }
    }

    /// `s` with a few random edits (so pairs are similar as in real data, not only random).
    static func mutate(_ s: [UInt8], _ rng: inout SplitMix64, _ alphabet: [UInt8]) -> [UInt8] {
        var s = s
        for _ in 0 ..< Int.random(in: 0 ... 4, using: &rng) {
            let c = alphabet[Int.random(in: 0 ..< alphabet.count, using: &rng)]
            switch Int.random(in: 0 ..< 4, using: &rng) {
            case 0: s.insert(c, at: Int.random(in: 0 ... s.count, using: &rng))
            case 1 where !s.isEmpty: s.remove(at: Int.random(in: 0 ..< s.count, using: &rng))
            case 2 where !s.isEmpty: s[Int.random(in: 0 ..< s.count, using: &rng)] = c
            case 3 where s.count >= 2:
                let i = Int.random(in: 0 ..< s.count - 1, using: &rng)
                s.swapAt(i, i + 1)
            default: break
            }
        }
        return s
    }

    /// Random pairs for one seed: lengths 0...200, half of them random, half near-duplicates.
    /// Lengths cluster around the 64-byte word boundary too, where single- and multi-word paths meet.
    static func pairs(seed: UInt64, count: Int) -> [([UInt8], [UInt8])] {
        var rng = SplitMix64(seed: seed)
        var out: [([UInt8], [UInt8])] = []
        let ranges: [ClosedRange<Int>] = [0 ... 8, 0 ... 20, 0 ... 64, 55 ... 75, 0 ... 200, 120 ... 200]
        for i in 0 ..< count {
            let alphabet = alphabets[i % alphabets.count]
            let range = ranges[(i / alphabets.count) % ranges.count]
            let a = string(&rng, alphabet, range)
            let b = i % 2 == 0 ? string(&rng, alphabet, range) : mutate(a, &rng, alphabet)
            out.append((a, b))
        }
        return out
    }

    /// Real Indonesian name pairs: old and new spelling (oe/u, dj/j, tj/c, ch/kh), abbreviations,
    /// swapped tokens, dropped tokens, typos.
    static let names: [(String, String)] = [
        ("SOEKARNO", "SUKARNO"), ("DJOKO", "JOKO"), ("MUHAMMAD RIZKI", "MOCH RIZKY"),
        ("SITI AMINAH", "AMINAH SITI"), ("SOEHARTO", "SUHARTO"), ("TJAHJO KUMOLO", "CAHYO KUMOLO"),
        ("DJOKO WIDODO", "JOKO WIDODO"), ("MOHAMMAD HATTA", "MUHAMAD HATA"), ("NUR HIDAYAT", "NURHIDAYAT"),
        ("SRI RAHAYU", "SRI RAHAJU"), ("AGUS SETIAWAN", "AGUS SETYAWAN"), ("DEWI LESTARI", "DEWI LESTARY"),
        ("KHOIRUL ANAM", "CHOIRUL ANAM"), ("MUHAMMAD", "MUHAMAD"), ("MUHAMMAD", "MOHAMMAD"), ("M. RIZKI", "MUHAMMAD RIZKI"),
        ("SITI NURHALIZA", "SITI NUR HALIZA"), ("YULIANTI", "JULIANTI"), ("ASEP SAEPUDIN", "ASEP SAIFUDIN"),
        ("I GUSTI AYU PUTU", "I GUSTI AYU"), ("RADEN AJENG KARTINI", "KARTINI"), ("SITI", "SITTI"),
        ("", ""), ("", "BUDI"), ("BUDI SANTOSO", "BUDI SANTOSO"), ("ANDI", "ADNI"), ("EKO", "EKO PRASETYO"),
        ("MUHAMMAD RIZKI SAPUTRA BIN ABDULLAH SYAMSUDDIN AL BANJARI KALIMANTAN", "MUHAMAD RIZKY SAPUTRA BIN ABDULAH SYAMSUDIN AL BANJARI KALIMANTAN SELATAN"),
        ("3273014501900001", "3273014501900010"), ("3273014501900001", "3273014501900000"),
    ]

    /// The name pairs as bytes.
    static var namePairs: [([UInt8], [UInt8])] { names.map { (Array($0.utf8), Array($1.utf8)) } }
}

extension Corpus {
    /// Queries and candidates for the many-against-many forms: every lane class of query length
    /// (0, ≤ 8, ≤ 16, ≤ 32, ≤ 64, longer), near-duplicates among candidates, and candidates
    /// longer than the Jaro–Winkler lanes take (> 255).
    static func matrix(seed: UInt64) -> (queries: [[UInt8]], candidates: [[UInt8]]) {
        var rng = SplitMix64(seed: seed)
        let alphabet = alphabets[Int(seed % 3)]
        var queries: [[UInt8]] = [[]]
        for range in [1 ... 8, 9 ... 16, 17 ... 32, 33 ... 64, 65 ... 90] {
            for _ in 0 ..< 19 { queries.append(string(&rng, alphabet, range)) }
        }
        var candidates = (0 ..< 30).map { i in
            i % 3 == 0 ? mutate(queries[Int.random(in: 0 ..< queries.count, using: &rng)], &rng, alphabet) : string(&rng, alphabet, 0 ... 70)
        }
        candidates.append(string(&rng, alphabet, 256 ... 300))
        candidates.append([])
        return (queries, candidates)
    }
}

/// Runs a row-major matrix function on packed queries and candidates.
func matrix<R>(_ queries: [[UInt8]], _ candidates: [[UInt8]], initial: R,
               _ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, UnsafeMutableBufferPointer<R>) -> Void) -> [R] {
    var out = [R](repeating: initial, count: queries.count * candidates.count)
    withViews(queries) { q in withViews(candidates) { c in out.withUnsafeMutableBufferPointer { body(q, c, $0) } } }
    return out
}
