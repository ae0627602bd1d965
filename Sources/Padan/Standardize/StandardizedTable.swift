/// Every record of a ``Table`` standardized once, column by column: byte arenas and flat arrays,
/// no object per record.
///
/// Standardization runs on all cores in chunks (see `Parallel`); the result is the same for any
/// thread count. A role the table lacks gives blank values (and `unknown`, `0`).
///
/// ```swift
/// let table = try TableReader.read(path: "kota.csv")
/// let standardized = StandardizedTable(table: table, referenceYear: 2025)
/// print(standardized.name.string(0), standardized.nikClass[0])
/// ```
///
/// - Complexity: O(total bytes of the table); one extra pass over the NIKs to find those shared
///   by unrelated people.
public struct StandardizedTable: Sendable, Equatable {
    public let count: Int
    /// The reference year two-digit years and ages are judged against.
    public let referenceYear: Int
    /// Cleaned NIK digits: 16 digits for a 16-digit NIK; the digits found for ``NIKClass/wrongLength``;
    /// the digits that survived for ``NIKClass/excelScientific``; empty when blank or non-digit.
    public var nik: ByteColumn
    public var nikClass: [NIKClass]
    /// Trailing zeros of a 16-digit NIK (0 when none); for ``NIKClass/excelScientific`` how many of
    /// the 16 digits were lost.
    public var nikZeroTail: [UInt8]
    /// The birth date in the NIK as `yyyymmdd`, its century taken from the birth-date column when
    /// that has the same two-digit year, else the latest not after the reference year; 0 when none.
    public var nikBirth: [Int32]
    public var nikSex: [Sex]
    /// Cleaned KK (family card) digits, as for ``nik``.
    public var kk: ByteColumn
    public var kkClass: [NIKClass]
    /// The standardized full name: A-Z and single spaces, titles and degrees removed, MUHAMMAD and
    /// ABDUL unified, the BIN/BINTI part removed.
    public var name: ByteColumn
    /// The same tokens in byte order.
    public var nameSorted: ByteColumn
    /// The Indonesian phonetic key of each name token, in name order, one space apart.
    public var namePhonetic: ByteColumn
    /// The phonetic key of the first token that is not MUHAMMAD, ABDUL or an initial (else of the first).
    public var firstTokenPhonetic: ByteColumn
    /// The father's name after BIN/BINTI, standardized; empty when none.
    public var fatherName: ByteColumn
    /// `yyyymmdd`; 0 when unknown, impossible or only a year (see ``birthYear``).
    public var birthDate: [Int32]
    /// The birth year: of ``birthDate``, or the year alone when only a year was written
    /// (``DateFlags/yearOnly``); 0 when unknown.
    public var birthYear: [Int16]
    public var birthDateFlags: [DateFlags]
    /// The shape each birth date was written in.
    public var birthDateFormat: [DateFormat]
    public var sex: [Sex]
    /// The street text without RT/RW, house number and place parts.
    public var street: ByteColumn
    public var houseNumber: ByteColumn
    /// RT and RW: the columns' numbers, else those found in the address text; 0 when unknown.
    public var rt: [UInt16]
    public var rw: [UInt16]
    /// Village (kelurahan/desa) without its prefix; from the address text when the column is blank.
    public var village: ByteColumn
    /// District (kecamatan) without its prefix; from the address text when the column is blank.
    public var district: ByteColumn
    /// Regency without `KAB.`/`KABUPATEN`; a city keeps `KOTA` (`KOTA BANDUNG` ≠ `BANDUNG`).
    public var regency: ByteColumn
    /// Birth place without any type prefix.
    public var birthPlace: ByteColumn
    /// The NIK's birth date against the birth-date column (the year alone for a year-only date).
    public var nikBirthAgreement: [Agreement]
    /// The NIK's sex against the sex column.
    public var nikSexAgreement: [Agreement]

    /// Standardizes every record of `table`. `threads` 0 means one per active core.
    public init(table: Table, referenceYear: Int = 2025, threads: Int = 0) {
        self.init(table: table, referenceYear: referenceYear, threads: threads, meter: nil)
    }

