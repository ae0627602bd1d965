/// The header names Indonesian lists use, and how one header cell is matched against them.
///
/// A header is matched on its *key*: the words outside brackets, upper-cased, letters and digits
/// only, joined (`NIK (16 DIGIT)` → `NIK`, `Nama Lengkap (sesuai KTP)` → `NAMALENGKAP`,
/// `TMPT_LHR` → `TMPTLHR`). A key that is not in the vocabulary is tried on its leading words
/// (`ALAMAT KTP` → `ALAMAT`), unless a later word says the column is about somebody else or
/// something else (`NAMA IBU KANDUNG`, `ALAMAT EMAIL`, `NO HP`).
///
/// Besides the roles, some columns hold two things at once (``Combined``): `TTL` (birth place
/// and date), `RT/RW`, `USIA` (age), and a name given in parts. ``TableBuilder`` splits or joins
/// them into the roles they carry.
///
/// Sources of the names: the DTKS/SIKS-NG export columns (`ID_ART`, `NAMA_KRT`, `TMPT_LHR`,
/// `JNS_KEL`, `NAMA_KEC`, `NAMA_KAB`, `NAMA_PROP`), Dukcapil's biodata (`NAMA LENGKAP`,
/// `TEMPAT LAHIR`, `ALAMAT`), BPS Regsosek (`NAMA KEPALA KELUARGA`), and the lists kelurahan
/// and Dinas Sosial offices type by hand.
enum HeaderVocabulary {
    /// A column that carries more than one role, or part of one.
    enum Combined: String, Sendable, CaseIterable {
        /// "Tempat, tanggal lahir": `BANDUNG, 17-08-1945`.
        case birthPlaceAndDate = "TTL"
        /// `003/005`.
        case rtRW = "RT/RW"
        /// Age in years (`63`, `63 TH`): an approximate birth year.
        case age = "USIA"
        /// The first part of a name given in parts.
        case givenName = "NAMA DEPAN"
        /// A middle part of a name given in parts.
        case middleName = "NAMA TENGAH"
        /// The last part of a name given in parts.
        case surname = "NAMA BELAKANG"
    }

    /// What a header cell means.
    enum Meaning: Equatable {
        case role(Role)
        case combined(Combined)
    }

    /// A header cell's meaning and whether it was found only on its leading words.
    struct Match: Equatable {
        let meaning: Meaning
        let leading: Bool
    }

    /// Header keys that suggest each role, most specific first.
    static let roleKeys: [(Role, [String])] = [
        (.nik, ["NIK", "NONIK", "NOMORNIK", "NIKKTP", "NOKTP", "NOMORKTP", "NOMORINDUKKEPENDUDUKAN",
                "NIKPENERIMA", "NIKART", "NIKANGGOTA", "NIKPESERTA", "NIKKPM", "NIKPM", "NOINDUKKEPENDUDUKAN"]),
        (.kk, ["NOKK", "NOMORKK", "KK", "NKK", "NOKARTUKELUARGA", "NOMORKARTUKELUARGA", "NIKKK", "NOMORKARTUKK"]),
        (.name, ["NAMA", "NAMALENGKAP", "NAMAPENERIMA", "NAMAART", "NAMAANGGOTA", "NAMAPENDUDUK",
                 "NAMAPENERIMAMANFAAT", "NAMAKPM", "NAMAPM", "NAMAPESERTA", "NAMAWARGA", "NAMAANGGOTAKELUARGA",
                 "NAME", "FULLNAME", "NAMAPENERIMABANTUAN"]),
        (.headOfHousehold, ["NAMAKRT", "NAMAKEPALAKELUARGA", "NAMAKEPALARUMAHTANGGA", "KEPALAKELUARGA",
                            "KEPALARUMAHTANGGA", "NAMAKK", "KRT", "NAMAKRTPENERIMA"]),
        (.birthDate, ["TGLLAHIR", "TANGGALLAHIR", "TGLLHR", "TANGGALLHR", "TGLLAHIRDDMMYYYY",
                      "TANGGALLAHIRDDMMYYYY", "TGLHR", "DOB", "BIRTHDATE", "DATEOFBIRTH"]),
        (.birthPlace, ["TEMPATLAHIR", "TMPLAHIR", "TMPTLAHIR", "TEMPATLHR", "TMPTLHR", "TMPLHR", "TPTLAHIR",
                       "BIRTHPLACE", "PLACEOFBIRTH"]),
        (.sex, ["JK", "JENISKELAMIN", "LP", "KELAMIN", "JNSKEL", "JNSKELAMIN", "JENISKEL", "JENKEL", "SEX", "GENDER"]),
        (.address, ["ALAMAT", "ALAMATLENGKAP", "ALAMATRUMAH", "ALAMATDOMISILI", "ALAMATKTP", "ALAMATTINGGAL",
                    "ADDRESS", "JALAN"]),
        (.rt, ["RT", "NORT", "NOMORRT"]),
        (.rw, ["RW", "NORW", "NOMORRW"]),
        (.village, ["DESA", "KELURAHAN", "DESAKELURAHAN", "KELURAHANDESA", "DESAKEL", "KELDESA", "KEL",
                    "NAMADESA", "NAMAKELURAHAN", "NAMAKEL", "NAMADESAKEL", "NAMADESAKELURAHAN", "VILLAGE"]),
        (.district, ["KECAMATAN", "KEC", "NAMAKECAMATAN", "NAMAKEC", "DISTRICT"]),
        (.regency, ["KABKOTA", "KABUPATENKOTA", "KOTAKABUPATEN", "KOTAKAB", "KABUPATEN", "KOTA", "KAB",
                    "NAMAKABKOTA", "NAMAKAB", "NAMAKABUPATEN", "NAMAKOTA", "NAMAKABUPATENKOTA", "REGENCY", "CITY"]),
        (.province, ["PROVINSI", "PROV", "PROP", "PROPINSI", "NAMAPROP", "NAMAPROV", "NAMAPROVINSI", "PROVINCE"]),
        (.id, ["ID", "NO", "NOURUT", "NOMOR", "NOMORURUT", "RECID", "RECORDID", "IDPENERIMA", "IDDTKS",
               "IDARTBDT", "IDART", "IDINDIVIDU"]),
    ]

