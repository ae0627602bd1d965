extension Table {
    /// Builds a table from columns of values already in memory (a DataFrame's, a query's), read
    /// exactly as a file with that header and those rows would be: roles found from the column
    /// names (or `options.mapping`), combined columns split, NIKs repaired, ids made unique, and
    /// rows that are not people (totals, signatures) rejected with their row number.
    ///
    /// ```swift
    /// let list = try Table(name: "provinsi", columns: [
    ///     (name: "NIK", values: ["3273010101800001", "3273014101850002"]),
    ///     (name: "NAMA", values: ["BUDI SANTOSO", "SITI AMINAH"]),
    ///     (name: "TGL_LAHIR", values: ["01-01-1980", nil]),
    /// ])
    /// ```
    ///
    /// - Parameters:
    ///   - name: The list's name, in outputs and in errors (which name it with the row: the
    ///     header is row 1, the first value row 2, as in a spreadsheet).
    ///   - columns: Each column's header name and values, all of one length; `nil` is a blank.
    ///   - options: As for a file; the header is row 1 unless `options.headerRows` says otherwise.
    /// - Throws: ``PadanError`` when the columns differ in length, or for what a file with these
    ///   rows would be refused for (no identity column, no rows, a limit passed).
    public init(name: String, columns: [(name: String, values: [String?])], options: ReadOptions = ReadOptions()) throws {
        guard !columns.isEmpty else { throw PadanError(.usage, file: name, "no columns") }
        let rows = columns[0].values.count
        if let odd = columns.first(where: { $0.values.count != rows }) {
            throw PadanError(.usage, file: name, "column '\(odd.name)' has \(odd.values.count) values where '\(columns[0].name)' has \(rows)")
        }
        var options = options
        if options.headerRows == nil { options.headerRows = 1 ... 1 }
        if options.name == nil { options.name = name }
        var format = SourceFormat(container: "memory")
        format.encoding = "utf-8"
        var builder = TableBuilder(file: name, options: options, format: format)
        var record = RecordScratch()
        func add(_ cells: [String?], line: Int) throws {
            record.reset()
            for cell in cells { record.append(field: cell?.utf8 ?? "".utf8, maxField: options.maxFieldBytes) }
            try builder.add(record, line: line)
        }
        try add(columns.map(\.name), line: 1)
        var cells = [String?](repeating: nil, count: columns.count)
        for row in 0 ..< rows {
            for c in columns.indices { cells[c] = columns[c].values[row] }
            try add(cells, line: row + 2)
        }
        self = try builder.finish()
    }
}