    /// Standardizes every record of `table`, adding each record done to `meter`. `sharedNIKs`:
    /// which records carry a NIK found shared among the whole body of records this table is part
    /// of (a partition of a list spread over a cluster), to mark instead of counting here; nil to
    /// count among this table's records.
    init(table: Table, referenceYear: Int, threads: Int, meter: ProgressMeter?, sharedNIKs: [Bool]? = nil) {
        count = table.rowCount
        self.referenceYear = referenceYear
        let source = Source(table: table)
        // Decided over the whole column, as the reader's warning says (a date alone cannot say).
        let monthFirst = DateStandardizer.readsMonthFirst(source.birthDate)
        let chunks = Parallel.map(count: count, threads: threads, minChunk: 2048, meter: meter) { range in
            Chunk(source: source, rows: range, referenceYear: referenceYear, monthFirst: monthFirst)
        }
        nik = ByteColumn(concatenating: chunks.map(\.nik))
        nikClass = chunks.flatMap(\.nikClass)
        nikZeroTail = chunks.flatMap(\.nikZeroTail)
        nikBirth = chunks.flatMap(\.nikBirth)
        nikSex = chunks.flatMap(\.nikSex)
        kk = ByteColumn(concatenating: chunks.map(\.kk))
        kkClass = chunks.flatMap(\.kkClass)
        name = ByteColumn(concatenating: chunks.map(\.name))
        nameSorted = ByteColumn(concatenating: chunks.map(\.nameSorted))
        namePhonetic = ByteColumn(concatenating: chunks.map(\.namePhonetic))
        firstTokenPhonetic = ByteColumn(concatenating: chunks.map(\.firstTokenPhonetic))
        fatherName = ByteColumn(concatenating: chunks.map(\.fatherName))
        birthDate = chunks.flatMap(\.birthDate)
        birthYear = chunks.flatMap(\.birthYear)
        birthDateFlags = chunks.flatMap(\.birthDateFlags)
        birthDateFormat = chunks.flatMap(\.birthDateFormat)
        sex = chunks.flatMap(\.sex)
        street = ByteColumn(concatenating: chunks.map(\.street))
        houseNumber = ByteColumn(concatenating: chunks.map(\.houseNumber))
        rt = chunks.flatMap(\.rt)
        rw = chunks.flatMap(\.rw)
        village = ByteColumn(concatenating: chunks.map(\.village))
        district = ByteColumn(concatenating: chunks.map(\.district))
        regency = ByteColumn(concatenating: chunks.map(\.regency))
        birthPlace = ByteColumn(concatenating: chunks.map(\.birthPlace))
        nikBirthAgreement = chunks.flatMap(\.nikBirthAgreement)
        nikSexAgreement = chunks.flatMap(\.nikSexAgreement)
        if let sharedNIKs {
            precondition(sharedNIKs.count == count, "one shared-NIK flag per record")
            for row in 0 ..< count where sharedNIKs[row] && (nikClass[row] == .valid || nikClass[row] == .possiblyZeroedTail) {
                nikClass[row] = .placeholder
            }
        } else {
            markSharedNIKs()
        }
    }

    /// What the shared-NIK test reads of a record: its NIK as a number (0 unless the NIK is
    /// valid or possibly zeroed by Excel, the classes the test can reclassify), its birth date,
    /// and a hash of its first-name phonetic key (0 for none).
    func sharedNIKEvidence(_ row: Int) -> (nik: UInt64, birthDate: Int32, firstName: UInt64) {
        var value: UInt64 = 0
        if nikClass[row] == .valid || nikClass[row] == .possiblyZeroedTail {
            nik.withUnsafeBuffers { bytes, offsets in
                for k in Int(offsets[row]) ..< Int(offsets[row + 1]) { value = value &* 10 &+ UInt64(bytes[k] &- 48) }
            }
        }
        guard firstTokenPhonetic.length(row) > 0 else { return (value, birthDate[row], 0) }
        let first = firstTokenPhonetic.withUnsafeBuffers { bytes, offsets in
            XXH3.hash(UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])]))
        }
        return (value, birthDate[row], max(first, 1))
    }

    /// How many unrelated people must carry one NIK before it counts as a placeholder.
    static let sharedNIKPeople = 3

    /// A NIK carried by ``sharedNIKPeople`` or more unrelated people (different first-name key and
    /// different birth date) is not theirs: a made-up or borrowed number. Reclassified as
    /// ``NIKClass/placeholder``. Two people are "related" when they share the first-name phonetic
    /// key or a birth date, so a person registered three times keeps a valid NIK.
    private mutating func markSharedNIKs() {
        var pairs: [(value: UInt64, row: Int32)] = []
        pairs.reserveCapacity(count)
        nik.withUnsafeBuffers { bytes, offsets in
            for row in 0 ..< count where nikClass[row] == .valid || nikClass[row] == .possiblyZeroedTail {
                var value: UInt64 = 0
                for k in Int(offsets[row]) ..< Int(offsets[row + 1]) { value = value &* 10 &+ UInt64(bytes[k] &- 48) }
                pairs.append((value, Int32(row)))
            }
        }
        pairs.sort { $0.value != $1.value ? $0.value < $1.value : $0.row < $1.row }
        var start = 0
        var people: [Int] = []
        while start < pairs.count {
            var end = start + 1
            while end < pairs.count && pairs[end].value == pairs[start].value { end += 1 }
            if end - start >= Self.sharedNIKPeople {
                let first = start
                if Self.isShared(count: end - start, people: &people, related: { related(Int(pairs[first + $0].row), Int(pairs[first + $1].row)) }) {
                    for k in start ..< end { nikClass[Int(pairs[k].row)] = .placeholder }
                }
            }
            start = end
        }
    }

    /// Whether the `count` records carrying one NIK, in row order, hold ``sharedNIKPeople``
    /// unrelated people: each record is a new person unless `related` to one already counted.
    /// `people` is scratch space.
    static func isShared(count: Int, people: inout [Int], related: (Int, Int) -> Bool) -> Bool {
        people.removeAll(keepingCapacity: true)
        for k in 0 ..< count where people.count < sharedNIKPeople {
            if !people.contains(where: { related($0, k) }) { people.append(k) }
        }
        return people.count >= sharedNIKPeople
    }

    private func related(_ a: Int, _ b: Int) -> Bool {
        if birthDate[a] != 0 && birthDate[a] == birthDate[b] { return true }
        return firstTokenPhonetic.length(a) > 0 && firstTokenPhonetic[a] == firstTokenPhonetic[b]
    }
}

