/// How to read an input list.
public struct ReadOptions: Sendable, Equatable {
    /// What kind of table a file holds.
    public enum Layout: Sendable, Equatable {
        /// A list of people as an office keeps it: the header is looked for among the first rows,
        /// rows that are not people (totals, signatures, repeated headers) are rejected, combined
        /// columns are split, and a list without a NIK, KK or name column is an error.
        case personList
        /// A table a program wrote (truth files, links, review sheets): the first row is the
        /// header and every other row is data.
        case plain
    }

    /// Whether rows hidden in a workbook (by hand or by a filter) are rejected instead of read.
    public var skipHiddenRows = false
    /// What kind of table the file holds (default ``Layout/personList``).
    public var layout: Layout = .personList
    /// The list's name in outputs; the file stem when `nil`.
    public var name: String?
    /// The field delimiter; detected among `,` `;` tab `|` when `nil`.
    public var delimiter: UInt8?
    /// The worksheet to read from a workbook; the first sheet when `nil`.
    public var sheet: String?
    /// How headers map to roles.
    public var mapping: ColumnMapping
    /// A field longer than this many bytes makes its row rejected (the bytes are not kept).
    public var maxFieldBytes: Int
    /// A header with more columns than this is an error.
    public var maxColumns: Int
    /// More data rows than this is an error (`nil`: no limit).
    public var maxRows: Int?
    /// The line (or sheet row) of the header, or two adjacent ones for a two-row header; found
    /// among the first rows when `nil` (see ``TableReader``).
    public var headerRows: ClosedRange<Int>?
    /// The year an age column (`USIA`) is counted back from, to an approximate birth year.
    public var referenceYear: Int
    /// Whether a header with no data rows is an error (it is for an input list; a result file
    /// such as a `links.csv` with no links is not).
    var requireRows = true

    public init(
        name: String? = nil, delimiter: UInt8? = nil, sheet: String? = nil,
        mapping: ColumnMapping = ColumnMapping(), maxFieldBytes: Int = 1 << 20,
        maxColumns: Int = 1024, maxRows: Int? = nil, headerRows: ClosedRange<Int>? = nil,
        referenceYear: Int = 2025
    ) {
        self.headerRows = headerRows
        self.referenceYear = referenceYear
        self.name = name
        self.delimiter = delimiter
        self.sheet = sheet
        self.mapping = mapping
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxRows = maxRows
    }
}
