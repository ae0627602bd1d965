/// The fields of one record as a reader found them, before they are checked and stored.
///
/// Readers fill one of these per record and hand it to ``TableBuilder``; it is reused, so reading
/// allocates per column, not per row.
struct RecordScratch {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// The first field that went over the field-size limit (its bytes were not kept).
    var oversizedField: Int?
    var oversizedLength = 0

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        oversizedField = nil
        oversizedLength = 0
    }

    var fieldCount: Int { ends.count }

    func fieldRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1]) ..< ends[i] }

    /// Whether every field is empty (a blank line, or a row of bare delimiters).
    var isBlank: Bool { bytes.isEmpty && oversizedField == nil }
}

/// Turns records from a reader into a ``Table``: the first non-blank record is the header, every
/// later one is checked (field count, field size, encoding) and either stored column by column or
/// rejected with its line and reason.
struct TableBuilder {
    let file: String
    let options: ReadOptions
    private(set) var header: [String]?
    private var columns: [ByteColumn] = []
    private var lineNumbers: [Int32] = []
    private var ordinals: [Int32] = []
    private var rejected: [RejectedRow] = []
    private var ordinal: Int32 = 0
    private var transcoded: [UInt8] = []
    var format: SourceFormat

    init(file: String, options: ReadOptions, format: SourceFormat) {
        self.file = file
        self.options = options
        self.format = format
    }

    var listName: String {
        if let name = options.name { return name }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
        return base
    }

    /// Adds one record that starts at `line`.
    mutating func add(_ record: RecordScratch, line: Int) throws {
        if record.isBlank {
            format.blankLines += 1
            return
        }
        guard let header else {
            try setHeader(record, line: line)
            return
        }
        ordinal += 1
        if let maxRows = options.maxRows, Int(ordinal) > maxRows {
            throw PadanError(.limit, file: file, line: line,
                             "more than \(maxRows) data rows", setting: "max_rows")
        }
        if let field = record.oversizedField {
            reject(record, line: line,
                   "field \(field + 1) (\(columnName(field))) is \(record.oversizedLength) bytes, "
                       + "over the limit of \(options.maxFieldBytes)")
            return
        }
        var count = record.fieldCount
        // Trailing empty fields beyond the header (a trailing delimiter) are harmless.
        while count > header.count && record.fieldRange(count - 1).isEmpty { count -= 1 }
        if count != header.count {
            reject(record, line: line, "\(record.fieldCount) fields where the header has \(header.count)")
            return
        }
        record.bytes.withUnsafeBufferPointer { all in
            for c in 0 ..< count {
                let r = record.fieldRange(c)
                let field = UnsafeBufferPointer(rebasing: all[r])
                appendField(field, to: c)
            }
        }
        lineNumbers.append(Int32(truncatingIfNeeded: line))
        ordinals.append(ordinal)
    }

    private mutating func appendField(_ field: UnsafeBufferPointer<UInt8>, to column: Int) {
        if Windows1252.isValidUTF8(field) {
            columns[column].append(field)
        } else {
            transcoded.removeAll(keepingCapacity: true)
            Windows1252.decode(field, into: &transcoded)
            columns[column].append(transcoded)
            format.windows1252Fields += 1
        }
    }

    private func columnName(_ index: Int) -> String {
        guard let header, index < header.count else { return "beyond the header" }
        return header[index]
    }

    private mutating func setHeader(_ record: RecordScratch, line: Int) throws {
        if record.oversizedField != nil {
            throw PadanError(.badInput, file: file, line: line, "the header has a field over \(options.maxFieldBytes) bytes")
        }
        var count = record.fieldCount
        while count > 1 && record.fieldRange(count - 1).isEmpty { count -= 1 }
        if count > options.maxColumns {
            throw PadanError(.limit, file: file, line: line,
                             "the header has \(count) columns, over the limit of \(options.maxColumns)")
        }
        var names: [String] = []
        var seen: [String: Int] = [:]
        record.bytes.withUnsafeBufferPointer { all in
            for c in 0 ..< count {
                let field = UnsafeBufferPointer(rebasing: all[record.fieldRange(c)])
                var name: String
                if Windows1252.isValidUTF8(field) {
                    name = String(decoding: field, as: UTF8.self)
                } else {
                    var out: [UInt8] = []
                    Windows1252.decode(field, into: &out)
                    name = String(decoding: out, as: UTF8.self)
                }
                name = name.trimmingSpaces()
                if name.isEmpty { name = "column_\(c + 1)" }
                let key = name.uppercased()
                if let n = seen[key] {
                    seen[key] = n + 1
                    name += "_\(n + 1)"
                } else {
                    seen[key] = 1
                }
                names.append(name)
            }
        }
        header = names
        columns = Array(repeating: ByteColumn(), count: names.count)
    }

    private mutating func reject(_ record: RecordScratch, line: Int, _ reason: String) {
        var fields: [String] = []
        for i in 0 ..< min(record.fieldCount, 64) {
            let slice = record.bytes[record.fieldRange(i)].prefix(256)
            fields.append(String(decoding: slice, as: UTF8.self))
        }
        rejected.append(RejectedRow(source: listName, line: line, ordinal: Int(ordinal), reason: reason, fields: fields))
    }

    /// Records a record that a reader could not split (for example an unterminated quote).
    mutating func rejectUnreadable(_ record: RecordScratch, line: Int, reason: String) {
        guard header != nil else { return }
        ordinal += 1
        reject(record, line: line, reason)
    }

    /// The finished table, with roles resolved.
    mutating func finish() throws -> Table {
        guard let header else {
            throw PadanError(.badInput, file: file, "the file is empty (no header row)")
        }
        if lineNumbers.isEmpty && rejected.isEmpty && options.requireRows {
            throw PadanError(.badInput, file: file, line: 1, "the file has a header but no data rows")
        }
        let roles = try options.mapping.resolve(headers: header, file: file)
        var warnings: [String] = []
        if format.windows1252Fields > 0 {
            format.encoding = format.container == "xlsx" ? format.encoding : "utf-8+windows-1252"
            warnings.append("\(format.windows1252Fields) fields were not valid UTF-8 and were decoded as Windows-1252")
        }
        var table = Table(
            name: listName, path: file, columnNames: header, columns: columns, roles: roles,
            lineNumbers: lineNumbers, ordinals: ordinals, rejected: rejected, format: format,
            warnings: warnings)
        table.warnings += Self.duplicateIDWarnings(table)
        return table
    }

    static func duplicateIDWarnings(_ table: Table) -> [String] {
        guard let ids = table.column(.id) else { return [] }
        var first: [UInt64: Int] = [:]
        first.reserveCapacity(table.rowCount)
        var duplicates: [(String, Int, Int)] = []
        var count = 0
        ids.withUnsafeBuffers { bytes, offsets in
            for row in 0 ..< table.rowCount {
                let field = UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])])
                let h = XXH3.hash(field)
                if let earlier = first[h], ids[earlier] == ids[row] {
                    count += 1
                    if duplicates.count < 10 {
                        duplicates.append((ids.string(row), Int(table.lineNumbers[earlier]), Int(table.lineNumbers[row])))
                    }
                } else if first[h] == nil {
                    first[h] = row
                }
            }
        }
        guard count > 0 else { return [] }
        let examples = duplicates.map { "'\($0.0)' (lines \($0.1) and \($0.2))" }.joined(separator: ", ")
        return ["\(count) rows repeat an id already used in this file: \(examples)"]
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" || f == "\u{00A0}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" || l == "\u{00A0}" { s.removeLast() }
        return String(s)
    }
}
