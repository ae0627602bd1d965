/// The comparisons Padan knows, each turning a pair of standardized records into one level.
///
/// Each is designed so that a piece of evidence counts once (Fellegi-Sunter adds comparisons as if
/// independent): the NIK carries the birth date and sex, so the `birth_date` and `sex` comparisons
/// only speak when the NIKs cannot (one is missing, or they are different numbers); KK number,
/// RT/RW, street, house number, village, district and regency are one hierarchical `household`
/// comparison, so a person who moved loses one comparison's weight, not five.
public enum ComparisonKind: String, CaseIterable, Sendable, Codable {
    /// NIK: exact / Excel-zeroed tail / one substitution or transposition outside the serial /
    /// one inside the serial / same region and birth date but another serial / two edits /
    /// different / different and each confirmed by its own record's birth date (two people). Null
    /// when either NIK is blank, a placeholder or unrecoverable.
    case nik
    /// Name: exact (term-frequency adjusted) / same phonetic key / same tokens reordered / phonetic
    /// keys one edit apart (a typo, tokens run together) / similar (high) / one name's tokens all
    /// in the other (dropped tokens, initials) / similar (medium) / same first given name /
    /// different. Similarity is the lower of whole-name and token-wise Jaro-Winkler.
    case name
    /// Birth date, when the NIKs did not already compare it: exact / exact but a placeholder date
    /// (1 January, 1 July, 31 December) / day and month swapped / year off / one part differs /
    /// different.
    case birthDate = "birth_date"
    /// Sex, when the NIKs did not already compare it.
    case sex
    /// KK number and address as one hierarchy: same KK / same house / same RT and RW / same village /
    /// same district / same regency / different.
    case household
    /// Birth place: exact / similar / different.
    case birthPlace = "birth_place"

    /// Level names, best agreement first.
    public var levels: [String] {
        switch self {
        case .nik: return ["exact", "excel_zeroed_tail", "one_edit", "one_edit_in_serial", "serial_differs", "two_edits", "different", "different_confirmed"]
        case .name: return ["exact", "phonetic", "reordered", "one_edit", "similar_high", "tokens_contained", "similar_medium", "first_name", "different"]
        case .birthDate: return ["exact", "exact_placeholder", "day_month_swapped", "year_off", "one_part_differs", "different"]
        case .sex: return ["same", "different"]
        case .household: return ["same_kk", "same_house", "same_rt_rw", "same_village", "same_district", "same_regency", "different"]
        case .birthPlace: return ["exact", "similar", "different"]
        }
    }

    /// Starting m probabilities for EM (and the fallback when no training session can learn them):
    /// what a careful analyst would guess for matches on lists typed by hand.
    var defaultM: [Double] {
        switch self {
        case .nik: return [0.85, 0.03, 0.05, 0.02, 0.005, 0.02, 0.02, 0.005]
        case .name: return [0.7, 0.08, 0.03, 0.05, 0.04, 0.04, 0.03, 0.01, 0.02]
        case .birthDate: return [0.8, 0.05, 0.03, 0.04, 0.05, 0.03]
        case .sex: return [0.97, 0.03]
        case .household: return [0.6, 0.1, 0.1, 0.08, 0.04, 0.03, 0.05]
        case .birthPlace: return [0.85, 0.05, 0.1]
        }
    }

    /// The blocking fields whose agreement forces (or nearly forces) this comparison's agreement:
    /// a training session on a rule with any of them must not learn this comparison's m.
    var dependsOn: Set<BlockingField> {
        switch self {
        case .nik: return [.nik, .nikPrefix12, .nikSuffix10, .birthDate]
        case .name: return [.name, .namePhonetic, .namePhoneticSorted, .firstNamePhonetic]
        case .birthDate: return [.birthDate, .birthYear, .nikPrefix12, .nikSuffix10, .nik]
        case .sex: return [.sex, .nik, .nikPrefix12, .nikSuffix10]
        case .household: return [.kk, .village, .district, .regency, .street]
        case .birthPlace: return [.birthPlace]
        }
    }
}
