/// What the date standardizer noticed about a date value.
public struct DateFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The value reads as a date that cannot be (31 April, month 13, a birth in the future,
    /// more than 120 years ago). The date is stored as 0: flagged, never guessed.
    public static let impossible = DateFlags(rawValue: 1 << 0)
    /// 1 January, 1 July or 31 December (or an all-zero date): what registries write when the
    /// person does not know the day. The date is kept.
    public static let placeholder = DateFlags(rawValue: 1 << 1)
    /// The year was written with two digits; its century was chosen so the person is 0-99
    /// years old on the reference year.
    public static let twoDigitYear = DateFlags(rawValue: 1 << 2)
    /// The value was an Excel serial day number (`29445`).
    public static let excelSerial = DateFlags(rawValue: 1 << 3)
    /// The value is not blank but could not be read as a date.
    public static let unparsed = DateFlags(rawValue: 1 << 4)
    /// Only a year was given (`1950`): the date is 0 and the year is in `birthYear`.
    public static let yearOnly = DateFlags(rawValue: 1 << 5)
}
