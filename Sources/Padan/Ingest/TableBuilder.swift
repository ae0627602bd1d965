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

    /// Appends one field; over `maxField` bytes, its bytes are not kept and it is marked as the
    /// record's oversized field (the first such one).
    mutating func append<C: Collection>(field cell: C, maxField: Int) where C.Element == UInt8 {
        if cell.count > maxField {
            if oversizedField == nil {
                oversizedField = ends.count
                oversizedLength = cell.count
            }
        } else {
            bytes.append(contentsOf: cell)
        }
        ends.append(bytes.count)
    }

    /// Whether every field is empty (a blank line, or a row of bare delimiters).
    var isBlank: Bool { bytes.isEmpty && oversizedField == nil }
}

/// Turns records from a reader into a ``Table``.
///
/// The first non-blank records (up to ``HeaderDetector/searchRows``) are held back until the
/// header is found among them (``HeaderDetector``), or taken from the given header rows; rows
/// above it are titles, numbering rows below it are skipped, both counted in ``SourceFormat``.
/// Every later record is checked (field size, rows that are not people — ``RowClassifier`` —,
/// field count, encoding) and either stored column by column or rejected with its line and reason.
/// At the end, combined columns are split or joined into roles (``ColumnDerivation``) and ids
/// made unique.
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
    private var pending: [(record: RecordScratch, line: Int)] = []
    /// Rows held back that are to be rejected whatever they hold (hidden rows with
    /// ``ReadOptions/skipHiddenRows``), by line, with the reason; never the header.
    private var pendingSkips: [(record: RecordScratch, line: Int, reason: String)] = []
    private var roles: [Role: Int] = [:]
    private var combined: [HeaderVocabulary.Combined: Int] = [:]
    private var classifier: RowClassifier?
    /// The candidate row that looked most like a header, for the error when no role is found.
    private var bestHeaderGuess: (line: Int, text: String)?
    /// The chosen header's score.
    private var chosenScore = 0.0
    /// Why the rows cannot be read, found on a row (``finish(derive:)`` throws it; later rows are
    /// not looked at). Kept rather than thrown, so a sheet that is looked at but not read (another
    /// sheet of the workbook is the list) does not fail the file.
    private var failure: PadanError?
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

    /// How much the header found looks like a list of people's (``HeaderDetector/Choice/score``) and
    /// whether it has a NIK, KK or name column; nil when no non-blank row has come. Chooses the
    /// header from the rows held back if that has not happened yet.
    mutating func headerScore() -> (value: Double, identity: Bool)? {
        if header == nil {
            guard !pending.isEmpty else { return nil }
            do { try chooseHeader() } catch { return (0, false) }
        }
        let identity = [roles[.nik], roles[.kk], roles[.name], combined[.givenName], combined[.surname]].contains { $0 != nil }
        return (chosenScore, identity)
    }

    /// Whether any non-blank record has come (the header, or rows held back to find it).
    var hasRows: Bool { header != nil || !pending.isEmpty || !pendingSkips.isEmpty }

    /// Adds a row that is to be rejected with `reason` whatever it holds (a hidden row left out
    /// with ``ReadOptions/skipHiddenRows``). It is not a candidate for the header.
    mutating func skip(_ record: RecordScratch, line: Int, reason: String) throws {
        if failure != nil { return }
        if record.isBlank {
            format.blankLines += 1
            return
        }
        guard header != nil else {
            pendingSkips.append((record, line, reason))
            return
        }
        ordinal += 1
        reject(record, line: line, reason)
    }

    /// Adds one record that starts at `line`.
    mutating func add(_ record: RecordScratch, line: Int) throws {
        if failure != nil { return }
        if record.isBlank {
            format.blankLines += 1
            return
        }
        guard header != nil else {
            pending.append((record, line))
            if let given = options.headerRows {
                if line >= given.upperBound { try chooseHeader() }
            } else if pending.count >= HeaderDetector.searchRows || options.layout == .plain {
                try chooseHeader()
            }
            return
        }
        try addData(record, line: line)
    }

    private mutating func addData(_ record: RecordScratch, line: Int) throws {
        guard let header, failure == nil else { return }
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
        // A row longer than the header is ragged whatever it holds; a shorter one may be a footer
        // line, which says more than its field count.
        if count <= header.count, let verdict = classifier?.classify(record) {
            switch verdict {
            case .record: break
            case let .notPerson(reason):
                reject(record, line: line, reason)
                return
            case let .anotherHeader(cells):
                // Read under this header, the rows below it would put every value in the wrong column.
                failure = PadanError(.badInput, file: file, line: line,
                                     "this row is another header ('\(cells.prefix(200))') whose columns are not those of "
                                         + "the header on line \(format.headerLines.first ?? 1); the file seems to hold two "
                                         + "lists pasted together, and the rows below it would be read into the wrong columns. "
                                         + "Split the file at this line, or make the two headers the same")
                return
            }
        }
        // A workbook leaves out empty cells, trailing ones included: a short row is padded.
        let padded = format.container != "csv" && count < header.count
        if count != header.count && !padded {
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
        if padded { for c in count ..< header.count { columns[c].append(EmptyCollection<UInt8>()) } }
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

    /// The cells of `record`, decoded and trimmed (trailing empty cells dropped).
    private static func cells(_ record: RecordScratch) -> [String] {
        var names: [String] = []
        record.bytes.withUnsafeBufferPointer { all in
            for c in 0 ..< record.fieldCount {
                let field = UnsafeBufferPointer(rebasing: all[record.fieldRange(c)])
                if Windows1252.isValidUTF8(field) {
                    names.append(String(decoding: field, as: UTF8.self).trimmingSpaces())
                } else {
                    var out: [UInt8] = []
                    Windows1252.decode(field, into: &out)
                    names.append(String(decoding: out, as: UTF8.self).trimmingSpaces())
                }
            }
        }
        while names.count > 1 && names.last?.isEmpty == true { names.removeLast() }
        return names
    }

    /// Picks the header among the held-back rows, then reads the rows after it as data.
    private mutating func chooseHeader() throws {
        let rows = pending
        pending = []
        guard !rows.isEmpty else {
            if !pendingSkips.isEmpty {
                throw PadanError(.badInput, file: file, line: pendingSkips[0].line,
                                 "every row of the sheet is hidden, and hidden rows are left out (--skip-hidden-rows)")
            }
            return
        }
        let texts = rows.map { Self.cells($0.record) }
        var choice: HeaderDetector.Choice
        if let given = options.headerRows {
            guard let first = rows.firstIndex(where: { $0.line == given.lowerBound }) else {
                throw PadanError(.usage, file: file, line: given.lowerBound,
                                 "the header row \(given.lowerBound) was given, but that line is blank or does not start a row")
            }
            if given.count == 1 {
                choice = HeaderDetector.Choice(rows: [first], names: texts[first], score: 0)
            } else {
                guard given.count == 2, first + 1 < rows.count, rows[first + 1].line == given.upperBound else {
                    throw PadanError(.usage, file: file, line: given.lowerBound,
                                     "a header takes one row or two adjacent rows; rows \(given.lowerBound)-\(given.upperBound) were given")
                }
                choice = HeaderDetector.Choice(rows: [first, first + 1],
                                               names: HeaderDetector.combine(parent: texts[first], child: texts[first + 1]),
                                               score: 0)
            }
            choice.numberingRows = HeaderDetector.numberingRows(after: choice.rows.last!, in: texts)
        } else if options.layout == .plain {
            choice = HeaderDetector.Choice(rows: [0], names: texts[0], score: 0)
        } else {
            choice = HeaderDetector.choose(texts)
            format.headerDetected = choice.rows != [0]
        }
        let best = texts.indices.max { HeaderVocabulary.score(texts[$0]) < HeaderVocabulary.score(texts[$1]) } ?? 0
        bestHeaderGuess = (rows[best].line, texts[best].filter { !$0.isEmpty }.joined(separator: " | "))
        let start = choice.rows[0]
        chosenScore = HeaderVocabulary.score(choice.names)
        if rows[start].record.oversizedField != nil {
            throw PadanError(.badInput, file: file, line: rows[start].line, "the header has a field over \(options.maxFieldBytes) bytes")
        }
        // A row above a header that was found, not given, is its title, unless it holds a NIK or KK:
        // then it is a record under another header (two lists pasted together, the second's header
        // scoring higher), and it is rejected, not skipped unseen.
        let detected = options.headerRows == nil && options.layout != .plain
        let recordsAbove = Set((0 ..< start).filter { detected && Self.looksLikeRecord(texts[$0]) })
        format.rowsAboveHeader = start - recordsAbove.count
        if let title = (0 ..< start).first(where: { !recordsAbove.contains($0) }) {
            format.title = texts[title].filter { !$0.isEmpty }.joined(separator: " ")
        }
        format.headerLines = choice.rows.map { rows[$0].line }
        format.numberingRows = choice.numberingRows.count
        try setHeader(choice.names, line: rows[start].line, headerRows: choice.rows.map { texts[$0] })
        let skip = Set(choice.rows + choice.numberingRows)
        var skips = pendingSkips[...]
        pendingSkips = []
        for k in rows.indices where (k > start || recordsAbove.contains(k)) && !skip.contains(k) {
            while let s = skips.first, s.line < rows[k].line {
                try self.skip(s.record, line: s.line, reason: s.reason)
                skips = skips.dropFirst()
            }
            if k < start {
                ordinal += 1
                reject(rows[k].record, line: rows[k].line,
                       "above the header found on line \(rows[start].line) but it holds a NIK or KK, so it is no title: "
                           + "a record under another header (lists pasted together?); give the header's row with "
                           + "--header-row if it is not line \(rows[start].line)")
                continue
            }
            try addData(rows[k].record, line: rows[k].line)
        }
        for s in skips { try self.skip(s.record, line: s.line, reason: s.reason) }
    }

    /// Whether a row's cells look like a record's, not a title's: at least two filled, one of them
    /// a NIK or KK (15 or more digits and no letters, or Excel's `3.27301E+15`).
    static func looksLikeRecord(_ cells: [String]) -> Bool {
        guard cells.filter({ !$0.isEmpty }).count >= 2 else { return false }
        return cells.contains { cell in
            var digits = 0, exponent = false
            for u in cell.utf8 {
                if u &- 48 < 10 { digits += 1 }
                else if u | 0x20 == 101 { exponent = true }
                else if (u | 0x20) &- 97 < 26 { return false }
            }
            return digits >= 15 || (exponent && digits >= 4 && (cell.hasSuffix("E+15") || cell.hasSuffix("e+15")))
        }
    }

    private mutating func setHeader(_ cells: [String], line: Int, headerRows: [[String]]) throws {
        var count = cells.count
        while count > 1 && cells[count - 1].isEmpty { count -= 1 }
        if count > options.maxColumns {
            throw PadanError(.limit, file: file, line: line,
                             "the header has \(count) columns, over the limit of \(options.maxColumns)")
        }
        var names: [String] = []
        var seen: [String: Int] = [:]
        for c in 0 ..< count {
            var name = cells[c]
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
        header = names
        columns = Array(repeating: ByteColumn(), count: names.count)
        roles = try options.mapping.resolve(headers: names, file: file, line: line)
        combined = options.mapping.combinedColumns(headers: names, taken: Set(roles.values))
        var identity = [roles[.nik], roles[.kk], roles[.name]].compactMap { $0 }
        identity += [combined[.givenName], combined[.middleName], combined[.surname]].compactMap { $0 }
        let dates = Set([roles[.birthDate], combined[.birthPlaceAndDate]].compactMap { $0 })
        guard options.layout == .personList, !identity.isEmpty else { return }
        var meanings = names.map { HeaderVocabulary.match($0)?.meaning }
        for (role, c) in roles { meanings[c] = .role(role) }
        for (part, c) in combined { meanings[c] = .combined(part) }
        classifier = RowClassifier(nik: roles[.nik], identity: identity, dateColumns: dates,
                                   headerRows: headerRows, width: names.count, headerMeanings: meanings)
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
    mutating func rejectUnreadable(_ record: RecordScratch, line: Int, reason: String) throws {
        if header == nil { try chooseHeader() }
        guard header != nil else { return }
        ordinal += 1
        reject(record, line: line, reason)
    }

    /// The finished table, with roles resolved, combined columns split or joined and ids unique
    /// (`derive` false: the columns as read, for ``SheetStack`` to stack before it derives).
    mutating func finish(derive: Bool = true) throws -> Table {
        if header == nil { try chooseHeader() }
        guard let header else {
            throw PadanError(.badInput, file: file, "the file is empty (no header row)")
        }
        if let failure { throw failure }
        let headerLine = format.headerLines.last ?? 1
        if lineNumbers.isEmpty && rejected.isEmpty && options.requireRows {
            throw PadanError(.badInput, file: file, line: headerLine, "the file has a header but no data rows")
        }
        let identity = [roles[.nik], roles[.kk], roles[.name], combined[.givenName], combined[.surname]]
        if options.layout == .personList && identity.allSatisfy({ $0 == nil }) {
            var message = "no NIK, KK or name column was found"
            if let guess = bestHeaderGuess {
                message += "; the row that looked most like a header is line \(guess.line): '\(guess.text.prefix(200))'"
            }
            message += ". Give the header's row with --header-row (or header_row: in the configuration), "
                + "or the columns with --column nik=HEADER / --column name=HEADER"
            throw PadanError(.badInput, file: file, line: headerLine, message)
        }
        var warnings: [String] = []
        if format.windows1252Fields > 0 {
            format.encoding = format.container == "xlsx" ? format.encoding : "utf-8+windows-1252"
            warnings.append("\(format.windows1252Fields) fields were not valid UTF-8 and were decoded as Windows-1252")
        }
        if options.layout == .plain || !derive {
            return Table(
                name: listName, path: file, columnNames: header, columns: columns, roles: roles,
                lineNumbers: lineNumbers, ordinals: ordinals, rejected: rejected, format: format, warnings: warnings)
        }
        var derivation = ColumnDerivation(
            names: header, columns: columns, roles: roles, combined: combined, lineNumbers: lineNumbers,
            referenceYear: options.referenceYear)
        derivation.run()
        return Table(
            name: listName, path: file, columnNames: derivation.names, columns: derivation.columns,
            roles: derivation.roles, lineNumbers: lineNumbers, ordinals: ordinals, rejected: rejected,
            format: format, warnings: warnings + derivation.warnings, notes: derivation.notes)
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
