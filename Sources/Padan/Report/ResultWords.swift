/// The words of the outputs people read, in one language: the headline, sheet and column names
/// of the results workbook, reasons for a link, blocking rules. One table per language, so the
/// printed summary, `hasil.xlsx` and the review sheet say the same thing the same way.
struct ResultWords: Sendable {
    let language: OutputLanguage

    static let indonesian = ResultWords(language: .indonesian)
    static let english = ResultWords(language: .english)

    private var id: Bool { language == .indonesian }
    private func t(_ indonesian: String, _ english: String) -> String { id ? indonesian : english }

    // MARK: Headline

    var title: String { t("Hasil pemadanan data Padan", "Padan linkage results") }
    func inBoth(lists: Int) -> String {
        lists == 2 ? t("Orang yang ada di kedua daftar", "People in both lists")
            : t("Orang yang ada di lebih dari satu daftar", "People in more than one list")
    }
    func registeredTwice(_ list: String) -> String {
        t("Orang terdaftar lebih dari sekali di \(list)", "People registered more than once in \(list)")
    }
    func onlyIn(_ list: String) -> String { t("Orang hanya di \(list)", "People only in \(list)") }
    var people: String { t("Orang (klaster) seluruhnya", "People (clusters) in all") }
    var toCheck: String { t("Pasangan yang perlu diperiksa petugas", "Pairs for an officer to check") }
    func records(_ n: Int) -> String { t("\(n) baris", "\(n) records") }
    var doublesNotSearched: String {
        t("Ganda di dalam satu daftar tidak dicari (--no-dedupe): angka \"terdaftar lebih dari sekali\" hanya menghitung ganda yang terlihat lewat daftar lain.",
          "Doubles within one list were not searched (--no-dedupe): \"registered more than once\" counts only doubles seen through another list.")
    }
    func listLine(_ l: LinkSummary.ListCounts) -> String {
        t("\(l.name): \(l.rowsRead) baris dibaca (\(l.rowsRead - l.rejected) data, \(l.rejected) ditolak), \(l.linked) terpadan, \(l.unmatched) tidak terpadan",
          "\(l.name): \(l.rowsRead) rows read (\(l.rowsRead - l.rejected) records, \(l.rejected) rejected), \(l.linked) linked, \(l.unmatched) unmatched")
    }
    func linksLine(links: Int, threshold: Double, review: Int, reviewThreshold: Double) -> String {
        t("\(links) pasangan terpadan (peluang ≥ \(threshold)); \(review) pasangan untuk diperiksa (peluang \(reviewThreshold) sampai \(threshold))",
          "\(links) linked pairs (probability ≥ \(threshold)); \(review) pairs to check (probability \(reviewThreshold) to \(threshold))")
    }
    var candidatesHeading: String { t("Pasangan calon dibandingkan", "Candidate pairs compared") }
    func ruleLine(words: String, pairs: Int) -> String {
        t("\(words): \(pairs) pasangan baru", "\(words): \(pairs) new pairs")
    }
    func oversized(blocks: Int, pairs: Int) -> String {
        t("\(blocks) blok terlalu besar dilewati (\(pairs) pasangan)", "\(blocks) oversized blocks skipped (\(pairs) pairs)")
    }
    func filesIn(_ directory: String) -> String { t("Berkas hasil di \(directory)", "Result files in \(directory)") }
    var timings: String { t("waktu", "time") }

