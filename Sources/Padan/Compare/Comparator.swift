/// How a comparison turns the values of a pair of records into one of its levels.
///
/// The first six are the Indonesian comparisons, which read the standardized roles (NIK, name,
/// birth date, sex, KK and address, birth place) and know their structure. The others work on any
/// column, after folding its text to uppercase ASCII letters and digits separated by single spaces.
/// A value missing on either side is always "no evidence" (the level `null` in `links.csv`), never
/// disagreement.
///
/// Each comparator defines its levels (``levels``), best agreement first; thresholds are given
/// from the strictest to the loosest.
public enum Comparator: Sendable, Equatable, Hashable {
    /// NIK levels by which part of the 16 digits differs: exact, Excel-zeroed tail, one edit outside the serial, one edit in the serial, serial differs, two edits, different, different and each confirmed by its own birth date.
    case nik
    /// Indonesian names: exact (term-frequency adjusted), phonetic, reordered, one edit, similar
    /// (high), tokens contained, similar (medium), same first name, different.
    case indonesianName(highSimilarity: Double, mediumSimilarity: Double)
    /// Birth date, when the NIKs did not already compare it.
    case birthDate
    /// Sex, when the NIKs did not already compare it.
    case sex
    /// KK number and address as one hierarchy.
    case household
    /// Birth place: exact, similar (Jaro-Winkler at or above `similarity`), different.
    case birthPlace(similarity: Double)

    /// Exact equality of the folded value, with an optional term-frequency adjustment (agreement on
    /// a common value weighs less than on a rare one).
    case exact(termFrequency: Bool)
    /// Exact, then one level per Jaro-Winkler threshold (similarity at or above it), then different.
    case jaroWinkler(thresholds: [Double], termFrequency: Bool)
    /// Exact, then one level per Levenshtein distance (at most that many edits), then different.
    case levenshtein(distances: [Int])
    /// As ``levenshtein(distances:)`` with adjacent transpositions as one edit (optimal string
    /// alignment).
    case damerauLevenshtein(distances: [Int])
    /// Exact, then one level per token-set ratio threshold (words reordered or dropped), then
    /// different.
    case tokenSet(thresholds: [Double])
    /// Exact, then one level per symmetric Monge-Elkan threshold (Jaro-Winkler between words),
    /// then different.
    case mongeElkan(thresholds: [Double])
    /// Exact, the same Soundex code word by word, different.
    case phonetic
    /// Dates (any common format): exact, day and month swapped, one of day, month or year
    /// differs, then one level per "within N years", then different.
    case date(withinYears: [Int])
    /// Numbers: exact, then one level per band of absolute difference (or, when `relative`,
    /// difference divided by the larger magnitude), then different.
    case numeric(differences: [Double], relative: Bool)
    /// Identifiers typed by hand (phone, account, social-security numbers), on their letters and
    /// digits only: exact, one substitution, one adjacent transposition, two edits, different.
    case identifier

    /// The name used in configuration files.
    public var configName: String {
        switch self {
        case .nik: return "nik"
        case .indonesianName: return "indonesian_name"
        case .birthDate: return "indonesian_birth_date"
        case .sex: return "indonesian_sex"
        case .household: return "household"
        case .birthPlace: return "indonesian_birth_place"
        case .exact: return "exact"
        case .jaroWinkler: return "jaro_winkler"
        case .levenshtein: return "levenshtein"
        case .damerauLevenshtein: return "damerau_levenshtein"
        case .tokenSet: return "token_set"
        case .mongeElkan: return "monge_elkan"
        case .phonetic: return "phonetic"
        case .date: return "date"
        case .numeric: return "numeric"
        case .identifier: return "identifier"
        }
    }

    /// Whether the comparator reads the standardized Indonesian roles rather than a column.
    public var isIndonesian: Bool {
        switch self {
        case .nik, .indonesianName, .birthDate, .sex, .household, .birthPlace: return true
        default: return false
        }
    }

    /// Whether agreement at the first level is weighed by how common the value is.
    public var termFrequency: Bool {
        switch self {
        case .exact(let tf), .jaroWinkler(_, let tf): return tf
        default: return false
        }
    }

