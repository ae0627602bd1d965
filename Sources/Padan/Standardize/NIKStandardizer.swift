/// What a NIK or KK value contained, beyond its cleaned digits.
struct StandardizedNIK: Equatable, Sendable {
    var nikClass: NIKClass
    /// Trailing zeros of a 16-digit number; for Excel damage, how many of the 16 digits were lost.
    var zeroTail: UInt8 = 0
    /// The birth date's day (1...31, women's +40 removed), month and two-digit year, when the
    /// date part is a possible date. `day == 0` when there is none.
    var day: UInt8 = 0
    var month: UInt8 = 0
    var yy: UInt8 = 0
    var sex: Sex = .unknown
}

/// Cleans and classifies NIKs (Nomor Induk Kependudukan) and KK numbers (Nomor Kartu Keluarga).
///
/// A NIK is 16 digits: province (2), regency (2), district (2), birth date DDMMYY with 40 added to
/// the day for women, and a 4-digit serial from 0001; there is no check digit. A KK number has
/// the same region prefix and length. Spaces, dots, dashes and a leading apostrophe (Excel's
/// "store as text") are removed; Excel damage is recognized. See `Guides/Standardize/NIKStandardizer.md`.
enum NIKStandardizer {
    enum Kind { case nik, kk }

    /// The 38 province codes of Permendagri/Kepmendagri region coding (Kepmendagri
    /// 100.1.1-6117/2022 and its updates): 11-19, 21, 31-36, 51-53, 61-65, 71-76, 81, 82, 91-96.
    static let provinceCodes: Set<Int> = Set(
        Array(11 ... 19) + [21] + Array(31 ... 36) + Array(51 ... 53) + Array(61 ... 65) + Array(71 ... 76)
            + [81, 82] + Array(91 ... 96))

    /// Province code → whether it is one, indexed 0...99 (for the hot path).
    static let isProvince: [Bool] = (0 ..< 100).map { provinceCodes.contains($0) }

    /// Cleans `input` and appends the digits kept to `out` (nothing for blank and non-digit values).
    static func standardize(_ input: UnsafeBufferPointer<UInt8>, kind: Kind = .nik, into out: inout [UInt8]) -> StandardizedNIK {
        var t = TextFold.trimmed(input)
        t = stripQuotes(t)
        let start = out.count

        var digits = 0, letters = 0, others = 0
        var hasE = false
        for b in t {
            if TextFold.isDigit(b) { digits += 1 }
            else if b == 69 || b == 101 { hasE = true; letters += 1 }
            else if b | 0x20 >= 97 && b | 0x20 <= 122 { letters += 1 }
            else if !(b == 32 || b == 46 || b == 45 || b == 95 || b == 47 || b == 44 || b == 9 || b == 43) { others += 1 }
        }
        if digits == 0 {
            return StandardizedNIK(nikClass: letters > 0 && !isNullWord(t) ? .nonDigit : .blank)
        }
        if hasE {
            guard let sci = scientific(t) else { return StandardizedNIK(nikClass: .nonDigit) }
            if sci.totalDigits == 16 && sci.significant.count == 16 {
                out.append(contentsOf: sci.significant)
                return classify16(&out, start: start, kind: kind)
            }
            out.append(contentsOf: sci.significant)
            let lost = sci.totalDigits == 16 ? UInt8(16 - sci.significant.count) : 0
            return StandardizedNIK(nikClass: .excelScientific, zeroTail: lost)
        }
        if letters > 0 || others > 0 { return StandardizedNIK(nikClass: .nonDigit) }
        if let integer = floatForm(t) {
            // A number written as a float by a script (pandas writes `3273…0010.0`): a double holds
            // every 16-digit NIK below 2^53 exactly and the script prints all of its digits, so the
            // 16 digits are trusted as if written plainly (a zeroed tail is still judged there).
            // Excel never writes a `.0`; fewer integer digits are what survived a damaged number.
            var sig = integer.count
            while sig > 0 && integer[sig - 1] == 48 { sig -= 1 }
            if integer.count == 16 {
                out.append(contentsOf: integer)
                return classify16(&out, start: start, kind: kind)
            }
            out.append(contentsOf: integer[..<sig])
            let lost = integer.count == 16 ? UInt8(16 - sig) : 0
            return StandardizedNIK(nikClass: .excelScientific, zeroTail: lost)
        }
        for b in t where TextFold.isDigit(b) { out.append(b) }
        if out.count - start != 16 { return StandardizedNIK(nikClass: .wrongLength) }
        return classify16(&out, start: start, kind: kind)
    }

