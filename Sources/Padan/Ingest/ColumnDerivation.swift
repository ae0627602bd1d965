/// Columns made from the columns a list has, once it is read: combined columns split into the
/// roles they carry, a name in parts joined, and ids made unique.
///
/// - `TTL` (`BANDUNG, 17-08-1945`) → birth place and birth date (split at the last comma, else
///   before the first digit; a trailing comma is dropped, and a bare year after the last comma,
///   `BANDUNG, 17 Agustus, 1945`, stays with the date), for whichever of the two roles has no
///   column of its own.
/// - `RT/RW` (`003/005`, `3-5`) → RT and RW.
/// - `USIA` (`63`, `63 TH`) → an approximate birth year (reference year − age), when there is no
///   birth date: the comparisons then treat it as a year-only date.
/// - `NAMA DEPAN` + `NAMA TENGAH` + `NAMA BELAKANG` → name, when there is no name column.
/// - An id column that repeats a value or is blank: those rows get `value#line` (`#line` for a
///   blank) in a new id column, so two different rows never share an id in links and clusters.
///
/// The new columns are added after the list's own (named `... (dari TTL)` and so on) and carry
/// the roles; the list's own columns are kept as they were.
struct ColumnDerivation {
    var names: [String]
    var columns: [ByteColumn]
    var roles: [Role: Int]
    let combined: [HeaderVocabulary.Combined: Int]
    let lineNumbers: [Int32]
    let referenceYear: Int
    /// For rows stacked from several sheets, each row's sheet name, so made ids name it
    /// (`value#Sheet:line`): line numbers repeat across sheets.
    var rowSheets: [String]?
    private(set) var warnings: [String] = []
    private(set) var notes: [String] = []

    init(names: [String], columns: [ByteColumn], roles: [Role: Int], combined: [HeaderVocabulary.Combined: Int],
         lineNumbers: [Int32], referenceYear: Int) {
        self.names = names
        self.columns = columns
        self.roles = roles
        self.combined = combined
        self.lineNumbers = lineNumbers
        self.referenceYear = referenceYear
    }

    mutating func run() {
        splitBirthPlaceAndDate()
        splitRTRW()
        ageToBirthYear()
        joinNameParts()
        uniqueIDs()
        if let c = roles[.birthDate] {
            let (dayFirst, monthFirst) = DateOrder.evidence(columns[c])
            if monthFirst > 0 && dayFirst == 0 {
                warnings.append("the dates in '\(names[c])' are written month first (mm/dd/yyyy, as Excel writes them on a PC set to "
                                + "American English): \(monthFirst) of them have a second number above 12 and none a first; they are read month first")
            }
        }
    }

    private var rowCount: Int { lineNumbers.count }

    private mutating func add(_ name: String, _ column: ByteColumn, role: Role) {
        var unique = name
        var k = 2
        while names.contains(unique) {
            unique = "\(name)_\(k)"
            k += 1
        }
        names.append(unique)
        columns.append(column)
        roles[role] = columns.count - 1
    }