    /// The levels, best agreement first.
    public var levels: [ComparisonLevel] {
        switch self {
        case .nik: return IndonesianLevel.NIK.allCases.map(\.definition)
        case .indonesianName: return IndonesianLevel.Name.allCases.map(\.definition)
        case .birthDate: return IndonesianLevel.BirthDate.allCases.map(\.definition)
        case .sex: return IndonesianLevel.Sex.allCases.map(\.definition)
        case .household: return IndonesianLevel.Household.allCases.map(\.definition)
        case .birthPlace: return IndonesianLevel.BirthPlace.allCases.map(\.definition)
        case .exact:
            return [ComparisonLevel("exact", "the same value", m: 0.9), ComparisonLevel("different", "different values", m: 0.1)]
        case .jaroWinkler(let t, _):
            return Self.banded(t.map { ("jaro_winkler_\(Self.text($0))", "Jaro-Winkler similarity at least \(Self.text($0))") })
        case .levenshtein(let d):
            return Self.banded(d.map { ("levenshtein_\($0)", "at most \($0) insertions, deletions or substitutions") })
        case .damerauLevenshtein(let d):
            return Self.banded(d.map { ("damerau_levenshtein_\($0)", "at most \($0) edits, an adjacent transposition counting as one") })
        case .tokenSet(let t):
            return Self.banded(t.map { ("token_set_\(Self.text($0))", "token-set ratio at least \(Self.text($0)) (words reordered or dropped)") })
        case .mongeElkan(let t):
            return Self.banded(t.map { ("monge_elkan_\(Self.text($0))", "Monge-Elkan similarity at least \(Self.text($0))") })
        case .phonetic:
            return Self.banded([("phonetic", "the same Soundex code word by word")])
        case .date(let years):
            return Self.banded([("day_month_swapped", "day and month swapped"),
                                ("one_part_differs", "exactly one of day, month and year differs")]
                + years.map { ("within_\($0)_years", "at most \($0) years apart") })
        case .numeric(let differences, let relative):
            return Self.banded(differences.map {
                relative ? ("within_\(Self.text($0))_relative", "differ by at most \(Self.text($0)) of the larger value")
                    : ("within_\(Self.text($0))", "differ by at most \(Self.text($0))")
            })
        case .identifier:
            return [ComparisonLevel("exact", "the same letters and digits", m: 0.85),
                    ComparisonLevel("one_substitution", "one character differs", m: 0.05),
                    ComparisonLevel("adjacent_transposition", "two adjacent characters swapped", m: 0.03),
                    ComparisonLevel("two_edits", "two insertions, deletions, substitutions or transpositions", m: 0.03),
                    ComparisonLevel("different", "different identifiers", m: 0.04)]
        }
    }

    /// exact, the given bands, different; m starts at 0.8 for exact, 0.05 for different, and
    /// shares the rest among the bands.
    private static func banded(_ bands: [(String, String)]) -> [ComparisonLevel] {
        let share = bands.isEmpty ? 0 : 0.15 / Double(bands.count)
        return [ComparisonLevel("exact", "the same value", m: bands.isEmpty ? 0.9 : 0.8)]
            + bands.map { ComparisonLevel($0.0, $0.1, m: share) }
            + [ComparisonLevel("different", "none of the above", m: bands.isEmpty ? 0.1 : 0.05)]
    }

    /// A threshold as written in level names: `0.92`, `5`.
    static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension Comparator {
    /// What is wrong with the comparator's parameters, or nil.
    var problem: String? {
        func bands<T: Comparable>(_ values: [T], _ what: String, allowEmpty: Bool = false, descending: Bool) -> String? {
            if values.isEmpty && !allowEmpty { return "needs at least one \(what)" }
            if values.count > ComparisonPlan.maxBands { return "at most \(ComparisonPlan.maxBands) \(what)s" }
            let ordered = zip(values, values.dropFirst()).allSatisfy { descending ? $0 > $1 : $0 < $1 }
            return ordered ? nil : "\(what)s must be given from the strictest to the loosest"
        }
        switch self {
        case .indonesianName(let high, let medium):
            return (0 ... 1).contains(high) && (0 ... 1).contains(medium) && medium <= high ? nil
                : "similarities must lie in 0...1, medium not above high"
        case .birthPlace(let s): return (0 ... 1).contains(s) ? nil : "the similarity must lie in 0...1"
        case .jaroWinkler(let t, _), .tokenSet(let t), .mongeElkan(let t):
            if t.contains(where: { !(0 ... 1).contains($0) }) { return "thresholds must lie in 0...1" }
            return bands(t, "threshold", descending: true)
        case .levenshtein(let d), .damerauLevenshtein(let d):
            if d.contains(where: { $0 < 1 || $0 > 64 }) { return "distances must lie in 1...64" }
            return bands(d, "distance", descending: false)
        case .date(let years):
            if years.contains(where: { $0 < 1 || $0 > 200 }) { return "years must lie in 1...200" }
            return bands(years, "year band", allowEmpty: true, descending: false)
        case .numeric(let d, _):
            if d.contains(where: { !($0 > 0) || !$0.isFinite }) { return "differences must be positive" }
            return bands(d, "difference", descending: false)
        default: return nil
        }
    }
}
