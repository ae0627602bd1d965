/// The honorifics, titles and academic degrees that Indonesian lists write around a name, and the
/// spellings of MUHAMMAD and ABDUL. Data, in Indonesian where it is Indonesian.
enum NameTitles {
    struct Kind: OptionSet, Sendable {
        let rawValue: UInt8
        /// Removed only before the name (H. AHMAD, NY. SITI): elsewhere it is an initial or a name.
        static let leading = Kind(rawValue: 1 << 0)
        /// Removed wherever it stands (HJ, KH, DRS, IR, PROF, ALM).
        static let anywhere = Kind(rawValue: 1 << 1)
        /// A degree when written with its dots (S.PD, M.H, A.MD), after the name's first token.
        static let degree = Kind(rawValue: 1 << 2)
        /// Also a degree when written without dots (SPD, SH, AMD), after the name's first token.
        static let degreeUndotted = Kind(rawValue: 1 << 3)
        static let bin = Kind(rawValue: 1 << 4)
        static let muhammad = Kind(rawValue: 1 << 5)
        static let abdul = Kind(rawValue: 1 << 6)
        /// The Arabic article AL, written apart (AL FATIH), hyphenated or joined (ALFATIH).
        static let article = Kind(rawValue: 1 << 7)
    }

    /// Honorifics that stand before a name: hajj (H., HAJI, HAJAH), forms of address (NY., TN.,
    /// BPK., IBU, SDR.), religious teachers (UST., KYAI, and the Acehnese TGK./TEUNGKU; the Malay
    /// hereditary TENGKU is part of the name and stays).
    static let leading = [
        "H", "HAJI", "HAJAH", "HAJJAH", "NY", "NYONYA", "TN", "TUAN", "BPK", "BAPAK", "IBU", "SDR", "SDRI",
        "SAUDARA", "SAUDARI", "UST", "USTAD", "USTADZ", "USTADZAH", "USTADAH", "KYAI", "KIAI", "TGK", "TEUNGKU",
    ]
    /// Titles that are never names: HJ./HJH. (hajjah), KH. (kyai haji), DR./DRS./DRA./DRG./DRH.
    /// (doctor, doktorandus/doktoranda, dentist, veterinarian), IR. (insinyur), PROF., ALM./ALMH.
    /// (the late).
    static let anywhere = [
        "HJ", "HJH", "KH", "DR", "DRS", "DRA", "DRG", "DRH", "IR", "PROF", "ALM", "ALMH", "ALMARHUM", "ALMARHUMAH",
    ]
    /// Degrees recognized with or without dots (their undotted letters are not names).
    static let degreesUndotted = [
        // Sarjana (bachelor) degrees, Permendikbud/Permenristekdikti naming.
        "SPD", "SPDI", "SPDSD", "SAG", "SKOM", "SSOS", "SIP", "SKM", "SKEP", "SFARM", "SKED", "SPSI", "SHI", "SEI",
        "SSI", "STP", "SPT", "SHUT", "SSN", "SIKOM", "SSTP", "SST", "SSIT", "STR", "SE", "SH", "ST", "SS", "SSY",
        "SAK", "SAP", "SKG", "SGZ", "SKEB", "SPI", "STH", "STHI", "SSEI",
        // Diploma (ahli madya / ahli muda) and master's degrees.
        "AMD", "AMDKEP", "AMDKEB", "AMDFARM", "AMK", "AMKEB", "AMAPD", "AMPD",
        "MPD", "MPDI", "MSI", "MKES", "MAG", "MSC", "MKOM", "MAP", "MHUM", "MKEP", "MM", "MH", "MT", "MBA",
        "MPH", "MSN", "MIKOM", "MHI", "MSI", "PHD",
    ]
    /// Degrees recognized only with their dots: undotted, these letters are names or initials.
    static let degreesDotted = ["MA", "ME", "BA", "BSC", "AMA", "SPA", "SPOG", "SPB", "SPPD", "DRSS"]

    /// Spellings and abbreviations of MUHAMMAD (the bare initial M is handled by position).
    static let muhammad = [
        "MUHAMMAD", "MUHAMAD", "MUHAMMED", "MUHAMED", "MOHAMMAD", "MOHAMAD", "MOHAMMED", "MOHAMED",
        "MOCHAMMAD", "MOCHAMAD", "MOCHAMMED", "MUCHAMMAD", "MUCHAMAD", "MUKHAMMAD", "MUKHAMAD", "MOKHAMAD",
        "MOKHAMMAD", "MOEHAMMAD", "MOEHAMAD", "MUHAMMAT", "MUHAMAT", "MUHD", "MOHD", "MOCH", "MOH", "MHD",
        "MUH", "MUHAM", "MOHAM", "MUCH", "MOHAMMAD", "MUHAMMADH",
    ]
    /// Spellings of ABDUL (servant of): ABD., ABDOEL (old spelling), ABDOL.
    static let abdul = ["ABDUL", "ABD", "ABDOEL", "ABDOL"]

    static let table: PackedTable<Kind> = PackedTable({
        var t: [UInt64: Kind] = [:]
        func add(_ words: [String], _ kind: Kind) {
            for w in words { t[PackedToken.pack(w), default: []].formUnion(kind) }
        }
        add(leading, .leading)
        add(anywhere, .anywhere)
        add(degreesUndotted, [.degree, .degreeUndotted])
        add(degreesDotted, .degree)
        add(["BIN", "BINTI"], .bin)
        add(["AL"], .article)
        add(muhammad, .muhammad)
        add(abdul, .abdul)
        return t
    }())
}
