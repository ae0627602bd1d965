/// Stacks the sheets of one workbook into one table (`--sheet '*'`): a workbook with a sheet per
/// kecamatan or per tahap is one list.
///
/// Each sheet is read on its own (its own header, title rows, totals and signature block), as
/// read, before combined columns are split; then the columns are matched by header name (a column
/// one sheet lacks is blank in its rows), a `sheet` column holds each row's sheet name, roles are
/// resolved on the stacked header (so `--column district=sheet` lets the sheet name carry a role),
/// and the combined columns and ids are derived once over all rows. Ids made unique name the sheet
/// (`1#Coblong:5`), since every sheet numbers its rows from 1.
enum SheetStack {
    /// The name of the column that holds each row's sheet.
    static let column = "sheet"

    /// The options each sheet is read with: explicit roles given to the `sheet` column are left
    /// out there (no sheet has that column) and resolved on the stacked table.
    static func sheetOptions(_ options: ReadOptions) -> ReadOptions {
        var each = options
        each.mapping.explicit = options.mapping.explicit.filter { _, names in
            !names.contains { ColumnMapping.normalize($0) == ColumnMapping.normalize(column) }
        }
        return each
    }

    /// One table of `tables` (read with ``sheetOptions(_:)`` and `derive: false`), sheet `names[i]` each.
    static func stack(_ tables: [Table], names: [String], file: String, options: ReadOptions,
                      otherSheets: [String]) throws -> Table {
        var header: [String] = []
        var seen: [String: Int] = [:]
        for table in tables {
            for name in table.columnNames where seen[name.uppercased()] == nil {
                seen[name.uppercased()] = header.count
                header.append(name)
            }
        }
        var sheetName = column
        while seen[sheetName.uppercased()] != nil { sheetName += "_" }
        var columns = header.map { _ in ByteColumn() }
        var sheetColumn = ByteColumn()
        var lineNumbers: [Int32] = []
        var ordinals: [Int32] = []
        var rejected: [RejectedRow] = []
        var rowSheets: [String] = []
        var warnings: [String] = []
        var offset: Int32 = 0
        for (k, table) in tables.enumerated() {
            var parts: [ByteColumn?] = Array(repeating: nil, count: header.count)
            for (c, name) in table.columnNames.enumerated() { parts[seen[name.uppercased()]!] = table.columns[c] }
            for (c, part) in parts.enumerated() {
                columns[c].append(contentsOf: part ?? ByteColumn(blank: table.rowCount))
            }
            for _ in 0 ..< table.rowCount {
                sheetColumn.append(Array(names[k].utf8))
                rowSheets.append(names[k])
            }
            lineNumbers += table.lineNumbers
            ordinals += table.ordinals.map { $0 + offset }
            for r in table.rejected {
                rejected.append(RejectedRow(source: r.source, line: r.line, ordinal: r.ordinal + Int(offset),
                                            reason: "sheet '\(names[k])': \(r.reason)", fields: r.fields))
            }
            offset += Int32(table.rowCount + table.rejected.count)
            warnings += table.warnings.map { "sheet '\(names[k])': \($0)" }
        }
        header.append(sheetName)
        columns.append(sheetColumn)
        let roles = try options.mapping.resolve(headers: header, file: file)
        let combined = options.mapping.combinedColumns(headers: header, taken: Set(roles.values))
        var derivation = ColumnDerivation(
            names: header, columns: columns, roles: roles, combined: combined, lineNumbers: lineNumbers,
            referenceYear: options.referenceYear)
        derivation.rowSheets = rowSheets
        derivation.run()
        var format = tables[0].format
        format.sheet = names.joined(separator: ", ")
        format.otherSheets = otherSheets
        format.sheetNote = (names.count == 1 ? "the only list among the sheets" : "\(names.count) sheets stacked")
            + ", with its name in column '\(sheetName)'"
        format.blankLines = tables.reduce(0) { $0 + $1.format.blankLines }
        format.windows1252Fields = tables.reduce(0) { $0 + $1.format.windows1252Fields }
        format.rowsAboveHeader = tables.reduce(0) { $0 + $1.format.rowsAboveHeader }
        format.numberingRows = tables.reduce(0) { $0 + $1.format.numberingRows }
        return Table(
            name: tables[0].name, path: file, columnNames: derivation.names, columns: derivation.columns,
            roles: derivation.roles, lineNumbers: lineNumbers, ordinals: ordinals, rejected: rejected,
            format: format, warnings: warnings + derivation.warnings, notes: derivation.notes)
    }
}
