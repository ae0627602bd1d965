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
        try self.init(name: name, headers: columns.map(\.name), rows: rows, options: options) { record, row, maxField in
            for c in columns.indices { record.append(field: columns[c].values[row]?.utf8 ?? "".utf8, maxField: maxField) }
        }
    }

    /// Builds a table from columns already laid out as byte arenas plus offsets (Arrow's string
    /// layout, and Padan's own), read exactly as ``init(name:columns:options:)`` reads values: an
    /// empty value is a blank.
    ///
    /// ```swift
    /// let nik = try ByteColumn(bytes: Array("32730101018000013273014101850002".utf8), offsets: [0, 16, 32])
    /// let nama = ByteColumn(["BUDI SANTOSO", "SITI AMINAH"])
    /// let list = try Table(name: "provinsi", byteColumns: [(name: "NIK", values: nik), (name: "NAMA", values: nama)])
    /// ```
    ///
    /// - Throws: ``PadanError`` as ``init(name:columns:options:)`` does.
    public init(name: String, byteColumns columns: [(name: String, values: ByteColumn)], options: ReadOptions = ReadOptions()) throws {
        guard !columns.isEmpty else { throw PadanError(.usage, file: name, "no columns") }
        let rows = columns[0].values.count
        if let odd = columns.first(where: { $0.values.count != rows }) {
            throw PadanError(.usage, file: name, "column '\(odd.name)' has \(odd.values.count) values where '\(columns[0].name)' has \(rows)")
        }
        try self.init(name: name, headers: columns.map(\.name), rows: rows, options: options) { record, row, maxField in
            for c in columns.indices { record.append(field: columns[c].values[row], maxField: maxField) }
        }
    }

    /// The table of `rows` rows under `headers`, each row's cells appended to the record by `fill`.
    private init(name: String, headers: [String], rows: Int, options: ReadOptions,
                 fill: (inout RecordScratch, Int, Int) -> Void) throws {
        var options = options
        if options.headerRows == nil { options.headerRows = 1 ... 1 }
        if options.name == nil { options.name = name }
        var format = SourceFormat(container: "memory")
        format.encoding = "utf-8"
        var builder = TableBuilder(file: name, options: options, format: format)
        var record = RecordScratch()
        record.reset()
        for header in headers { record.append(field: header.utf8, maxField: options.maxFieldBytes) }
        try builder.add(record, line: 1)
        for row in 0 ..< rows {
            record.reset()
            fill(&record, row, options.maxFieldBytes)
            try builder.add(record, line: row + 2)
        }
        self = try builder.finish()
    }
}

extension ByteColumn {
    /// A column over `bytes` and `offsets` (value `i` is `bytes[offsets[i] ..< offsets[i + 1]]`,
    /// UTF-8): Arrow's layout of a string column. Throws unless the offsets start at 0, never go
    /// down and end at `bytes.count`.
    public init(bytes: [UInt8], offsets: [UInt32]) throws {
        guard let first = offsets.first, first == 0 else {
            throw PadanError(.usage, "a column's offsets must start at 0 (\(offsets.first.map(String.init) ?? "none given"))")
        }
        guard offsets.last! == UInt32(truncatingIfNeeded: bytes.count), bytes.count <= Int(UInt32.max) else {
            throw PadanError(.usage, "a column's last offset (\(offsets.last!)) is not its byte count (\(bytes.count))")
        }
        if let i = offsets.indices.dropFirst().first(where: { offsets[$0] < offsets[$0 - 1] }) {
            throw PadanError(.usage, "a column's offsets go down at value \(i - 1) (\(offsets[i - 1]) then \(offsets[i]))")
        }
        self.init()
        self.bytes = bytes
        self.offsets = offsets
    }
}
