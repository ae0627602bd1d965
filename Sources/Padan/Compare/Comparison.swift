/// One comparison of a pair of records: a name, the column it reads, a ``Comparator``, and the
/// comparator's ordered, named levels.
///
/// ```swift
/// let surname = Comparison(name: "surname", column: "surname",
///                          comparator: .jaroWinkler(thresholds: [0.92, 0.8], termFrequency: true))
/// surname.levels.map(\.name) // ["exact", "jaro_winkler_0.92", "jaro_winkler_0.8", "different"]
/// ```
///
/// The Indonesian comparisons are presets of the same type: ``nik``, ``name-swift.type.property``, ``birthDate``,
/// ``sex``, ``household`` and ``birthPlace`` (``LinkSettings/indonesianDefault`` uses all six).
/// Level names, starting m values and the explanations in `links.csv` and `model.json` all come
/// from ``levels``.
public struct Comparison: Sendable, Equatable {
    /// The comparison's name in `links.csv` columns and `model.json`.
    public var name: String
    /// The column it reads: a header, a role (`name`, `birth_date`, ...) or a column defined in
    /// ``LinkSettings/columns``. Empty for the Indonesian comparisons, which read roles.
    public var column: String
    /// How two values become a level.
    public var comparator: Comparator

    /// A comparison called `name` of column `column` by `comparator`.
    public init(name: String, column: String, comparator: Comparator) {
        self.name = name
        self.column = column
        self.comparator = comparator
    }

    /// The levels, best agreement first (index = the level written per pair).
    public var levels: [ComparisonLevel] { comparator.levels }

    /// The NIK, by which part of its digits differs.
    public static let nik = Comparison(name: "nik", column: "", comparator: .nik)
    /// The Indonesian name comparison with its default similarity bands.
    public static let name = Comparison(name: "name", column: "", comparator: .indonesianName(highSimilarity: 0.94, mediumSimilarity: 0.85))
    /// Birth date, counted only where the NIKs did not compare it.
    public static let birthDate = Comparison(name: "birth_date", column: "", comparator: .birthDate)
    /// Sex, counted only where the NIKs did not compare it.
    public static let sex = Comparison(name: "sex", column: "", comparator: .sex)
    /// KK and address as one hierarchy.
    public static let household = Comparison(name: "household", column: "", comparator: .household)
    /// Birth place.
    public static let birthPlace = Comparison(name: "birth_place", column: "", comparator: .birthPlace(similarity: 0.85))

    /// The six Indonesian presets by name.
    public static let indonesianPresets: [Comparison] = [.nik, .name, .birthDate, .sex, .household, .birthPlace]

    /// The roles the Indonesian comparisons read (for deciding which blocking rules force them).
    var roles: Set<String> {
        switch comparator {
        case .nik: return ["nik"]
        case .indonesianName: return ["name"]
        case .birthDate: return ["birth_date"]
        case .sex: return ["sex"]
        case .household: return ["kk", "address", "rt", "rw", "village", "district", "regency"]
        case .birthPlace: return ["birth_place"]
        default: return []
        }
    }

    /// The built-in blocking fields whose agreement forces (or nearly forces) this comparison's
    /// agreement: a training session on a rule with any of them must not learn its m.
    var forcingFields: Set<BlockingField> {
        switch comparator {
        case .nik: return [.nik, .nikPrefix12, .nikSuffix10, .birthDate]
        case .indonesianName: return [.name, .namePhonetic, .namePhoneticSorted, .firstNamePhonetic]
        case .birthDate: return [.birthDate, .birthYear, .nikPrefix12, .nikSuffix10, .nik]
        case .sex: return [.sex, .nik, .nikPrefix12, .nikSuffix10]
        case .household: return [.kk, .village, .district, .regency, .street]
        case .birthPlace: return [.birthPlace]
        default: return BlockingField.forcing(role: column)
        }
    }

    /// Whether `rule` forces this comparison to agree; `sources` gives the headers or roles a
    /// column name is built from (a joined column is forced by a rule on any of its parts).
    func isForced(by rule: BlockingRule, sources: (String) -> Set<String>) -> Bool {
        if !forcingFields.isDisjoint(with: rule.fields) { return true }
        let mine = comparator.isIndonesian ? roles : sources(column)
        return rule.columns.contains { !sources($0.column).isDisjoint(with: mine) }
    }
}
