/// Tells the rows of a list that are not people from those that are, looking at the whole row.
///
/// What office lists carry besides their records: totals (`JUMLAH`, `TOTAL`), the signature
/// block below the list (`Bandung, 15 Mei 2024`, `Mengetahui,`, `Kepala Dinas Sosial`, the
/// official's name, `NIP. 19650817 199003 1 005`), the header repeated at a page break or where
/// two exports were pasted together, a column-numbering row, section titles (`DATA TAHAP 2`,
/// `KECAMATAN CIBEUNYING`), and rows whose identity columns (NIK, KK, name) are all empty.
///
/// A row whose NIK column holds a number is a record, whatever else it holds (the fast path,
/// taken by nearly every row). Otherwise the words and the shape of the row decide; a row with a
/// name and other fields but a blank NIK stays a record. Keywords count only in a sparse row
/// (few cells filled) or in the first cells, so a person named `TOTAL` in a full row is still a
/// person. Rows after a totals or signature row that are just as sparse belong to the signature
/// block until a record comes.
struct RowClassifier {
    let nik: Int?
    /// NIK, KK and name columns (and the parts of a name given in parts).
    let identity: [Int]
    /// Columns whose value may look like "Place, date" in a record (birth date, TTL).
    let dateColumns: Set<Int>
    /// Per header row, per column, the cell's normalized text.
    let headerKeys: [[[UInt8]]]
    let width: Int
    /// Per column, what the header's name means (from the vocabulary, or the role it was given).
    let headerMeanings: [HeaderVocabulary.Meaning?]
    private var inSignatureBlock = false
    private var key: [UInt8] = []

    init(nik: Int?, identity: [Int], dateColumns: Set<Int>, headerRows: [[String]], width: Int,
         headerMeanings: [HeaderVocabulary.Meaning?] = []) {
        self.nik = nik
        self.identity = identity
        self.dateColumns = dateColumns
        self.headerKeys = headerRows.map { row in row.map { Array(ColumnMapping.normalize($0).utf8) } }
        self.width = width
        self.headerMeanings = headerMeanings
    }

    /// What a row is.
    enum Verdict: Equatable {
        case record
        /// Not a person, with the reason (the row is rejected).
        case notPerson(String)
        /// A header whose columns are not the header's (two lists pasted together): the rows below
        /// it cannot be read under the header, so the file cannot be read. Its cells, joined.
        case anotherHeader(String)
    }

    static let totalWords: Set<String> = ["JUMLAH", "TOTAL", "SUBTOTAL", "GRANDTOTAL", "REKAPITULASI"]
    static let signatureWords: Set<String> = [
        "MENGETAHUI", "MENYETUJUI", "DISETUJUI", "DISAHKAN", "DIKETAHUI", "MEMERIKSA", "DIPERIKSA", "DIBUAT",
        "KEPALA", "CAMAT", "LURAH", "SEKRETARIS", "SEKDES", "SEKCAM", "PLT", "PLH", "TTD", "NIP",
        "PETUGAS", "PENDAMPING", "KOORDINATOR", "BUPATI", "WALIKOTA", "GUBERNUR", "KASI", "KABID", "KADIS",
    ]
    static let signatureVerbs: Set<String> = ["MEMBUAT", "MENYERAHKAN", "MENERIMA", "BERTANDA", "MENGAJUKAN", "MENGETAHUI"]
    static let sectionWords: Set<String> = [
        "DATA", "TAHAP", "LAMPIRAN", "DAFTAR", "BAGIAN", "HALAMAN", "KECAMATAN", "KELURAHAN", "DESA",
        "PERIODE", "BULAN", "SUMBER", "KETERANGAN", "CATATAN",
    ]
    static let monthWords: Set<String> = [
        "JANUARI", "FEBRUARI", "PEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS", "SEPTEMBER",
        "OKTOBER", "NOPEMBER", "NOVEMBER", "DESEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AGU", "AGT",
        "AGS", "SEP", "OKT", "NOV", "NOP", "DES",
    ]