    /// Header keys of the combined columns.
    static let combinedKeys: [(Combined, [String])] = [
        (.birthPlaceAndDate, ["TTL", "TEMPATTANGGALLAHIR", "TEMPATTGLLAHIR", "TMPTGLLAHIR", "TMPTTGLLAHIR",
                              "TEMPATTGLLHR", "TEMPATDANTANGGALLAHIR", "TEMPATTANGGALLHR", "TPTTGLLAHIR"]),
        (.rtRW, ["RTRW", "NORTRW"]),
        (.age, ["USIA", "UMUR", "USIATAHUN", "UMURTAHUN", "USIATH", "UMURTH"]),
        (.givenName, ["NAMADEPAN", "FIRSTNAME", "GIVENNAME"]),
        (.middleName, ["NAMATENGAH", "MIDDLENAME"]),
        (.surname, ["NAMABELAKANG", "LASTNAME", "SURNAME", "FAMILYNAME"]),
    ]

    /// Key → meaning, for every key above.
    static let meanings: [String: Meaning] = {
        var m: [String: Meaning] = [:]
        for (role, keys) in roleKeys { for k in keys where m[k] == nil { m[k] = .role(role) } }
        for (c, keys) in combinedKeys { for k in keys where m[k] == nil { m[k] = .combined(c) } }
        return m
    }()

    /// Words that, after a known leading word, say the column is about someone or something else.
    static let qualifiers: Set<String> = [
        "IBU", "AYAH", "KANDUNG", "KRT", "KEPALA", "KK", "WALI", "SUAMI", "ISTRI", "ANAK", "AHLI", "WARIS",
        "PENDAMPING", "PETUGAS", "PENGURUS", "EMAIL", "HP", "TELP", "TELEPON", "TLP", "WA", "REKENING", "REK",
        "BANK", "KANTOR", "USAHA", "ORTU", "ORANG", "TUA", "PASANGAN", "SEKOLAH", "LAMA", "ASAL", "PELAPOR",
        "SAKSI", "KELUARGA", "PENGGANTI", "PERUSAHAAN", "KERJA", "SURAT", "KODE", "KD", "ID", "JUMLAH",
    ]

    /// The words of `header` outside brackets, upper-cased, letters and digits only (the whole
    /// header's words when everything is in brackets, as in `(1)`).
    static func words(_ header: String) -> [String] {
        var outside: [String] = []
        var all: [String] = []
        var word = ""
        var depth = 0
        var wordInBrackets = false
        func end() {
            if !word.isEmpty {
                all.append(word)
                if !wordInBrackets { outside.append(word) }
            }
            word = ""
        }
        for s in header.unicodeScalars {
            switch s.value {
            case 0x28, 0x5B, 0x7B:  // ( [ {
                end()
                depth += 1
            case 0x29, 0x5D, 0x7D:
                end()
                depth = max(0, depth - 1)
            case 0x30...0x39, 0x41...0x5A:
                if word.isEmpty { wordInBrackets = depth > 0 }
                word.unicodeScalars.append(s)
            case 0x61...0x7A:
                if word.isEmpty { wordInBrackets = depth > 0 }
                word.unicodeScalars.append(Unicode.Scalar(s.value - 32)!)
            default:
                end()
            }
        }
        end()
        return outside.isEmpty ? all : outside
    }

    /// The key a header is matched on: its words outside brackets, joined.
    static func key(_ header: String) -> String { words(header).joined() }

    /// What `header` means, if the vocabulary knows it.
    static func match(_ header: String) -> Match? {
        let w = words(header)
        guard !w.isEmpty else { return nil }
        if let m = meanings[w.joined()] { return Match(meaning: m, leading: false) }
        guard w.count > 1 else { return nil }
        for k in stride(from: w.count - 1, to: 0, by: -1) {
            guard let m = meanings[w[0 ..< k].joined()], m != .role(.id) else { continue }
            if w[k...].contains(where: qualifiers.contains) { return nil }
            return Match(meaning: m, leading: true)
        }
        return nil
    }

    /// How much a role found in a row says that the row is a header.
    static func weight(_ meaning: Meaning) -> Double {
        switch meaning {
        case .role(.nik), .role(.name): return 5
        case .role(.kk), .role(.birthDate), .role(.sex), .combined(.birthPlaceAndDate), .combined(.givenName): return 2
        default: return 1
        }
    }

    /// How much `cells` look like a header row: the roles they name (each counted once, a
    /// leading-word match less), less what looks like data (long numbers, dates).
    static func score(_ cells: [String]) -> Double {
        var seen: [Meaning] = []
        var score = 0.0
        for cell in cells where !cell.isEmpty {
            if let m = match(cell) {
                let w = weight(m.meaning) * (m.leading ? 0.75 : 1)
                score += seen.contains(m.meaning) ? 0.25 : w
                seen.append(m.meaning)
                continue
            }
            var digits = 0, letters = 0
            for u in cell.utf8 {
                if u >= 48 && u <= 57 { digits += 1 } else if (u | 0x20) >= 97 && (u | 0x20) <= 122 { letters += 1 }
            }
            if digits >= 6 { score -= 3 } else if digits >= 4 && letters == 0 { score -= 1 }
        }
        return score
    }
}