    /// The label-free error estimate in one line.
    func estimateLine(_ e: ErrorEstimate) -> String {
        func pct(_ x: Double) -> String { CSVWriter.format(x * 100, decimals: 1) }
        let fl = Int(e.expectedFalseLinks.rounded()), missed = Int((e.expectedMissedAmongCandidates + e.expectedMissedByBlocking).rounded())
        return t("Perkiraan tanpa label: ±\(fl) tautan keliru, ±\(missed) pasangan terlewat; presisi \(pct(e.precision.value)) % (\(pct(e.precision.lower))–\(pct(e.precision.upper))), recall \(pct(e.recall.value)) % (\(pct(e.recall.lower))–\(pct(e.recall.upper)))",
                 "Estimated without labels: about \(fl) false links and \(missed) missed matches; precision \(pct(e.precision.value)) % (\(pct(e.precision.lower))–\(pct(e.precision.upper))), recall \(pct(e.recall.value)) % (\(pct(e.recall.lower))–\(pct(e.recall.upper)))")
    }
    var expectedFalseLinks: String { t("Perkiraan tautan keliru (tanpa label)", "Expected false links (without labels)") }
    var expectedMissed: String { t("Perkiraan pasangan terlewat (tanpa label)", "Expected missed matches (without labels)") }
    var clusterRefused: String { t("tautan ditolak karena batas ukuran klaster", "links refused by the cluster size bound") }
    var modelWarning: String { t("peringatan model", "model warning") }

    // MARK: Workbook

    var summarySheet: String { t("Ringkasan", "Summary") }
    func bothSheet(lists: Int) -> String { lists == 2 ? t("Di kedua daftar", "In both lists") : t("Di beberapa daftar", "In several lists") }
    var twiceSheet: String { t("Terdaftar ganda", "Registered twice") }
    func onlySheet(_ list: String) -> String { XLSXWriter.sheetName(t("Hanya di \(list)", "Only in \(list)")) }
    var checkSheet: String { t("Perlu diperiksa", "To check") }
    var instructionsSheet: String { t("Petunjuk", "Instructions") }
    var perPlaceHeading: String { t("Menurut kecamatan dan kelurahan", "By district and village") }
    var perListHeading: String { t("Menurut daftar", "By list") }
    var filesHeading: String { t("Berkas lain", "Other files") }
    var value: String { t("Jumlah", "Count") }
    var what: String { t("Keterangan", "Item") }

    var list: String { t("Daftar", "List") }
    var recordID: String { "ID" }
    var person: String { t("Orang (klaster)", "Person (cluster)") }
    var probability: String { t("Peluang cocok", "Match probability") }
    var reasons: String { t("Alasan utama", "Main reasons") }
    var decision: String { t("Keputusan", "Decision") }
    var note: String { t("Catatan", "Note") }
    var officer: String { t("Petugas", "Officer") }
    var checkedOn: String { t("Tanggal periksa", "Date checked") }
    var recordsHeader: String { t("Baris", "Records") }
    var inBothHeader: String { t("Di daftar lain juga", "Also in another list") }
    var twiceHeader: String { t("Baris ganda", "Doubled records") }
    var onlyHeader: String { t("Hanya di daftar ini", "Only in this list") }
    var unknownPlace: String { t("(kosong)", "(blank)") }
    var rowsRead: String { t("Baris dibaca", "Rows read") }
    var rejected: String { t("Ditolak", "Rejected") }
    var linked: String { t("Terpadan", "Linked") }
    var unmatched: String { t("Tidak terpadan", "Unmatched") }
    var fingerprint: String { t("Sidik hasil", "Result fingerprint") }

    /// The decisions offered in the drop-down, "same person" first.
    var decisions: [String] { id ? ["sesuai", "tidak sesuai"] : ["match", "non-match"] }
    var decisionError: String {
        t("Pilih sesuai (orang yang sama) atau tidak sesuai (orang berbeda), atau biarkan kosong.",
          "Choose match (the same person) or non-match (different people), or leave it blank.")
    }

    func side(_ label: String, _ list: String) -> String { "\(label) (\(list))" }