    /// Whether `record` is a person, and why not when it is not one.
    mutating func classify(_ record: RecordScratch) -> Verdict {
        let verdict = record.bytes.withUnsafeBufferPointer { classify(record, $0) }
        if verdict == .record { inSignatureBlock = false }
        return verdict
    }

    private mutating func classify(_ record: RecordScratch, _ all: UnsafeBufferPointer<UInt8>) -> Verdict {
        if let nik, nik < record.fieldCount, Self.isNumber(UnsafeBufferPointer(rebasing: all[record.fieldRange(nik)])) {
            return .record
        }
        if let reason = reason(record, all) { return .notPerson(reason) }
        return header(record, all) ?? .record
    }

    /// Whether the row is a header: at least two cells, and three in four of the filled ones, are
    /// column names the vocabulary knows, one of them a NIK, KK or name column's in full. The
    /// header repeated in other words when each names the column it is in; another header (with
    /// its cells joined) when some name a column the header has elsewhere or not at all. Nil for
    /// any other row; the fast path (a number in the NIK column) never gets here.
    private func header(_ record: RecordScratch, _ all: UnsafeBufferPointer<UInt8>) -> Verdict? {
        // First without a string: no column name the vocabulary knows has a digit, so a row whose
        // filled cells hold digits in more than one in four (every record of a list without a
        // NIK column: a date, an RT, a number) cannot be three in four names. Rows come here one
        // by one on such a list, and naming each cell cost 2.7× the whole read.
        var filledCells = 0, withDigits = 0
        for c in 0 ..< record.fieldCount {
            let f = UnsafeBufferPointer(rebasing: all[record.fieldRange(c)])
            guard Self.hasText(f) else { continue }
            filledCells += 1
            if f.contains(where: { $0 &- 48 < 10 }) { withDigits += 1 }
        }
        guard filledCells >= 2, withDigits * 4 <= filledCells else { return nil }
        var filled = 0, named = 0, misplaced = 0
        var identityNamed = false
        var cells: [String] = []
        for c in 0 ..< record.fieldCount {
            let f = UnsafeBufferPointer(rebasing: all[record.fieldRange(c)])
            guard Self.hasText(f) else { continue }
            filled += 1
            let text = String(decoding: f, as: UTF8.self).trimmingSpaces()
            cells.append(text)
            guard let m = HeaderVocabulary.match(text) else { continue }
            named += 1
            if !m.leading && [.role(.nik), .role(.kk), .role(.name)].contains(m.meaning) { identityNamed = true }
            if c >= headerMeanings.count || headerMeanings[c] != m.meaning { misplaced += 1 }
        }
        guard identityNamed, named >= 2, named * 4 >= filled * 3 else { return nil }
        if misplaced == 0 { return .notPerson("the header repeated (a page break or lists pasted together)") }
        return .anotherHeader(cells.joined(separator: " | "))
    }

