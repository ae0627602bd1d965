/// The catalogue of errors the generator puts into list rows, each with its default rate.
///
/// Every row a list holds is an independent copy of a person, corrupted independently. A rate is
/// the probability that an *eligible* row gets the error (a day/month swap needs a day of 12 or
/// less, an initial needs two name tokens, Excel damage needs a list that went through Excel);
/// `--noise low|medium|high` multiplies every rate by 0.5, 1 or 2. Corruptions in one field that
/// exclude each other (a NIK is blank *or* mistyped) are drawn from disjoint bands of one number,
/// so each keeps its own rate. `synth.json` records, for each, the rows eligible and the rows hit.
///
/// The rates are set from what is known of Indonesian aid registers: in 2020 the KPK found 16.7
/// million of the 97 million people in DTKS without a NIK that matched the civil registry, and the
/// BPK counted 10.9 million invalid member NIKs and 16.4 million invalid KK numbers; by 2023-2024
/// Kemensos reported 98-99% of DTKS matched to a NIK. The medium level (about 8% of rows with a
/// NIK problem, 6% with a KK problem) sits between the two; high resembles 2020, low 2024.
public enum Corruption: String, CaseIterable, Codable, Sendable {
    // NIK
    case nikBlank = "nik_blank"
    case nikDigitTypo = "nik_digit_typo"
    case nikTransposition = "nik_transposition"
    case nikDroppedDigit = "nik_dropped_digit"
    case nikExtraDigit = "nik_extra_digit"
    case nikExcelScientific = "nik_excel_scientific"
    case nikExcelZeroed = "nik_excel_last_digit_zeroed"
    case nikIsKK = "nik_is_kk"
    case nikOtherMember = "nik_of_other_household_member"
    case nikFormatting = "nik_formatting"
    // KK
    case kkBlank = "kk_blank"
    case kkDigitTypo = "kk_digit_typo"
    case kkExcelScientific = "kk_excel_scientific"
    // Name
    case nameTitle = "name_title_or_degree"
    case nameMuhammadVariant = "name_muhammad_variant"
    case nameSpellingVariant = "name_spelling_variant"
    case nameOldSpelling = "name_old_spelling"
    case nameInitial = "name_initial"
    case nameDroppedToken = "name_dropped_token"
    case nameSwappedTokens = "name_swapped_tokens"
    case nameSpacing = "name_joined_tokens"
    case nameBinBinti = "name_bin_binti"
    case nameTypo = "name_typo"
    // Birth date
    case birthDateDayMonthSwap = "birth_date_day_month_swap"
    case birthDateTypo = "birth_date_typo"
    case birthDatePlaceholder = "birth_date_placeholder"
    case birthDateBlank = "birth_date_blank"
    // Sex
    case sexFlip = "sex_flip"
    case sexBlank = "sex_blank"
    // Birth place
    case birthPlaceBlank = "birth_place_blank"
    case birthPlaceVariant = "birth_place_variant"
    // Address and region
    case addressAbbreviation = "address_abbreviation"
    case addressRtRwInline = "address_rt_rw_inline"
    case addressBlank = "address_blank"
    case addressStale = "address_stale"
    case rtRwBlank = "rt_rw_blank"
    case villageBlank = "village_blank"
    case villageTypo = "village_typo"

    /// The position of the case in `allCases` (a switch, not a hash lookup: it runs for every field).
    var ordinal: Int {
        switch self {
        case .nikBlank: return 0
        case .nikDigitTypo: return 1
        case .nikTransposition: return 2
        case .nikDroppedDigit: return 3
        case .nikExtraDigit: return 4
        case .nikExcelScientific: return 5
        case .nikExcelZeroed: return 6
        case .nikIsKK: return 7
        case .nikOtherMember: return 8
        case .nikFormatting: return 9
        case .kkBlank: return 10
        case .kkDigitTypo: return 11
        case .kkExcelScientific: return 12
        case .nameTitle: return 13
        case .nameMuhammadVariant: return 14
        case .nameSpellingVariant: return 15
        case .nameOldSpelling: return 16
        case .nameInitial: return 17
        case .nameDroppedToken: return 18
        case .nameSwappedTokens: return 19
        case .nameSpacing: return 20
        case .nameBinBinti: return 21
        case .nameTypo: return 22
        case .birthDateDayMonthSwap: return 23
        case .birthDateTypo: return 24
        case .birthDatePlaceholder: return 25
        case .birthDateBlank: return 26
        case .sexFlip: return 27
        case .sexBlank: return 28
        case .birthPlaceBlank: return 29
        case .birthPlaceVariant: return 30
        case .addressAbbreviation: return 31
        case .addressRtRwInline: return 32
        case .addressBlank: return 33
        case .addressStale: return 34
        case .rtRwBlank: return 35
        case .villageBlank: return 36
        case .villageTypo: return 37
        }
    }