    private mutating func splitBirthPlaceAndDate() {
        guard let c = combined[.birthPlaceAndDate], roles[.birthPlace] == nil || roles[.birthDate] == nil else { return }
        var places = ByteColumn(), dates = ByteColumn()
        let source = columns[c]
        for row in 0 ..< rowCount {
            var v = Array(source[row])
            // A comma typed after the date (`BOGOR, 12-03-1980,`) is not where the date starts.
            while let last = v.last, last == UInt8(ascii: ",") || last == 32 || last == 9 { v.removeLast() }
            var cut = v.lastIndex(of: UInt8(ascii: ","))
            // `BOGOR, 12 Maret, 1980`: a bare year after the last comma is the date's end, not all of it.
            if let c = cut, let earlier = v[..<c].lastIndex(of: UInt8(ascii: ",")),
               Self.trimmed(v[(c + 1)...]).count == 4, Self.trimmed(v[(c + 1)...]).allSatisfy({ $0 &- 48 < 10 }),
               v[(earlier + 1) ..< c].contains(where: { $0 &- 48 < 10 }) {
                cut = earlier
            }
            var dateStart = cut.map { $0 + 1 }
            if cut == nil, let digit = v.firstIndex(where: { $0 &- 48 < 10 }) {
                cut = digit
                dateStart = digit
            }
            if let cut, let dateStart {
                places.append(Self.trimmed(v[..<cut]))
                dates.append(Self.trimmed(v[dateStart...]))
            } else {
                places.append(Self.trimmed(v[...]))
                dates.append([UInt8]())
            }
        }
        let header = names[c]
        var made: [String] = []
        if roles[.birthPlace] == nil {
            add("TEMPAT LAHIR (dari \(header))", places, role: .birthPlace)
            made.append("birth_place")
        }
        if roles[.birthDate] == nil {
            add("TANGGAL LAHIR (dari \(header))", dates, role: .birthDate)
            made.append("birth_date")
        }
        notes.append("column '\(header)' (place, date of birth) was split into \(made.joined(separator: " and "))")
    }