    /// A role's column header.
    func role(_ role: Role) -> String {
        switch role {
        case .nik: return "NIK"
        case .kk: return t("No. KK", "KK (family card)")
        case .name: return t("Nama", "Name")
        case .birthDate: return t("Tanggal lahir", "Birth date")
        case .birthPlace: return t("Tempat lahir", "Birth place")
        case .sex: return t("Jenis kelamin", "Sex")
        case .address: return t("Alamat", "Address")
        case .rt: return "RT"
        case .rw: return "RW"
        case .village: return t("Kelurahan/Desa", "Village")
        case .district: return t("Kecamatan", "District")
        case .regency: return t("Kabupaten/Kota", "Regency/City")
        case .province: return t("Provinsi", "Province")
        case .id: return "ID"
        default: return role.rawValue
        }
    }

    func instructions(fingerprint: String) -> [String] {
        id ? [
            "Cara memakai hasil ini",
            "Ringkasan: jumlah orang di kedua daftar, yang terdaftar lebih dari sekali, yang hanya di satu daftar, dan pasangan yang perlu diperiksa.",
            "Di kedua daftar: satu baris per pasangan data yang dinilai orang yang sama, dengan peluang cocok dan alasannya.",
            "Terdaftar ganda: data yang muncul lebih dari sekali dalam satu daftar, dikelompokkan per orang (nomor klaster yang sama).",
            "Hanya di ...: data yang tidak ditemukan di daftar lain: orang yang mungkin terlewat.",
            "Perlu diperiksa: pasangan yang ragu. Isi kolom Keputusan dengan 'sesuai' (orang yang sama) atau 'tidak sesuai' (orang berbeda);",
            "isi juga Catatan, Petugas dan Tanggal periksa. Sel berwarna kuning menandai isian yang berbeda antara kedua data.",
            "Lalu jalankan: padan apply-review --result FOLDER_HASIL --review hasil.xlsx (atau review.xlsx).",
            "Peluang cocok adalah angka 0 sampai 1; tautan dibuat pada peluang ≥ ambang yang tertulis di Ringkasan.",
            "Sidik hasil: \(fingerprint). Lembar ini hanya dapat diterapkan pada hasil dengan sidik yang sama.",
        ] : [
            "How to use these results",
            "Summary: people in both lists, people registered more than once, people only in one list, and pairs to check.",
            "In both lists: one row per pair of records judged to be the same person, with the match probability and the reasons.",
            "Registered twice: records that appear more than once within one list, grouped by person (the same cluster number).",
            "Only in ...: records found in no other list: the people who may have been missed.",
            "To check: the uncertain pairs. Write 'match' (the same person) or 'non-match' (different people) in the Decision column,",
            "and fill in Note, Officer and Date checked. Yellow cells mark the fields on which the two records differ.",
            "Then run: padan apply-review --result RESULT_DIR --review hasil.xlsx (or review.xlsx).",
            "The match probability runs from 0 to 1; pairs at or above the threshold in the Summary are links.",
            "Result fingerprint: \(fingerprint). This sheet can only be applied to the result with the same fingerprint.",
        ]
    }

    // MARK: Reasons and rules in words