    /// Why `record` is not a person, or nil when it may be one.
    private mutating func reason(_ record: RecordScratch, _ all: UnsafeBufferPointer<UInt8>) -> String? {
        func field(_ c: Int) -> UnsafeBufferPointer<UInt8> {
            guard c < record.fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(rebasing: all[record.fieldRange(c)])
        }
        var filled = 0
        var firstFilled: [Int] = []
        for c in 0 ..< record.fieldCount where Self.hasText(field(c)) {
            filled += 1
            if firstFilled.count < 3 { firstFilled.append(c) }
        }
        let identityEmpty = !identity.contains { Self.hasText(field($0)) }
        let sparse = filled <= 3 && filled * 2 <= max(width, 2)

        if isRepeatedHeader(record, field) { return "the header repeated (a page break or lists pasted together)" }
        // Only the first filled cells are decoded (this path also runs for every record with a
        // blank NIK).
        func text(_ c: Int) -> String { String(decoding: field(c), as: UTF8.self).trimmingSpaces() }
        let lead = firstFilled.map(text)
        if filled >= 3, let b = field(firstFilled[0]).first(where: { $0 != 32 }), b == 40 || b &- 48 < 10,
           HeaderDetector.isNumberingRow((0 ..< record.fieldCount).map(text)) {
            return "a column-numbering row (1) (2) (3) ..."
        }
        let leadWords = lead.prefix(2).map { HeaderVocabulary.words($0) }
        let first = leadWords.first?.first ?? ""
        if leadWords.contains(where: { $0.first.map(Self.totalWords.contains) ?? false })
            || (leadWords.first.map { $0.count >= 2 && $0[0] == "GRAND" && $0[1] == "TOTAL" } ?? false) {
            inSignatureBlock = true
            return "a totals row (\(lead[0].prefix(40)))"
        }
        if sparse || identityEmpty {
            for (k, c) in firstFilled.enumerated() where !dateColumns.contains(c) && Self.isDatePlace(lead[k]) {
                inSignatureBlock = true
                return "a place-and-date line of the signature block (\(lead[k].prefix(40)))"
            }
            let words = leadWords.first ?? []
            if Self.signatureWords.contains(first) || (words.count >= 2 && words[0] == "A" && words[1] == "N")
                || (words.count >= 2 && words[0] == "YANG" && Self.signatureVerbs.contains(words[1]))
                || words.first == "AN" || lead.contains(where: { HeaderVocabulary.words($0).contains("NIP") }) {
                inSignatureBlock = true
                return "a signature line (\(lead[0].prefix(40)))"
            }
            if inSignatureBlock { return "part of the signature block below the list" }
            if filled <= 2 && Self.sectionWords.contains(first) {
                return "a section title (\(lead[0].prefix(40)))"
            }
        }
        // The whole row decides: with most of its cells filled (a date of birth, an address, a
        // social-security number), a row without NIK, KK or name is still somebody's record.
        if identityEmpty && filled * 2 <= max(width, 2) { return "no NIK, KK or name: the identity columns are all empty" }
        return nil
    }

    private func isRepeatedHeader(_ record: RecordScratch, _ field: (Int) -> UnsafeBufferPointer<UInt8>) -> Bool {
        for row in headerKeys {
            var same = 0, filled = 0
            for c in 0 ..< min(row.count, record.fieldCount) where !row[c].isEmpty {
                let f = field(c)
                guard Self.hasText(f) else { continue }
                filled += 1
                if Self.normalizedEquals(f, row[c]) { same += 1 }
            }
            if same >= 2 && same * 2 >= filled { return true }
        }
        return false
    }

    /// Whether `f` folded like ``ColumnMapping/normalize(_:)`` equals `key`.
    private static func normalizedEquals(_ f: UnsafeBufferPointer<UInt8>, _ key: [UInt8]) -> Bool {
        var k = 0
        for b in f {
            let u: UInt8
            switch b {
            case 48...57, 65...90: u = b
            case 97...122: u = b - 32
            default: continue
            }
            guard k < key.count, key[k] == u else { return false }
            k += 1
        }
        return k == key.count
    }

    /// A value a NIK column holds in a record: at least six digits and no letters but an
    /// exponent's `E` (`3273…`, `'3273…`, `3.27105E+15`, `3273….0`).
    @inline(__always)
    static func isNumber(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for b in f {
            if b &- 48 < 10 { digits += 1 } else if (b | 0x20) &- 97 < 26 && (b | 0x20) != 101 { return false }
        }
        return digits >= 6
    }

    /// Whether `f` has a letter or a digit (a cell of `-` or spaces is empty).
    @inline(__always)
    static func hasText(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in f where b &- 48 < 10 || (b | 0x20) &- 97 < 26 || b >= 0x80 { return true }
        return false
    }

    /// `Bandung, 15 Mei 2024`, `Cimahi, 02-05-2024`, `Bandung, ...... 2024`: a place, a comma,
    /// then a date with a four-digit year.
    static func isDatePlace(_ text: String) -> Bool {
        guard let comma = text.firstIndex(of: ",") else { return false }
        let place = HeaderVocabulary.words(String(text[..<comma]))
        guard (1 ... 4).contains(place.count), place.allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return false }
        let date = HeaderVocabulary.words(String(text[text.index(after: comma)...]))
        guard let year = date.last.flatMap({ Int($0) }), (1900 ... 2100).contains(year) else { return false }
        return date.contains(where: monthWords.contains) || date.count >= 3 || date.count == 1
    }
}