    private mutating func splitRTRW() {
        guard let c = combined[.rtRW], roles[.rt] == nil, roles[.rw] == nil else { return }
        var rt = ByteColumn(), rw = ByteColumn()
        columns[c].withUnsafeBuffers { bytes, offsets in
            for row in 0 ..< rowCount {
                let v = UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])])
                let (a, b) = RTRWColumn.parse(v)
                rt.append(a == 0 ? [] : Array(String(a).utf8))
                rw.append(b == 0 ? [] : Array(String(b).utf8))
            }
        }
        let header = names[c]
        add("RT (dari \(header))", rt, role: .rt)
        add("RW (dari \(header))", rw, role: .rw)
        notes.append("column '\(header)' was split into rt and rw")
    }

    private mutating func ageToBirthYear() {
        guard let c = combined[.age], roles[.birthDate] == nil else { return }
        var years = ByteColumn()
        var read = 0
        for row in 0 ..< rowCount {
            let v = columns[c][row]
            var age = 0, digits = 0
            for b in v {
                if b &- 48 < 10 {
                    age = age * 10 + Int(b - 48)
                    digits += 1
                    if digits > 3 { break }
                } else if digits > 0 {
                    break
                }
            }
            if digits > 0 && digits <= 3 && age <= 120 {
                years.append(Array(String(referenceYear - age).utf8))
                read += 1
            } else {
                years.append([UInt8]())
            }
        }
        let header = names[c]
        add("TAHUN LAHIR (dari \(header), kira-kira)", years, role: .birthDate)
        notes.append("column '\(header)' (age) was read as an approximate birth year, \(referenceYear) minus the age, "
                     + "on \(read) of \(rowCount) rows")
    }

    private mutating func joinNameParts() {
        guard roles[.name] == nil else { return }
        let parts = [combined[.givenName], combined[.middleName], combined[.surname]].compactMap { $0 }
        guard !parts.isEmpty else { return }
        var joined = ByteColumn()
        var value: [UInt8] = []
        for row in 0 ..< rowCount {
            value.removeAll(keepingCapacity: true)
            for p in parts {
                let part = Self.trimmed(columns[p][row])
                guard !part.isEmpty else { continue }
                if !value.isEmpty { value.append(32) }
                value.append(contentsOf: part)
            }
            joined.append(value)
        }
        let list = parts.map { names[$0] }
        add("NAMA (\(list.joined(separator: " + ")))", joined, role: .name)
        notes.append("the name is given in parts; \(list.map { "'\($0)'" }.joined(separator: " + ")) were joined into name")
    }

    /// Where `row` is in the file: its line, after its sheet's name when rows come from several.
    private func place(_ row: Int) -> String {
        guard let rowSheets else { return String(lineNumbers[row]) }
        return "\(rowSheets[row]):\(lineNumbers[row])"
    }

    /// Makes ids unique: rows whose id is blank or repeated get `value#line`.
    ///
    /// - Complexity: one hash per row, on the id's bytes in place (this runs on every list).
    private mutating func uniqueIDs() {
        guard let c = roles[.id] else { return }
        let ids = columns[c]
        var firstRow: [UInt64: Int32] = [:]
        firstRow.reserveCapacity(rowCount)
        var repeated: [Bool] = []
        var blank = 0
        var repeatedRows = 0
        var example: (String, Int, Int)?
        ids.withUnsafeBuffers { bytes, offsets in
            func trimmedRange(_ row: Int) -> Range<Int> {
                var lo = Int(offsets[row]), hi = Int(offsets[row + 1])
                while lo < hi && (bytes[lo] == 32 || bytes[lo] == 9) { lo += 1 }
                while hi > lo && (bytes[hi - 1] == 32 || bytes[hi - 1] == 9) { hi -= 1 }
                return lo ..< hi
            }
            func mark(_ row: Int) {
                if repeated.isEmpty { repeated = [Bool](repeating: false, count: rowCount) }
                repeated[row] = true
            }
            for row in 0 ..< rowCount {
                let r = trimmedRange(row)
                if r.isEmpty {
                    mark(row)
                    blank += 1
                    continue
                }
                let field = UnsafeBufferPointer(rebasing: bytes[r])
                let h = XXH3.hash(field)
                if let earlier = firstRow[h] {
                    guard bytes[trimmedRange(Int(earlier))].elementsEqual(field) else { continue }
                    if repeated.isEmpty || !repeated[Int(earlier)] { repeatedRows += 1 }
                    mark(Int(earlier))
                    mark(row)
                    repeatedRows += 1
                    if example == nil { example = (String(decoding: field, as: UTF8.self), Int(earlier), row) }
                } else {
                    firstRow[h] = Int32(row)
                }
            }
        }
        guard blank > 0 || repeatedRows > 0 else { return }
        // A made id may be another row's own id (`5#3` typed in the file) or one made before: then
        // it takes the line once more, until it is new.
        var kept = Set<[UInt8]>()
        for row in 0 ..< rowCount where !repeated[row] { kept.insert(Self.trimmed(ids[row])) }
        var unique = ByteColumn()
        unique.reserve(values: rowCount, bytes: ids.bytes.count + rowCount)
        for row in 0 ..< rowCount {
            if repeated[row] {
                var made = Self.trimmed(ids[row]) + Array("#\(place(row))".utf8)
                while kept.contains(made) { made += Array("#\(place(row))".utf8) }
                // Two rows can share a place (an HTML table's rows on one line): the second then
                // finds the first's made id taken and goes on.
                kept.insert(made)
                unique.append(made)
            } else {
                unique.append(ids[row])
            }
        }
        let header = names[c]
        var what: [String] = []
        if repeatedRows > 0, let (value, a, b) = example {
            what.append("\(repeatedRows) rows share an id with another row (e.g. '\(value)' on lines \(place(a)) and \(place(b)))")
        }
        if blank > 0 { what.append("\(blank) rows have no id") }
        add("\(header)_UNIK", unique, role: .id)
        warnings.append("the id column '\(header)' is not unique: \(what.joined(separator: ", ")); "
                        + "those rows' ids are made unique as value#line (column '\(names.last!)'), "
                        + "so different rows never share an id in links and clusters")
    }

    static func trimmed<C: Collection>(_ v: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
        var lo = v.startIndex, hi = v.endIndex
        while lo < hi && (v[lo] == 32 || v[lo] == 9 || v[lo] == 13 || v[lo] == 10) { lo += 1 }
        while hi > lo && (v[hi - 1] == 32 || v[hi - 1] == 9 || v[hi - 1] == 13 || v[hi - 1] == 10) { hi -= 1 }
        return Array(v[lo ..< hi])
    }
}
