/// An input row that could not be read, with where it was and why.
///
/// Rejected rows are never dropped silently: they are counted in every summary and written to
/// `rejected.csv`.
public struct RejectedRow: Sendable, Equatable, Codable {
    /// The list (file stem or `--name`) the row came from.
    public let source: String
    /// The 1-based line of the file (or row of the sheet) where the row starts.
    public let line: Int
    /// The 1-based ordinal of the record among the file's data records (blank lines excluded).
    public let ordinal: Int
    /// Why the row was rejected.
    public let reason: String
    /// The row's fields as read (each cut to at most 256 bytes), for the person who fixes it.
    public let fields: [String]
}