    /// The probability that an eligible row gets this error at the medium noise level.
    public var defaultRate: Double {
        switch self {
        case .nikBlank: return 0.02
        case .nikDigitTypo: return 0.015
        case .nikTransposition: return 0.008
        case .nikDroppedDigit: return 0.005
        case .nikExtraDigit: return 0.003
        case .nikExcelScientific: return 0.012
        case .nikExcelZeroed: return 0.01
        case .nikIsKK: return 0.004
        case .nikOtherMember: return 0.003
        case .nikFormatting: return 0.03
        case .kkBlank: return 0.04
        case .kkDigitTypo: return 0.01
        case .kkExcelScientific: return 0.012
        case .nameTitle: return 0.5
        case .nameMuhammadVariant: return 0.3
        case .nameSpellingVariant: return 0.15
        case .nameOldSpelling: return 0.1
        case .nameInitial: return 0.02
        case .nameDroppedToken: return 0.03
        case .nameSwappedTokens: return 0.01
        case .nameSpacing: return 0.02
        case .nameBinBinti: return 0.01
        case .nameTypo: return 0.03
        case .birthDateDayMonthSwap: return 0.015
        case .birthDateTypo: return 0.01
        case .birthDatePlaceholder: return 0.03
        case .birthDateBlank: return 0.01
        case .sexFlip: return 0.005
        case .sexBlank: return 0.01
        case .birthPlaceBlank: return 0.05
        case .birthPlaceVariant: return 0.05
        case .addressAbbreviation: return 0.5
        case .addressRtRwInline: return 0.15
        case .addressBlank: return 0.02
        case .addressStale: return 0.3
        case .rtRwBlank: return 0.03
        case .villageBlank: return 0.01
        case .villageTypo: return 0.01
        }
    }

