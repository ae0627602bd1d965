import Foundation

/// The key fields of records, read from the list files of a corpus directory, so that wrong and
/// missed pairs can be shown side by side.
package struct RecordLookup: Sendable {
    /// The roles shown, in order.
    public static let roles: [Role] = [.nik, .name, .birthDate, .sex, .birthPlace, .kk, .address, .village, .district]

    private var tables: [String: Table] = [:]
    private var rowOfID: [String: [String: Int]] = [:]

    /// Reads the lists named in `sources` from `directory` (`NAME.csv`, `.tsv`, `.txt` or
    /// `.xlsx`); lists without a file are skipped.
    public init(directory: String, sources: [String]) throws {
        for source in Set(sources).sorted() {
            guard let path = ["csv", "tsv", "txt", "xlsx"].map({ "\(directory)/\(source).\($0)" })
                .first(where: { FileManager.default.fileExists(atPath: $0) }) else { continue }
            let table = try TableReader.read(path: path, options: ReadOptions(name: source))
            var rows: [String: Int] = [:]
            rows.reserveCapacity(table.rowCount)
            for r in 0 ..< table.rowCount where rows[table.id(row: r)] == nil { rows[table.id(row: r)] = r }
            tables[source] = table
            rowOfID[source] = rows
        }
    }

    /// The values of ``roles`` for `record` (empty strings for roles the list lacks), or nil when
    /// the record's list or row was not found.
    public func fields(_ record: RecordRef) -> [String]? {
        guard let table = tables[record.source], let row = rowOfID[record.source]?[record.id] else { return nil }
        return Self.roles.map { table.value($0, row: row) }
    }
}