/// The table's role columns, looked up once.
private struct Source: Sendable {
    let nik, kk, name, birthDate, birthPlace, sex, address, rt, rw, village, district, regency: ByteColumn?

    init(table: Table) {
        nik = table.column(.nik)
        kk = table.column(.kk)
        name = table.column(.name)
        birthDate = table.column(.birthDate)
        birthPlace = table.column(.birthPlace)
        sex = table.column(.sex)
        address = table.column(.address)
        rt = table.column(.rt)
        rw = table.column(.rw)
        village = table.column(.village)
        district = table.column(.district)
        regency = table.column(.regency)
    }
}

/// Calls `body` with each row of `rows` and its value in `column` (empty when there is no column).
@inline(__always)
private func forEachValue(_ column: ByteColumn?, _ rows: Range<Int>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
    guard let column else {
        for row in rows { body(row, UnsafeBufferPointer(start: nil, count: 0)) }
        return
    }
    column.withUnsafeBuffers { bytes, offsets in
        for row in rows {
            body(row, UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])]))
        }
    }
}

/// The standardization of one chunk of rows, merged in chunk order afterwards.
private struct Chunk {
    var nik = ByteColumn(), kk = ByteColumn()
    var nikClass: [NIKClass] = [], kkClass: [NIKClass] = []
    var nikZeroTail: [UInt8] = []
    var nikBirth: [Int32] = []
    var nikSex: [Sex] = []
    var name = ByteColumn(), nameSorted = ByteColumn(), namePhonetic = ByteColumn()
    var firstTokenPhonetic = ByteColumn(), fatherName = ByteColumn()
    var birthDate: [Int32] = []
    var birthYear: [Int16] = []
    var birthDateFlags: [DateFlags] = []
    var birthDateFormat: [DateFormat] = []
    var sex: [Sex] = []
    var street = ByteColumn(), houseNumber = ByteColumn()
    var rt: [UInt16] = [], rw: [UInt16] = []
    var village = ByteColumn(), district = ByteColumn(), regency = ByteColumn(), birthPlace = ByteColumn()
    var nikBirthAgreement: [Agreement] = [], nikSexAgreement: [Agreement] = []

