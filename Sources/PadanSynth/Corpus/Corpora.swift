import Foundation

/// The name, place and region lists, parsed once from the embedded copies of `corpora/`.
///
/// Name tokens are interned: a name is a few `Int32` token numbers, and each token's bytes are
/// stored once, so a million generated people cost no string per person.
struct Corpora: Sendable {
    struct Regency: Sendable {
        let code: Int          // 4 digits, Kemendagri (province 2 + regency 2)
        let name: String       // "Bandung"
        let isCity: Bool       // KOTA rather than KABUPATEN
        let isHome: Bool       // people live there (otherwise only NIKs were issued there)
        let population: Int    // thousands, a sampling weight
        var districts: [Int] = []
    }
    struct District: Sendable {
        let code: Int          // 6 digits
        let name: String
        let regency: Int       // index into regencies
        var villages: [Int] = []
    }
    struct Village: Sendable {
        let code: Int          // 10 digits
        let name: String
        let district: Int      // index into districts
        /// Kelurahan (urban, code 1xxx) rather than desa (rural, 2xxx).
        var isUrban: Bool { (code / 1000) % 10 == 1 }
    }
    struct Title: Sendable {
        let token: Int32
        let isPrefix: Bool
        let sex: UInt8          // 0 any, 1 male, 2 female
        let minimumAge: Int
    }
    struct BirthPlace: Sendable {
        let token: Int32
        let regency: Int        // regency code, or 0 for elsewhere
    }

    /// Interned tokens' bytes (UTF-8, upper case).
    private(set) var tokens: [[UInt8]] = []
    private var tokenIndex: [String: Int32] = [:]

    var prefixes: [Weighted<Int32>] = []          // by sex - 1
    var given: [[Weighted<Int32>]] = []           // [sex - 1][era]: era 0 born before 1975, 1 after
    var second: [Weighted<Int32>] = []            // by sex - 1
    var afterAbdul: Weighted<Int32>! = nil
    var titles: Weighted<Title>! = nil
    /// For each token in a spelling-variant group, the group's tokens.
    var variantGroup: [Int32: [Int32]] = [:]
    /// The MUHAMMAD family, including abbreviations written by offices.
    var muhammad: [Int32] = []
    var muhammadSet: Set<Int32> = []
    var prefixSet: Set<Int32> = []
    var abdul: Int32 = 0
    var birthPlaces: Weighted<BirthPlace>! = nil
    /// For each token, its pre-1972 spelling when one of the reform's rules applies.
    var oldSpelling: [[UInt8]?] = []
    /// Birth places (indexes) that lie in a regency, by regency code.
    var birthPlacesByRegency: [Int: [Int]] = [:]
    var streets: [Int32] = []
    var kampung: [Int32] = []
    var regencies: [Regency] = []
    var districts: [District] = []
    var villages: [Village] = []
    /// Home regencies (indexes) weighted by population.
    var homeRegencies: Weighted<Int>! = nil
    /// Regencies where people are not counted as living but whose NIKs occur (migrants).
    var originRegencies: [Int] = []

    static let shared = Corpora()

