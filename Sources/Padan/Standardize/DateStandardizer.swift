/// A date read from text: `yyyymmdd` (0 when unknown or impossible), what was noticed, and the
/// shape it was written in.
struct StandardizedDate: Equatable, Sendable {
    var date: Int32
    var flags: DateFlags
    var format: DateFormat
    /// The year of `date`, or the year alone for ``DateFlags/yearOnly``; 0 when unknown.
    var year: Int16 { flags.contains(.yearOnly) ? onlyYear : Int16(date / 10000) }
    var onlyYear: Int16 = 0
}

/// Reads dates as Indonesian lists write them: day first (`12-08-1980`, `12/08/1980`,
/// `12.08.1980`), ISO (`1980-08-12`, the only year-first form), Indonesian and English month
/// names and abbreviations (`12 Agustus 1980`, `12-AGS-80`, `12 Agt 1980`, `12-Aug-1980`),
/// compact digits (`19800812`, `12081980`, `120880`), Excel serial day numbers (`29445`) and a
/// bare year (`1950`, date 0 and the year kept apart). Two-digit years are pivoted so the person is 0-99 years old on the
/// reference year. Impossible dates are flagged and stored as 0, never guessed; likely
/// placeholders (1 January, 1 July, 31 December) are kept and flagged.
/// See `Guides/Standardize/DateStandardizer.md`.
enum DateStandardizer {
    /// How many years before the reference year a birth date may lie.
    static let maximumAge = 120

    /// `input` as a date. `monthFirst`: the column writes dates month first (`12/31/1980`, as
    /// Excel does on a PC set to American English; ``readsMonthFirst(_:)``), so a date of three
    /// numbers whose year is last is read month, day, year; every other form is read as always.
    static func standardize(_ input: UnsafeBufferPointer<UInt8>, referenceYear: Int, monthFirst: Bool = false) -> StandardizedDate {
        let t = TextFold.trimmed(input)
        guard t.contains(where: { TextFold.isDigit($0) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }) else {
            return StandardizedDate(date: 0, flags: [], format: .blank)
        }
        if let number = numeric(t) { return fromNumber(number, referenceYear: referenceYear) }
        return fromComponents(t, referenceYear: referenceYear, monthFirst: monthFirst)
    }

    /// Whether a column writes its dates month first (``DateOrder/monthFirst(_:)``, which the
    /// reader's warning uses too).
    static func readsMonthFirst(_ column: ByteColumn?) -> Bool { DateOrder.monthFirst(column) }

    // MARK: Plain numbers

    private struct Number {
        var value: Int
        var digits: Int
        var hasFraction: Bool
    }

    /// `digits` or `digits[.,]digits` (an Excel serial with a time of day), at most 8 integer digits.
    private static func numeric(_ t: UnsafeBufferPointer<UInt8>) -> Number? {
        var value = 0, digits = 0, i = 0
        while i < t.count && TextFold.isDigit(t[i]) {
            value = value * 10 + Int(t[i] - 48)
            digits += 1
            i += 1
            if digits > 8 { return nil }
        }
        guard digits > 0 else { return nil }
        if i == t.count { return Number(value: value, digits: digits, hasFraction: false) }
        guard t[i] == 46 || t[i] == 44, i + 1 < t.count else { return nil }
        i += 1
        while i < t.count {
            if !TextFold.isDigit(t[i]) { return nil }
            i += 1
        }
        return Number(value: value, digits: digits, hasFraction: true)
    }