    /// Which rows can get the error, and what it does.
    public var summary: String {
        switch self {
        case .nikBlank: return "NIK left empty (person without a KTP record, or not typed)"
        case .nikDigitTypo: return "one NIK digit replaced (a neighbouring key on the number pad 60% of the time)"
        case .nikTransposition: return "two adjacent different NIK digits swapped"
        case .nikDroppedDigit: return "one NIK digit left out (15 digits)"
        case .nikExtraDigit: return "one NIK digit typed twice (17 digits)"
        case .nikExcelScientific: return "lists saved through Excel: NIK shown as a number in scientific notation (3.27305E+15)"
        case .nikExcelZeroed: return "lists saved through Excel: NIK stored as a number, its 16th digit lost to 0"
        case .nikIsKK: return "the family card number typed in the NIK column"
        case .nikOtherMember: return "another household member's NIK (a row slip on the family card)"
        case .nikFormatting: return "NIK with a leading apostrophe, spaces or dots (the digits are intact)"
        case .kkBlank: return "KK left empty"
        case .kkDigitTypo: return "one KK digit replaced"
        case .kkExcelScientific: return "lists saved through Excel: KK in scientific notation"
        case .nameTitle: return "people who hold a hajj title or degree: written with it (H., HJ., DRS., S.PD, A.MD, ...)"
        case .nameMuhammadVariant: return "names with MUHAMMAD or a variant: written as another (MOCHAMAD, MOH., M., ...)"
        case .nameSpellingVariant: return "names with a token of a variant group (RAHMAN/ROHMAN, YUSUF/YUSUP): another spelling"
        case .nameOldSpelling: return "people aged 45 or more whose name allows it: pre-1972 spelling (U>OE, J>DJ, C>TJ, Y>J, KH>CH, SY>SJ, NY>NJ)"
        case .nameInitial: return "names of two or more tokens: one token cut to its initial (M. RIZKI, SITI A.)"
        case .nameDroppedToken: return "names of two or more tokens: the first or last token left out"
        case .nameSwappedTokens: return "names of two or more tokens: the first two swapped"
        case .nameSpacing: return "names of two or more tokens: two tokens written as one (NUR HAYATI > NURHAYATI)"
        case .nameBinBinti: return "BIN or BINTI and the father's name appended"
        case .nameTypo: return "one letter replaced by a neighbouring key, dropped, doubled or swapped with the next"
        case .birthDateDayMonthSwap: return "birth dates with a day of 12 or less that differs from the month: day and month swapped"
        case .birthDateTypo: return "one digit of the day or year off"
        case .birthDatePlaceholder: return "people aged 50 or more: 1 January of the birth year written instead of the date"
        case .birthDateBlank: return "birth date left empty"
        case .sexFlip: return "sex code of the other sex"
        case .sexBlank: return "sex left empty"
        case .birthPlaceBlank: return "birth place left empty"
        case .birthPlaceVariant: return "birth place abbreviated or qualified (BDG, KOTA BANDUNG, KAB. GARUT)"
        case .addressAbbreviation: return "address keywords abbreviated (JALAN>JL., GANG>GG., KAMPUNG>KP., KOMPLEK>KOMP., NOMOR>NO)"
        case .addressRtRwInline: return "RT/RW written inside the address (RT 03 RW 05, RT.003/RW.005, RT 3/5); half of these leave the RT and RW columns empty"
        case .addressBlank: return "address left empty"
        case .addressStale: return "duplicate rows of people who moved: the old address and KK (a registration never updated)"
        case .rtRwBlank: return "RT and RW left empty"
        case .villageBlank: return "village and district left empty"
        case .villageTypo: return "one letter of the village name wrong"
        }
    }
}

/// How many rows could get a corruption and how many did.
public struct CorruptionCount: Codable, Sendable, Equatable {
    public var name: String
    /// The rate asked for (default rate times the noise scale).
    public var rate: Double
    public var eligible: Int
    public var applied: Int
    /// `applied / eligible` (0 when nothing was eligible).
    public var realizedRate: Double { eligible == 0 ? 0 : Double(applied) / Double(eligible) }

    enum CodingKeys: String, CodingKey { case name, rate, eligible, applied, realizedRate = "realized_rate" }

    public init(name: String, rate: Double, eligible: Int, applied: Int) {
        self.name = name
        self.rate = rate
        self.eligible = eligible
        self.applied = applied
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(rate, forKey: .rate)
        try c.encode(eligible, forKey: .eligible)
        try c.encode(applied, forKey: .applied)
        try c.encode((realizedRate * 1_000_000).rounded() / 1_000_000, forKey: .realizedRate)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        rate = try c.decode(Double.self, forKey: .rate)
        eligible = try c.decode(Int.self, forKey: .eligible)
        applied = try c.decode(Int.self, forKey: .applied)
    }
}

/// Per-corruption tallies kept while rows are written.
struct CorruptionTally {
    var eligible = [Int](repeating: 0, count: Corruption.allCases.count)
    var applied = [Int](repeating: 0, count: Corruption.allCases.count)

    mutating func eligible(_ c: Corruption) { eligible[c.ordinal] += 1 }
    mutating func applied(_ c: Corruption) { applied[c.ordinal] += 1 }

    mutating func add(_ other: CorruptionTally) {
        for i in eligible.indices {
            eligible[i] += other.eligible[i]
            applied[i] += other.applied[i]
        }
    }

    func counts(scale: Double, rate: (Corruption) -> Double) -> [CorruptionCount] {
        Corruption.allCases.enumerated().map { i, c in
            CorruptionCount(name: c.rawValue, rate: rate(c), eligible: eligible[i], applied: applied[i])
        }
    }
}
