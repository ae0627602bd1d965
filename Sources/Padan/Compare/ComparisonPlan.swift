/// A ``Comparison`` compiled for the hot loop: a kind tag, the index of its column in
/// ``CompareData/columns`` and its thresholds in a fixed-size vector, so that reading it per pair
/// touches no reference-counted storage.
struct ComparisonPlan: Sendable {
    enum Kind: UInt8 {
        case nik, name, birthDate, sex, household, birthPlace
        case exact, jaroWinkler, levenshtein, damerauLevenshtein, tokenSet, mongeElkan, phonetic, date, numeric,
             numericRelative, identifier
    }

    /// The most thresholds (bands) a comparator may have.
    static let maxBands = 8

    var kind: Kind
    /// Index into ``CompareData/columns``; -1 for the Indonesian comparisons.
    var column: Int
    /// Thresholds, strictest first: similarities, distances, years or differences. For the
    /// Indonesian name, high and medium similarity; for the birth place, its similarity.
    var bands = SIMD8<Double>()
    var bandCount = 0
    /// Whether the first level's weight is scaled by the value's frequency.
    var termFrequency = false

    init(_ c: Comparison, column: Int) {
        self.column = column
        termFrequency = c.comparator.termFrequency
        func set(_ values: [Double]) {
            bandCount = min(values.count, Self.maxBands)
            for i in 0 ..< bandCount { bands[i] = values[i] }
        }
        switch c.comparator {
        case .nik: kind = .nik
        case .indonesianName(let high, let medium): kind = .name; set([high, medium])
        case .birthDate: kind = .birthDate
        case .sex: kind = .sex
        case .household: kind = .household
        case .birthPlace(let similarity): kind = .birthPlace; set([similarity])
        case .exact: kind = .exact
        case .jaroWinkler(let t, _): kind = .jaroWinkler; set(t)
        case .levenshtein(let d): kind = .levenshtein; set(d.map(Double.init))
        case .damerauLevenshtein(let d): kind = .damerauLevenshtein; set(d.map(Double.init))
        case .tokenSet(let t): kind = .tokenSet; set(t)
        case .mongeElkan(let t): kind = .mongeElkan; set(t)
        case .phonetic: kind = .phonetic
        case .date(let years): kind = .date; set(years.map(Double.init))
        case .numeric(let d, let relative): kind = relative ? .numericRelative : .numeric; set(d)
        case .identifier: kind = .identifier
        }
    }
}
