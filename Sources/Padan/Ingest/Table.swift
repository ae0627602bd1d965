/// One input list in memory, column by column.
///
/// Each column is a ``ByteColumn`` (one byte arena plus offsets); a record is an index
/// `0 ..< rowCount`. Columns that have a ``Role`` are found through ``column(_:)``; all columns,
/// with or without a role, are kept and carried to the output.
///
/// ```swift
/// let table = try TableReader.read(path: "provinsi.csv")
/// if let names = table.column(.name) { print(names.string(0)) }
/// ```
public struct Table: Sendable {
    /// The list's name: the file stem unless given.
    public var name: String
    /// The path the table was read from.
    public let path: String
    /// Header names as read (made unique by a `_2`, `_3` suffix where repeated).
    public let columnNames: [String]
    /// The columns, in header order.
    public let columns: [ByteColumn]
    /// Which column carries each role.
    public internal(set) var roles: [Role: Int]
    /// For each row, the 1-based line (or sheet row) where it starts.
    public let lineNumbers: [Int32]
    /// For each row, its 1-based ordinal among the file's data records (rejected ones included).
    public let ordinals: [Int32]
    /// Rows that could not be read.
    public let rejected: [RejectedRow]
    /// What the reader detected.
    public let format: SourceFormat
    /// Things a person should know that did not stop the read (duplicate ids, transcoding, ...).
    public internal(set) var warnings: [String]
    /// What the reader did that a person should know about: columns split or joined (see
    /// `ColumnDerivation`).
    public internal(set) var notes: [String]

    init(
        name: String, path: String, columnNames: [String], columns: [ByteColumn],
        roles: [Role: Int], lineNumbers: [Int32], ordinals: [Int32], rejected: [RejectedRow],
        format: SourceFormat, warnings: [String], notes: [String] = []
    ) {
        self.notes = notes
        self.name = name
        self.path = path
        self.columnNames = columnNames
        self.columns = columns
        self.roles = roles
        self.lineNumbers = lineNumbers
        self.ordinals = ordinals
        self.rejected = rejected
        self.format = format
        self.warnings = warnings
    }

    /// The number of rows read (rejected rows not included).
    public var rowCount: Int { lineNumbers.count }

    /// The column that carries `role`, if the table has one.
    public func column(_ role: Role) -> ByteColumn? {
        roles[role].map { columns[$0] }
    }

    /// The value of `role` in row `row` as a string ("" when the role is absent).
    public func value(_ role: Role, row: Int) -> String {
        column(role)?.string(row) ?? ""
    }

    /// The record identifier of `row`: the `id` column's value, or the 1-based data row ordinal
    /// when the table has no id column.
    public func id(row: Int) -> String {
        if let ids = column(.id) { return ids.string(row) }
        return String(ordinals[row])
    }

    /// Indexes of the columns that carry no role, in header order.
    public var extraColumns: [Int] {
        let used = Set(roles.values)
        return columnNames.indices.filter { !used.contains($0) }
    }
}