    /// Classifies the 16 digits at `out[start...]`; may shorten them to the digits kept.
    private static func classify16(_ out: inout [UInt8], start: Int, kind: Kind) -> StandardizedNIK {
        let patterned = out.withUnsafeBufferPointer { isPatterned(UnsafeBufferPointer(rebasing: $0[start ..< start + 16])) }
        if patterned { return StandardizedNIK(nikClass: .placeholder) }
        let base = start
        func d(_ k: Int) -> UInt8 { out[base + k] &- 48 }
        var zeros = 0
        while zeros < 16 && d(15 - zeros) == 0 { zeros += 1 }
        var result = StandardizedNIK(nikClass: .valid, zeroTail: UInt8(zeros))
        let province = Int(d(0)) * 10 + Int(d(1))
        if kind == .nik {
            let rawDay = Int(d(6)) * 10 + Int(d(7)), month = Int(d(8)) * 10 + Int(d(9)), yy = Int(d(10)) * 10 + Int(d(11))
            let female = rawDay > 40
            let day = female ? rawDay - 40 : rawDay
            // 29 February is possible when either century's year is a leap year (yy = 00: 2000).
            let leapYear = yy % 4 == 0 ? 2000 : 2001
            if CivilDate.isValid(year: leapYear, month: month, day: day) {
                result.day = UInt8(day)
                result.month = UInt8(month)
                result.yy = UInt8(yy)
                result.sex = female ? .female : .male
            }
        }
        if zeros >= 4 {
            // Serial 0000 does not exist: the tail was zeroed (or made up). Keep what survived.
            out.removeLast(zeros)
            result.nikClass = .excelScientific
        } else if !isProvince[province] {
            result.nikClass = .unknownProvince
        } else if kind == .nik && result.day == 0 {
            result.nikClass = .impossibleDate
        } else if zeros > 0 {
            result.nikClass = .possiblyZeroedTail
        }
        return result
    }

    /// One repeated digit, an ascending or descending run (mod 10), or a pattern that repeats
    /// with a period of at most 8 digits: numbers people type when they have none. `d` holds 16
    /// ASCII digits.
    static func isPatterned(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        for period in 1 ... 8 {
            var k = period
            while k < 16 && d[k] == d[k - period] { k += 1 }
            if k == 16 { return true }
        }
        for step: UInt8 in [1, 9] {
            var k = 1
            while k < 16 && (d[k] &- 48) == ((d[k - 1] &- 48) &+ step) % 10 { k += 1 }
            if k == 16 { return true }
        }
        return false
    }

    /// Strips a leading apostrophe (Excel's text marker, straight or curly) and enclosing quotes.
    private static func stripQuotes(_ t: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = t.count
        while true {
            if lo < hi && (t[lo] == 39 || t[lo] == 96 || t[lo] == 34) { lo += 1; continue }
            if lo + 2 < hi && t[lo] == 0xE2 && t[lo + 1] == 0x80 && (t[lo + 2] == 0x98 || t[lo + 2] == 0x99) { lo += 3; continue }
            break
        }
        while hi > lo && (t[hi - 1] == 34 || t[hi - 1] == 39) { hi -= 1 }
        return TextFold.trimmed(UnsafeBufferPointer(rebasing: t[lo ..< hi]))
    }

    /// Words that mean "no number".
    private static func isNullWord(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters: [UInt8] = []
        for b in t where b | 0x20 >= 97 && b | 0x20 <= 122 { letters.append(b & 0xDF) }
        switch String(decoding: letters, as: UTF8.self) {
        case "NULL", "NONE", "NAN", "NA", "NIL", "TIDAKADA", "TDKADA", "TAKADA", "BELUMADA", "BLMADA",
             "KOSONG", "TIDAKPUNYA", "BELUMPUNYA", "TIDAKMEMILIKI", "BELUMMEMILIKI", "X", "XX", "XXX":
            return true
        default:
            return false
        }
    }

    /// `3.27105E+15`, `3,27105E+15`, `3271050101900001E0`: the mantissa's significant digits and
    /// how many digits the integer has. Nil when the value is not such a number.
    private static func scientific(_ t: UnsafeBufferPointer<UInt8>) -> (significant: [UInt8], totalDigits: Int)? {
        var i = 0, mantissa: [UInt8] = [], pointAt: Int?
        while i < t.count {
            let b = t[i]
            if TextFold.isDigit(b) { mantissa.append(b) }
            else if (b == 46 || b == 44) && pointAt == nil { pointAt = mantissa.count }
            else { break }
            i += 1
        }
        guard !mantissa.isEmpty, i < t.count, t[i] | 0x20 == 101 else { return nil }
        i += 1
        if i < t.count && t[i] == 43 { i += 1 }
        var exponent = 0, expDigits = 0
        while i < t.count && TextFold.isDigit(t[i]) && expDigits < 3 {
            exponent = exponent * 10 + Int(t[i] - 48)
            expDigits += 1
            i += 1
        }
        guard expDigits > 0, i == t.count else { return nil }
        var lead = 0
        while lead < mantissa.count - 1 && mantissa[lead] == 48 { lead += 1 }
        let integerDigits = (pointAt ?? mantissa.count) - lead + exponent
        var significant = Array(mantissa[lead...])
        while significant.count > 1 && significant.last == 48 { significant.removeLast() }
        if significant.count > integerDigits { return nil }  // a fraction: not an identifier
        return (significant, integerDigits)
    }

    /// `3271050101900000.0` or `...,00`: the integer digits of a number written as a float
    /// (at least 10 integer digits and a fraction of one or two zeros).
    private static func floatForm(_ t: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let point = t.lastIndex(where: { $0 == 46 || $0 == 44 }) else { return nil }
        let fraction = t.count - point - 1
        guard fraction >= 1, fraction <= 2, point >= 10 else { return nil }
        for k in (point + 1) ..< t.count where t[k] != 48 { return nil }
        var integer: [UInt8] = []
        for k in 0 ..< point {
            guard TextFold.isDigit(t[k]) else { return nil }
            integer.append(t[k])
        }
        return integer
    }
}