    private static func fromNumber(_ n: Number, referenceYear ref: Int) -> StandardizedDate {
        if n.value == 0 { return StandardizedDate(date: 0, flags: .placeholder, format: n.digits >= 6 ? .compactDayFirst : .excelSerial) }
        if !n.hasFraction && n.digits == 8 {
            let y = n.value / 10000, m = n.value / 100 % 100, d = n.value % 100
            if y >= ref - maximumAge && y <= ref && CivilDate.isValid(year: y, month: m, day: d) {
                return finish(year: y, month: m, day: d, flags: [], format: .compactYearFirst, ref: ref)
            }
            return finish(year: n.value % 10000, month: n.value / 10000 % 100, day: n.value / 1_000_000,
                          flags: [], format: .compactDayFirst, ref: ref)
        }
        if !n.hasFraction && n.digits == 6 {
            let yy = n.value % 100
            return finish(year: pivot(yy, ref), month: n.value / 100 % 100, day: n.value / 10000,
                          flags: .twoDigitYear, format: .compactDayFirst, ref: ref)
        }
        if !n.hasFraction && n.digits == 4 && n.value >= ref - maximumAge && n.value <= ref {
            return StandardizedDate(date: 0, flags: .yearOnly, format: .yearOnly, onlyYear: Int16(n.value))
        }
        if n.digits <= 5 {
            guard let (y, m, d) = CivilDate.fromExcelSerial(n.value) else {
                return StandardizedDate(date: 0, flags: [.excelSerial, .impossible], format: .excelSerial)
            }
            return finish(year: y, month: m, day: d, flags: .excelSerial, format: .excelSerial, ref: ref)
        }
        return StandardizedDate(date: 0, flags: .unparsed, format: .unparsed)
    }

    // MARK: Day, month and year in separate parts

    private struct Part {
        var value = 0        // the number, or the month of a month name
        var digits = 0       // 0 for a month name
        var isMonthName: Bool { digits == 0 }
    }

    /// Up to three parts, without a heap allocation.
    private struct FixedParts {
        private var a = Part(), b = Part(), c = Part()
        private(set) var count = 0

        mutating func append(_ p: Part) {
            switch count {
            case 0: a = p
            case 1: b = p
            default: c = p
            }
            count += 1
        }

        subscript(i: Int) -> Part { i == 0 ? a : i == 1 ? b : c }
    }

    private static func fromComponents(_ t: UnsafeBufferPointer<UInt8>, referenceYear ref: Int, monthFirst: Bool) -> StandardizedDate {
        var parts = FixedParts()
        var separator: UInt8 = 0    // the first separator between the first two parts
        var i = 0
        let n = t.count
        while i < n && parts.count < 3 {
            let b = t[i]
            if TextFold.isDigit(b) {
                var p = Part()
                while i < n && TextFold.isDigit(t[i]) {
                    if p.digits < 5 { p.value = p.value * 10 + Int(t[i] - 48) }
                    p.digits += 1
                    i += 1
                }
                parts.append(p)
            } else if b | 0x20 >= 97 && b | 0x20 <= 122 {
                let start = i
                var key: UInt64 = 0
                while i < n && t[i] | 0x20 >= 97 && t[i] | 0x20 <= 122 {
                    if i - start < 12 { key = key &<< 5 | UInt64((t[i] | 0x20) - 96) }
                    i += 1
                }
                guard i - start <= 12, let month = months[key] else {
                    return StandardizedDate(date: 0, flags: .unparsed, format: .unparsed)
                }
                parts.append(Part(value: month, digits: 0))
            } else if b == 32 || b == 45 || b == 47 || b == 46 || b == 44 || b == 39 || b == 9 {
                if parts.count == 1 && (separator == 0 || separator == 32) { separator = b }
                i += 1
            } else {
                return StandardizedDate(date: 0, flags: .unparsed, format: .unparsed)
            }
        }
        guard parts.count == 3, i == n || isTimeOfDay(t, from: i) else {
            return StandardizedDate(date: 0, flags: .unparsed, format: .unparsed)
        }
        let named = parts[0].isMonthName || parts[1].isMonthName || parts[2].isMonthName
        if (0 ..< 3).allSatisfy({ !parts[$0].isMonthName && parts[$0].value == 0 }) {
            return StandardizedDate(date: 0, flags: .placeholder, format: parts[0].digits == 4 ? .iso : format(separator))
        }
        let year: Part, month: Part, day: Part
        var fmt: DateFormat
        if parts[0].digits == 4 {
            (year, month, day) = (parts[0], parts[1], parts[2])
            fmt = named ? .monthName : .iso
        } else if parts[0].isMonthName {
            (month, day, year) = (parts[0], parts[1], parts[2])
            fmt = .monthName
        } else if monthFirst && !named {
            (month, day, year) = (parts[0], parts[1], parts[2])
            fmt = .monthDayYear
        } else {
            (day, month, year) = (parts[0], parts[1], parts[2])
            fmt = named ? .monthName : format(separator)
        }
        guard !day.isMonthName, !year.isMonthName, day.digits <= 2, month.digits <= 2 else {
            return StandardizedDate(date: 0, flags: .unparsed, format: .unparsed)
        }
        switch year.digits {
        case 4: return finish(year: year.value, month: month.value, day: day.value, flags: [], format: fmt, ref: ref)
        case 2: return finish(year: pivot(year.value, ref), month: month.value, day: day.value, flags: .twoDigitYear, format: fmt, ref: ref)
        default: return StandardizedDate(date: 0, flags: .unparsed, format: .unparsed)
        }
    }