    init(source: Source, rows: Range<Int>, referenceYear: Int, monthFirst: Bool) {
        let n = rows.count
        let base = rows.lowerBound
        for c in [\Chunk.nik, \.kk, \.name, \.nameSorted, \.namePhonetic, \.firstTokenPhonetic, \.fatherName,
                  \.street, \.houseNumber, \.village, \.district, \.regency, \.birthPlace] {
            self[keyPath: c].reserve(values: n, bytes: n * 16)
        }
        nikClass.reserveCapacity(n); kkClass.reserveCapacity(n); nikZeroTail.reserveCapacity(n)
        nikBirth.reserveCapacity(n); nikSex.reserveCapacity(n); birthDate.reserveCapacity(n); birthYear.reserveCapacity(n)
        birthDateFlags.reserveCapacity(n); birthDateFormat.reserveCapacity(n); sex.reserveCapacity(n)
        rt.reserveCapacity(n); rw.reserveCapacity(n); nikBirthAgreement.reserveCapacity(n); nikSexAgreement.reserveCapacity(n)
        forEachValue(source.birthDate, rows) { _, value in
            let d = DateStandardizer.standardize(value, referenceYear: referenceYear, monthFirst: monthFirst)
            birthDate.append(d.date)
            birthYear.append(d.year)
            birthDateFlags.append(d.flags)
            birthDateFormat.append(d.format)
        }
        forEachValue(source.sex, rows) { _, value in sex.append(SexStandardizer.standardize(value)) }

        var digits: [UInt8] = []
        forEachValue(source.nik, rows) { row, value in
            digits.removeAll(keepingCapacity: true)
            let r = NIKStandardizer.standardize(value, kind: .nik, into: &digits)
            nik.append(digits)
            nikClass.append(r.nikClass)
            nikZeroTail.append(r.zeroTail)
            nikSex.append(r.sex)
            let local = row - base
            var born: Int32 = 0
            if r.day > 0 {
                let columnYear = Int(birthYear[local])
                var year = DateStandardizer.pivot(Int(r.yy), referenceYear)
                if columnYear != 0 && columnYear % 100 == Int(r.yy) { year = columnYear }
                if CivilDate.isValid(year: year, month: Int(r.month), day: Int(r.day)) {
                    born = CivilDate.pack(year: year, month: Int(r.month), day: Int(r.day))
                }
            }
            nikBirth.append(born)
            let column = birthDate[local]
            if born != 0 && column == 0 && birthYear[local] != 0 {
                nikBirthAgreement.append(Int(born / 10000) == Int(birthYear[local]) ? .agree : .disagree)
            } else if born == 0 || column == 0 {
                nikBirthAgreement.append(.unknown)
            } else {
                nikBirthAgreement.append(born == column ? .agree : .disagree)
            }
            let s = sex[local]
            nikSexAgreement.append(r.sex == .unknown || s == .unknown ? .unknown : (r.sex == s ? .agree : .disagree))
        }
        forEachValue(source.kk, rows) { _, value in
            digits.removeAll(keepingCapacity: true)
            let r = NIKStandardizer.standardize(value, kind: .kk, into: &digits)
            kk.append(digits)
            kkClass.append(r.nikClass)
        }

        var names = NameStandardizer()
        forEachValue(source.name, rows) { _, value in
            names.standardize(value)
            name.append(names.name)
            nameSorted.append(names.sorted)
            namePhonetic.append(names.phonetic)
            firstTokenPhonetic.append(names.firstPhonetic)
            fatherName.append(names.father)
        }

        var address = AddressStandardizer()
        var fromText = (village: ByteColumn(), district: ByteColumn(), regency: ByteColumn())
        forEachValue(source.address, rows) { _, value in
            address.standardize(value)
            street.append(address.street)
            houseNumber.append(address.houseNumber)
            rt.append(address.rt)
            rw.append(address.rw)
            fromText.village.append(address.village)
            fromText.district.append(address.district)
            fromText.regency.append(address.regency)
        }
        forEachValue(source.rt, rows) { row, value in
            let (a, b) = AddressStandardizer.rtColumn(value)
            let local = row - base
            if a != 0 { rt[local] = a }
            if b != 0 { rw[local] = b }
        }
        if let rwColumn = source.rw {
            forEachValue(rwColumn, rows) { row, value in
                let (a, _) = AddressStandardizer.rtColumn(value)
                if a != 0 { rw[row - base] = a }
            }
        }
        var out: [UInt8] = []
        func places(_ column: ByteColumn?, _ kind: AddressStandardizer.PlaceKind, _ fallback: ByteColumn?,
                    into result: inout ByteColumn) {
            var cache = PlaceCache()
            forEachValue(column, rows) { row, value in
                out.removeAll(keepingCapacity: true)
                cache.place(value, kind: kind, standardizer: &address, into: &out)
                if out.isEmpty, let fallback {
                    let local = row - base
                    result.append(fallback[local])
                } else {
                    result.append(out)
                }
            }
        }
        places(source.village, .village, fromText.village, into: &village)
        places(source.district, .district, fromText.district, into: &district)
        places(source.regency, .regency, fromText.regency, into: &regency)
        places(source.birthPlace, .birthPlace, nil, into: &birthPlace)
    }
}
