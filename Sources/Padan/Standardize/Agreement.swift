/// Whether two sources of the same fact agree: the NIK's embedded birth date or sex against the
/// record's birth-date or sex column.
public enum Agreement: UInt8, Sendable, CaseIterable, Codable {
    /// One side is missing or unreadable.
    case unknown
    case agree
    /// Both are known and differ: the best hint of a typo in one of them.
    case disagree
}
