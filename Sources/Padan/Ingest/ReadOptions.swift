/// How to read an input list.
public struct ReadOptions: Sendable, Equatable {
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
    /// Whether a header with no data rows is an error (it is for an input list; a result file
    /// such as a `links.csv` with no links is not).
    var requireRows = true

    public init(
        name: String? = nil, delimiter: UInt8? = nil, sheet: String? = nil,
        mapping: ColumnMapping = ColumnMapping(), maxFieldBytes: Int = 1 << 20,
        maxColumns: Int = 1024, maxRows: Int? = nil
    ) {
        self.name = name
        self.delimiter = delimiter
        self.sheet = sheet
        self.mapping = mapping
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxRows = maxRows
    }
}
