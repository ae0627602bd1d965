/// A standardized value (or a key derived from one) that blocking rules can require to be equal.
public enum BlockingField: String, CaseIterable, Sendable, Codable {
    /// The whole NIK (16 digits, not blank, placeholder or Excel-scientific).
    case nik
    /// The NIK's first 12 digits: region and birth date. A typo in the serial keeps it.
    case nikPrefix12 = "nik_prefix12"
    /// The NIK's last 10 digits: birth date and serial. A typo in the region keeps it.
    case nikSuffix10 = "nik_suffix10"
    /// The family card number.
    case kk
    /// The standardized name.
    case name
    /// The phonetic key of the whole name (old and new spellings agree).
    case namePhonetic = "name_phonetic"
    /// The phonetic keys of the name's tokens, sorted (reordered names agree).
    case namePhoneticSorted = "name_phonetic_sorted"
    /// The phonetic key of the first given name (MUHAMMAD, ABDUL and initials skipped).
    case firstNamePhonetic = "first_name_phonetic"
    /// The birth date from the birth-date column.
    case birthDate = "birth_date"
    /// The birth year from the birth-date column.
    case birthYear = "birth_year"
    /// Sex from the sex column.
    case sex
    /// The normalized village (desa/kelurahan).
    case village
    /// The normalized district (kecamatan).
    case district
    /// The normalized regency or city (kabupaten/kota).
    case regency
    /// The normalized street text.
    case street
    /// The normalized birth place.
    case birthPlace = "birth_place"
}

extension BlockingField {
    /// The built-in fields derived from role `role` (for a comparison on that role's column).
    static func forcing(role: String) -> Set<BlockingField> {
        switch role {
        case "nik": return [.nik, .nikPrefix12, .nikSuffix10]
        case "kk": return [.kk]
        case "name": return [.name, .namePhonetic, .namePhoneticSorted, .firstNamePhonetic]
        case "birth_date": return [.birthDate, .birthYear]
        case "sex": return [.sex]
        case "village": return [.village]
        case "district": return [.district]
        case "regency": return [.regency]
        case "address": return [.street]
        case "birth_place": return [.birthPlace]
        default: return []
        }
    }
}
