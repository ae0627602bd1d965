/// How header names are mapped to roles: explicit choices first, then guesses from the headers
/// Indonesian exports use.
///
/// Header names are compared after folding case and dropping everything but letters and digits,
/// so `NO. KK`, `no_kk` and `NoKK` are the same header.
public struct ColumnMapping: Sendable, Equatable {
    /// Explicit choices: for a role, the header names (any one of which) that carry it.
    public var explicit: [Role: [String]]
    /// Whether roles not chosen explicitly are guessed from the headers.
    public var guess: Bool

    /// A mapping with the given explicit choices that guesses the rest.
    public init(explicit: [Role: [String]] = [:], guess: Bool = true) {
        self.explicit = explicit
        self.guess = guess
    }

    /// Normalized header names (see ``normalize(_:)``) that suggest each role, most specific first.
    static let synonyms: [(Role, [String])] = [
        (.nik, ["NIK", "NONIK", "NOMORNIK", "NIKKTP", "NOKTP", "NOMORKTP", "NOMORINDUKKEPENDUDUKAN",
                "NIKPENERIMA", "NIKART", "NIKANGGOTA"]),
        (.kk, ["NOKK", "NOMORKK", "KK", "NKK", "NOKARTUKELUARGA", "NOMORKARTUKELUARGA", "NIKKK"]),
        (.name, ["NAMA", "NAMALENGKAP", "NAMAPENERIMA", "NAMAART", "NAMAANGGOTA", "NAMAPENDUDUK",
                 "NAMAPENERIMAMANFAAT", "NAMAKPM", "NAME", "FULLNAME"]),
        (.birthDate, ["TGLLAHIR", "TANGGALLAHIR", "TGLLHR", "TANGGALLHR", "TGLLAHIRDDMMYYYY",
                      "TANGGALLAHIRDDMMYYYY", "DOB", "BIRTHDATE", "DATEOFBIRTH"]),
        (.birthPlace, ["TEMPATLAHIR", "TMPLAHIR", "TMPTLAHIR", "TEMPATLHR", "BIRTHPLACE", "PLACEOFBIRTH"]),
        (.sex, ["JK", "JENISKELAMIN", "LP", "KELAMIN", "SEX", "GENDER"]),
        (.address, ["ALAMAT", "ALAMATLENGKAP", "ALAMATRUMAH", "ALAMATDOMISILI", "ADDRESS", "JALAN"]),
        (.rt, ["RT", "NORT", "NOMORRT"]),
        (.rw, ["RW", "NORW", "NOMORRW"]),
        (.village, ["DESA", "KELURAHAN", "DESAKELURAHAN", "KELURAHANDESA", "DESAKEL", "KELDESA", "KEL",
                    "NAMADESA", "NAMAKELURAHAN", "VILLAGE"]),
        (.district, ["KECAMATAN", "KEC", "NAMAKECAMATAN", "DISTRICT"]),
        (.regency, ["KABKOTA", "KABUPATENKOTA", "KOTAKABUPATEN", "KOTAKAB", "KABUPATEN", "KOTA", "KAB",
                    "NAMAKABKOTA", "REGENCY", "CITY"]),
        (.id, ["ID", "NO", "NOURUT", "NOMOR", "NOMORURUT", "RECID", "RECORDID", "IDPENERIMA", "IDDTKS", "IDARTBDT"]),
    ]

    /// Folds case and drops every byte that is not an ASCII letter or digit.
    public static func normalize(_ header: String) -> String {
        String(String.UnicodeScalarView(header.unicodeScalars.compactMap { s -> Unicode.Scalar? in
            switch s.value {
            case 0x30...0x39, 0x41...0x5A: return s
            case 0x61...0x7A: return Unicode.Scalar(s.value - 32)
            default: return nil
            }
        }))
    }

    /// Resolves roles for `headers`. Throws when an explicitly named header is missing.
    func resolve(headers: [String], file: String) throws -> [Role: Int] {
        let normalized = headers.map(Self.normalize)
        var roles: [Role: Int] = [:]
        var taken = Set<Int>()
        for role in Role.allCases {
            guard let names = explicit[role], !names.isEmpty else { continue }
            let wanted = names.map(Self.normalize)
            guard let index = normalized.indices.first(where: { wanted.contains(normalized[$0]) }) else {
                let list = headers.map { "'\($0)'" }.joined(separator: ", ")
                throw PadanError(
                    .usage, file: file, line: 1,
                    "column \(names.map { "'\($0)'" }.joined(separator: " or ")) given for role "
                        + "\(role.rawValue) is not in the header (columns: \(list))")
            }
            if taken.contains(index) {
                throw PadanError(.usage, file: file, line: 1,
                                 "column '\(headers[index])' is given for two roles")
            }
            roles[role] = index
            taken.insert(index)
        }
        guard guess else { return roles }
        for (role, names) in Self.synonyms where roles[role] == nil {
            for name in names {
                if let index = normalized.indices.first(where: { normalized[$0] == name && !taken.contains($0) }) {
                    roles[role] = index
                    taken.insert(index)
                    break
                }
            }
        }
        return roles
    }
}
