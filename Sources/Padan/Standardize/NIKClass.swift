/// What a NIK (or KK number) value turned out to be.
///
/// Only ``valid`` and ``possiblyZeroedTail`` NIKs are trustworthy identifiers; the others are kept
/// (with the digits found) so the engine can still use what is left of them.
public enum NIKClass: UInt8, Sendable, CaseIterable, Codable {
    /// 16 digits, a known province, a possible birth date and a serial that does not end in 0.
    case valid
    /// Valid-looking, but ends in one or more zeros: it may have passed through a 15-significant-
    /// digit number (Excel) that zeroed its tail. Serials end in 0 legitimately one time in ten,
    /// so this cannot be proved alone; `nikZeroTail` gives the count for comparisons.
    case possiblyZeroedTail
    /// Only digits, but not 16 of them. The digits are kept.
    case wrongLength
    /// Letters or other characters among the digits.
    case nonDigit
    /// The birth-date part (DDMMYY, day + 40 for women) is not a date.
    case impossibleDate
    /// The first two digits are not one of the 38 province codes.
    case unknownProvince
    /// Excel damage that cannot be undone: scientific notation (`3.27105E+15`), a number with 15
    /// or fewer significant digits written as a float (`3271050101900000.0`), or a serial zeroed
    /// to `0000`. The surviving digits are kept.
    case excelScientific
    /// Empty, a dash, `NULL`, `-`, `TIDAK ADA` and the like.
    case blank
    /// Not a real number: one repeated digit, a sequence (`1234567890123456`), a short repeating
    /// pattern, or (table-wide) one NIK carried by three or more unrelated people.
    case placeholder
}