    /// ` 00:00:00`, `T00:00`, ` 0:00` after a date: a time of day Excel or a database added.
    private static func isTimeOfDay(_ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        if i < t.count && (t[i] == 32 || t[i] == 84 || t[i] == 116) { i += 1 } else { return false }
        var sawColon = false
        while i < t.count {
            let b = t[i]
            if b == 58 { sawColon = true } else if !(TextFold.isDigit(b) || b == 46 || b == 32 || b == 90) { return false }
            i += 1
        }
        return sawColon
    }

    private static func format(_ separator: UInt8) -> DateFormat {
        switch separator {
        case 45: return .dayMonthYearDash
        case 47: return .dayMonthYearSlash
        case 46: return .dayMonthYearDot
        default: return .dayMonthYearSpace
        }
    }

    /// The year `yy` stands for: the latest one not after the reference year.
    @inline(__always)
    static func pivot(_ yy: Int, _ referenceYear: Int) -> Int {
        let century = referenceYear / 100 * 100
        return century + yy <= referenceYear ? century + yy : century - 100 + yy
    }

    private static func finish(year: Int, month: Int, day: Int, flags: DateFlags, format: DateFormat, ref: Int) -> StandardizedDate {
        var flags = flags
        guard CivilDate.isValid(year: year, month: month, day: day), year <= ref, year >= ref - maximumAge else {
            flags.insert(.impossible)
            return StandardizedDate(date: 0, flags: flags, format: format)
        }
        if isPlaceholder(month: month, day: day) { flags.insert(.placeholder) }
        return StandardizedDate(date: CivilDate.pack(year: year, month: month, day: day), flags: flags, format: format)
    }

    /// 1 January, 1 July and 31 December: the days written for people whose birth day is unknown.
    @inline(__always)
    static func isPlaceholder(month: Int, day: Int) -> Bool {
        (month == 1 && day == 1) || (month == 7 && day == 1) || (month == 12 && day == 31)
    }

    /// Month names and abbreviations (Indonesian and English), packed lowercase (5 bits a letter).
    /// Every prefix of at least three letters of a full name counts, plus the usual short forms.
    static let months: PackedTable<Int> = PackedTable({
        let names: [(String, Int)] = [
            ("januari", 1), ("january", 1), ("februari", 2), ("pebruari", 2), ("february", 2),
            ("maret", 3), ("march", 3), ("april", 4), ("mei", 5), ("may", 5), ("juni", 6), ("june", 6),
            ("juli", 7), ("july", 7), ("agustus", 8), ("august", 8), ("september", 9), ("oktober", 10),
            ("october", 10), ("november", 11), ("nopember", 11), ("desember", 12), ("december", 12),
        ]
        let short: [(String, Int)] = [("agt", 8), ("ags", 8), ("sept", 9), ("okt", 10), ("nop", 11), ("peb", 2)]
        func pack(_ s: Substring) -> UInt64 { s.utf8.reduce(0) { $0 &<< 5 | UInt64($1 - 96) } }
        var table: [UInt64: Int] = [:]
        for (name, month) in names {
            for length in 3 ... name.count { table[pack(name.prefix(length))] = month }
        }
        for (name, month) in short { table[pack(name[...])] = month }
        return table
    }())
}