    private init() {
        for (sexIndex, sexCode) in ["M", "F"].enumerated() {
            var pairs: [(Int32, Int)] = []
            for fields in Self.lines(EmbeddedCorpora.prefixes) where fields[0] == sexCode {
                let t = intern(fields[1])
                pairs.append((t, Int(fields[2])!))
                prefixSet.insert(t)
            }
            prefixes.append(Weighted(pairs))
            _ = sexIndex
        }
        given = [
            [weighted(EmbeddedCorpora.maleOld), weighted(EmbeddedCorpora.maleYoung)],
            [weighted(EmbeddedCorpora.femaleOld), weighted(EmbeddedCorpora.femaleYoung)],
        ]
        second = [weighted(EmbeddedCorpora.maleSecond), weighted(EmbeddedCorpora.femaleSecond)]
        afterAbdul = weighted(EmbeddedCorpora.arabicAfterAbdul)
        abdul = intern("ABDUL")
        var titlePairs: [(Title, Int)] = []
        for f in Self.lines(EmbeddedCorpora.titles) {
            let sex: UInt8 = f[2] == "M" ? 1 : (f[2] == "F" ? 2 : 0)
            titlePairs.append((Title(token: intern(f[1]), isPrefix: f[0] == "prefix", sex: sex,
                                     minimumAge: Int(f[3])!), Int(f[4])!))
        }
        titles = Weighted(titlePairs)
        for f in Self.lines(EmbeddedCorpora.variants, separator: " ") {
            let group = f.map { intern($0) }
            for t in group { variantGroup[t] = group }
        }
        muhammad = ["MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD", "MOCHAMAD", "MOCHAMMAD", "MUHAMMED",
                    "MUCHAMAD", "MOH.", "MUH.", "MOCH.", "MHD.", "M."].map { intern($0) }
        muhammadSet = Set(muhammad)
        birthPlaces = Weighted(Self.lines(EmbeddedCorpora.birthplaces).map { f in
            (BirthPlace(token: intern(f[0]), regency: f[2] == "-" ? 0 : Int(f[2])!), Int(f[1])!)
        })
        for (i, place) in birthPlaces.items.enumerated() where place.regency != 0 {
            birthPlacesByRegency[place.regency, default: []].append(i)
        }
        streets = Self.lines(EmbeddedCorpora.streets).map { intern($0[0]) }
        kampung = Self.lines(EmbeddedCorpora.kampung).map { intern($0[0]) }

        var regencyByCode: [Int: Int] = [:]
        for f in Self.lines(EmbeddedCorpora.regencies, separator: ",").dropFirst() {
            regencyByCode[Int(f[0])!] = regencies.count
            regencies.append(Regency(code: Int(f[0])!, name: f[1], isCity: f[2] == "KOTA",
                                     isHome: f[3] == "home", population: Int(f[4])!))
        }
        var districtByCode: [Int: Int] = [:]
        for f in Self.lines(EmbeddedCorpora.districts, separator: ",").dropFirst() {
            let code = Int(f[0])!
            let r = regencyByCode[code / 100]!
            districtByCode[code] = districts.count
            regencies[r].districts.append(districts.count)
            districts.append(District(code: code, name: f[1], regency: r))
        }
        for f in Self.lines(EmbeddedCorpora.villages, separator: ",").dropFirst() {
            let code = Int(f[0])!
            let d = districtByCode[code / 10_000]!
            districts[d].villages.append(villages.count)
            villages.append(Village(code: code, name: f[1], district: d))
        }
        homeRegencies = Weighted(regencies.indices.filter { regencies[$0].isHome }
            .map { ($0, regencies[$0].population) })
        originRegencies = regencies.indices.filter { !regencies[$0].isHome }
        oldSpelling = tokens.map(RowRenderer.oldSpelling)
    }

    /// The token number of `text` (upper-cased), adding it when new.
    mutating func intern(_ text: String) -> Int32 {
        let upper = text.uppercased()
        if let t = tokenIndex[upper] { return t }
        let t = Int32(tokens.count)
        tokens.append(Array(upper.utf8))
        tokenIndex[upper] = t
        return t
    }

    /// The token number of `text`, if it is a known token.
    func token(_ text: String) -> Int32? { tokenIndex[text.uppercased()] }

    private mutating func weighted(_ text: String) -> Weighted<Int32> {
        var merged: [Int32: Int] = [:]
        var order: [Int32] = []
        for f in Self.lines(text) {
            let t = intern(f[0])
            if merged[t] == nil { order.append(t) }
            merged[t, default: 0] += Int(f[1])!
        }
        return Weighted(order.map { ($0, merged[$0]!) })
    }

    /// The non-comment, non-blank lines of `text`, split on `separator` (runs of tabs or spaces
    /// count as one separator; commas do not).
    static func lines(_ text: String, separator: Character = "\t") -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            return trimmed.split(separator: separator, omittingEmptySubsequences: separator != ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
    }
}
