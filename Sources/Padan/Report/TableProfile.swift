/// What `padan inspect` reports about a table: format, role mapping, counts, per-column fill rate
/// and distinct values, and the data-quality profile of the standardized records.
package struct TableProfile: Codable, Sendable {
    /// Per-column statistics.
    public struct ColumnStats: Codable, Sendable {
        public let name: String
        /// The role the column carries, if any.
        public let role: String?
        /// Fraction of rows whose value is not blank (spaces only counts as blank).
        public let fillRate: Double
        /// Number of distinct non-blank values.
        public let distinct: Int
    }

    public let file: String
    public let list: String
    public let format: SourceFormat
    /// Role name → header name, for the roles found.
    public let roles: [String: String]
    /// Roles no column was found for.
    public let missingRoles: [String]
    /// Records read (rejected rows not included).
    public let rows: Int
    /// Data rows read, records and rejected rows together: the `rowsRead` of `link`'s summary.
    public let rowsRead: Int
    public let rejectedRows: Int
    /// The first rejected rows (at most 20), with line and reason.
    public let rejected: [RejectedRow]
    public let columns: [ColumnStats]
    public let warnings: [String]
    /// Where the header was found (see ``Table/headerDescription``).
    public let header: String
    /// What the reader split or joined (see ``Table/notes``).
    public let notes: [String]
    /// What standardization found: NIK classes, disagreements, duplicates, households, fill rates.
    public let quality: QualityProfile

    /// Profiles `table`, standardizing it once (two-digit years judged against `referenceYear`).
    public init(table: Table, referenceYear: Int = 2025, threads: Int = 0) {
        quality = QualityProfile(table: table, standardized: StandardizedTable(table: table, referenceYear: referenceYear, threads: threads))
        file = table.path
        list = table.name
        format = table.format
        var roles: [String: String] = [:]
        for (role, index) in table.roles { roles[role.rawValue] = table.columnNames[index] }
        self.roles = roles
        missingRoles = Role.allCases.filter { table.roles[$0] == nil }.map(\.rawValue)
        rows = table.rowCount
        rowsRead = table.rowCount + table.rejected.count
        rejectedRows = table.rejected.count
        rejected = Array(table.rejected.prefix(20))
        warnings = table.missingIdentityWarnings + table.warnings
        header = table.headerDescription
        notes = table.notes
        let roleOf = Dictionary(uniqueKeysWithValues: table.roles.map { ($0.value, $0.key.rawValue) })
        columns = table.columns.enumerated().map { index, column in
            var filled = 0
            var seen = Set<UInt64>()
            column.withUnsafeBuffers { bytes, offsets in
                for row in 0 ..< column.count {
                    var lo = Int(offsets[row]), hi = Int(offsets[row + 1])
                    while lo < hi && (bytes[lo] == 32 || bytes[lo] == 9) { lo += 1 }
                    while hi > lo && (bytes[hi - 1] == 32 || bytes[hi - 1] == 9) { hi -= 1 }
                    guard hi > lo else { continue }
                    filled += 1
                    seen.insert(XXH3.hash(UnsafeBufferPointer(rebasing: bytes[lo ..< hi])))
                }
            }
            return ColumnStats(
                name: table.columnNames[index], role: roleOf[index],
                fillRate: column.count == 0 ? 0 : Double(filled) / Double(column.count),
                distinct: seen.count)
        }
    }
}
