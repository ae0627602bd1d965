/// The shape a date was written in, as reported by `padan inspect`.
public enum DateFormat: String, Sendable, CaseIterable, Codable {
    case blank
    /// `1980-08-12`, `1980/08/12` (year first: the only year-first form accepted).
    case iso = "YYYY-MM-DD"
    case dayMonthYearDash = "DD-MM-YYYY"
    case dayMonthYearSlash = "DD/MM/YYYY"
    case dayMonthYearDot = "DD.MM.YYYY"
    case dayMonthYearSpace = "DD MM YYYY"
    /// `12/31/1980`, `12-31-80`: month first, read so only in a column that writes every date so
    /// (``DateStandardizer/readsMonthFirst(_:)``).
    case monthDayYear = "MM/DD/YYYY"
    /// `12 Agustus 1980`, `12-AGS-80`, `12-Aug-1980`, `Aug 12, 1980`.
    case monthName = "DD MONTH YYYY"
    /// `19800812`.
    case compactYearFirst = "YYYYMMDD"
    /// `12081980`, `120880`.
    case compactDayFirst = "DDMMYYYY"
    /// `29445` (days since 1899-12-30 with Excel's 1900 leap-year bug).
    case excelSerial = "excel serial"
    case yearOnly = "YYYY"
    case unparsed
}