    private static let generic = ["exact": "sama", "same": "sama", "different": "berbeda", "similar": "mirip"]
    private static let subjects: [String: (String, String)] = [
        "nik": ("NIK", "NIK"), "name": ("nama", "name"), "birth_date": ("tanggal lahir", "birth date"),
        "sex": ("jenis kelamin", "sex"), "household": ("rumah tangga", "household"),
        "birth_place": ("tempat lahir", "birth place"),
    ]
    /// Indonesian phrases for the built-in comparisons' levels (a reason is written for every
    /// link in the workbook, so the table is built once).
    static let phrases: [String: [String: String]] = [
        "nik": ["exact": "NIK sama", "excel_zeroed_tail": "NIK sama kecuali ekor yang dinolkan Excel",
                "one_edit": "NIK beda satu digit", "one_edit_in_serial": "NIK beda satu digit di nomor urut",
                "serial_differs": "NIK beda nomor urut", "two_edits": "NIK beda dua digit",
                "different": "NIK berbeda", "different_confirmed": "NIK berbeda, masing-masing cocok dengan tanggal lahirnya",
                "shared": "NIK sama pada orang yang tidak berkaitan (tidak dihitung)"],
        "name": ["exact": "nama sama", "phonetic": "nama sama (ejaan lama/baru, atau kata disambung)", "reordered": "nama sama, urutan lain",
                 "one_edit": "nama beda satu huruf", "similar_high": "nama sangat mirip",
                 "tokens_contained": "nama yang satu memuat yang lain", "similar_medium": "nama agak mirip",
                 "first_name": "nama depan sama", "different": "nama berbeda"],
        "birth_date": ["exact": "tanggal lahir sama", "exact_placeholder": "tanggal lahir sama (tanggal pengganti)",
                       "day_month_swapped": "tanggal dan bulan lahir tertukar", "year_off": "tahun lahir beda satu",
                       "year_only": "tahun lahir sama, satu tanggal pengganti", "one_part_differs": "tanggal lahir beda satu bagian",
                       "within_a_year": "tanggal lahir selisih paling lama setahun", "different": "tanggal lahir berbeda"],
        "sex": ["same": "jenis kelamin sama", "different": "jenis kelamin berbeda"],
        "household": ["same_kk": "KK sama", "same_house": "alamat rumah sama", "same_rt_rw": "RT/RW sama",
                      "same_village": "kelurahan sama", "same_district": "kecamatan sama",
                      "same_regency": "kabupaten/kota sama, kecamatan atau kelurahan lain", "different": "wilayah berbeda"],
        "birth_place": ["exact": "tempat lahir sama", "similar": "tempat lahir mirip", "different": "tempat lahir berbeda"],
    ]

    /// A comparison's outcome for a pair in words, e.g. "NIK sama" or "nama mirip".
    func level(comparison: String, level: String, description: String) -> String {
        guard id else { return "\(subject(comparison)): \(description)" }
        if let phrase = Self.phrases[comparison]?[level] { return phrase }
        return "\(subject(comparison)) " + (Self.generic[level] ?? level.replacingOccurrences(of: "_", with: " "))
    }

    /// What a comparison is about, e.g. "tanggal lahir".
    func subject(_ comparison: String) -> String {
        if let k = Self.subjects[comparison] { return id ? k.0 : k.1 }
        return comparison.replacingOccurrences(of: "_", with: " ")
    }

    /// A blocking rule in words, e.g. "NIK sama" or "KK sama dan nama depan berbunyi sama".
    func rule(_ rule: BlockingRule) -> String {
        var parts = rule.fields.map { field -> String in
            switch field {
            case .nik: return t("NIK sama", "the same NIK")
            case .nikPrefix12: return t("12 digit awal NIK sama (wilayah dan tanggal lahir)", "the same first 12 NIK digits (region and birth date)")
            case .nikSuffix10: return t("10 digit akhir NIK sama", "the same last 10 NIK digits")
            case .kk: return t("KK sama", "the same family card (KK)")
            case .name: return t("nama sama", "the same name")
            case .namePhonetic: return t("nama berbunyi sama", "names that sound the same")
            case .namePhoneticSorted: return t("nama berbunyi sama dalam urutan apa pun", "names that sound the same in any order")
            case .firstNamePhonetic: return t("nama depan berbunyi sama", "first names that sound the same")
            case .birthDate: return t("tanggal lahir sama", "the same birth date")
            case .birthYear: return t("tahun lahir sama", "the same birth year")
            case .sex: return t("jenis kelamin sama", "the same sex")
            case .village: return t("kelurahan sama", "the same village")
            case .district: return t("kecamatan sama", "the same district")
            case .regency: return t("kabupaten/kota sama", "the same regency or city")
            case .street: return t("jalan sama", "the same street")
            case .birthPlace: return t("tempat lahir sama", "the same birth place")
            }
        }
        parts += rule.columns.map { t("\($0.description) sama", "the same \($0.description)") }
        let text = parts.joined(separator: t(" dan ", " and "))
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
