/// What a column means to the engine.
///
/// Every input column either has one of these roles or is carried through to the output as an
/// extra column. Raw values are the names used in configuration files, flags and JSON.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    /// A record identifier unique within its list (`NO`, `ID`).
    case id
    /// The 16-digit national identity number (Nomor Induk Kependudukan).
    case nik
    /// The 16-digit family card number (Nomor Kartu Keluarga).
    case kk
    /// The person's full name.
    case name
    /// The name of the head of the household (`NAMA KRT`, `NAMA KEPALA KELUARGA`): kept apart
    /// from the person's own name, and not compared.
    case headOfHousehold = "head_of_household"
    /// Date of birth.
    case birthDate = "birth_date"
    /// Place of birth.
    case birthPlace = "birth_place"
    /// Sex (L/P, LAKI-LAKI/PEREMPUAN, ...).
    case sex
    /// Free-text street address.
    case address
    /// Rukun Tetangga (neighbourhood unit) number.
    case rt
    /// Rukun Warga (community unit) number.
    case rw
    /// Village (desa) or urban village (kelurahan).
    case village
    /// District (kecamatan).
    case district
    /// Regency (kabupaten) or city (kota).
    case regency
    /// Province (provinsi); carried, not compared (the NIK's first two digits say it).
    case province

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
