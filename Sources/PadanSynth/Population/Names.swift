/// Given names with the skew of real Indonesian (mostly Sundanese, West Java) names.
///
/// A name is up to four interned tokens (`-1` marks an unused slot). The share of one-word names,
/// of names that begin with MUHAMMAD, SITI, NUR, SRI, DEWI and the like, and of three-word names
/// depend on sex and on whether the person was born before 1975: older Sundanese and Javanese
/// people often carry one name (SUPARMAN, EUIS), younger ones two or three (MUHAMMAD RIZKI PRATAMA).
enum Names {
    typealias Tokens = SIMD4<Int32>
    static let none: Tokens = [-1, -1, -1, -1]

    static func count(_ name: Tokens) -> Int {
        var n = 0
        for i in 0 ..< 4 where name[i] >= 0 { n += 1 }
        return n
    }

    static func make(sex: UInt8, birthYear: Int, _ rng: inout SynthRandom, _ c: Corpora) -> Tokens {
        let s = Int(sex) - 1
        let era = birthYear < 1975 ? 0 : 1
        // Shares of one-, two- and three-word names, and of names that start with a prefix token.
        let oneWord: Double, twoWords: Double, prefixShare: Double
        switch (sex, era) {
        case (1, 0): (oneWord, twoWords, prefixShare) = (0.45, 0.40, 0.18)
        case (1, _): (oneWord, twoWords, prefixShare) = (0.12, 0.50, 0.26)
        case (_, 0): (oneWord, twoWords, prefixShare) = (0.45, 0.45, 0.32)
        default: (oneWord, twoWords, prefixShare) = (0.12, 0.55, 0.22)
        }
        let u = rng.unit()
        let words = u < oneWord ? 1 : (u < oneWord + twoWords ? 2 : 3)
        var name = none
        var n = 0
        func add(_ t: Int32) {
            for i in 0 ..< n where name[i] == t { return }
            name[n] = t
            n += 1
        }
        if words >= 2 && rng.chance(prefixShare) {
            let p = c.prefixes[s].pick(&rng)
            add(p)
            if p == c.abdul { add(c.afterAbdul.pick(&rng)) }
        }
        var guardCount = 0
        while n < words && guardCount < 12 {
            guardCount += 1
            if n == 0 || (n == 1 && rng.chance(0.35)) {
                add(c.given[s][era].pick(&rng))
            } else {
                add(c.second[s].pick(&rng))
            }
        }
        if n == 0 { add(c.given[s][era].pick(&rng)) }
        return name
    }
}
