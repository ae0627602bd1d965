import Foundation

/// Writes simple `.xlsx` workbooks: text and number cells, one or more sheets, a bold header row.
///
/// Used for the review worksheet a field verifier fills in, and by tests to make workbooks the
/// way Excel stores them (numbers as numbers, dates as serials with a date style). The output is
/// byte-identical for the same input (fixed timestamps inside the zip).
struct XLSXWriter {
    /// One cell.
    enum Cell: Sendable, Equatable {
        /// Text, stored as an inline string.
        case text(String)
        /// A number, stored as Excel stores it (e.g. `"3.27105E+15"` or `"12.5"`).
        case number(String)
        /// A date as an Excel serial day number, shown with a `dd/mm/yyyy` format.
        case date(Int)
        /// No value.
        case empty
        /// Text on a highlighted (yellow) background: a value that differs from its pair's.
        case marked(String)
        /// Text in a cell formatted as text (`@`): a NIK, KK or phone number, which Excel would
        /// otherwise turn into `3.27E+15` when someone edits it.
        case code(String)
        /// Bold text: a heading inside a sheet.
        case bold(String)
    }

    /// A drop-down list of allowed values for a column's data rows (Excel's data validation).
    struct Choice: Sendable, Equatable {
        var column: Int
        var values: [String]
        /// Shown when another value is typed.
        var error: String
    }

    /// A worksheet. Its rows come from a function of the row index, so a results sheet of
    /// hundreds of thousands of rows is written without holding them all as cells.
    struct Sheet: Sendable {
        var name: String
        var rowCount: Int
        var columnCount: Int
        /// Writes row `i`'s cells, in column order (row 0 is the header, written bold).
        var write: @Sendable (Int, inout Cells) -> Void
        /// Column widths in characters (optional, by column index).
        var widths: [Int] = []
        /// Keep the header row (and this many leading columns) in view while scrolling.
        var frozenColumns = 0
        var freezeHeader = false
        /// An autofilter on the header row over every column.
        var autoFilter = false
        /// The row (0-based) the autofilter's header is on, when the sheet starts with something
        /// else (a summary above a table).
        var filterRow = 0
        var choices: [Choice] = []

        init(name: String, rows: [[Cell]], widths: [Int] = [], freezeHeader: Bool = false, frozenColumns: Int = 0,
             autoFilter: Bool = false, choices: [Choice] = []) {
            self.init(name: name, rowCount: rows.count, columnCount: rows.map(\.count).max() ?? 0, row: { rows[$0] },
                      widths: widths, freezeHeader: freezeHeader, frozenColumns: frozenColumns,
                      autoFilter: autoFilter, choices: choices)
        }

        init(name: String, rowCount: Int, columnCount: Int, row: @escaping @Sendable (Int) -> [Cell], widths: [Int] = [],
             freezeHeader: Bool = false, frozenColumns: Int = 0, autoFilter: Bool = false, choices: [Choice] = []) {
            self.init(name: name, rowCount: rowCount, columnCount: columnCount, write: { r, cells in
                for cell in row(r) { cells.cell(cell) }
            }, widths: widths, freezeHeader: freezeHeader, frozenColumns: frozenColumns, autoFilter: autoFilter, choices: choices)
        }

        init(name: String, rowCount: Int, columnCount: Int, write: @escaping @Sendable (Int, inout Cells) -> Void,
             widths: [Int] = [], freezeHeader: Bool = false, frozenColumns: Int = 0, autoFilter: Bool = false,
             choices: [Choice] = []) {
            self.name = name
            self.rowCount = rowCount
            self.columnCount = columnCount
            self.write = write
            self.widths = widths
            self.freezeHeader = freezeHeader
            self.frozenColumns = frozenColumns
            self.autoFilter = autoFilter
            self.choices = choices
        }
    }

    var sheets: [Sheet]
    /// Threads to make and compress the parts on (0: all cores).
    var threads = 0

    init(sheets: [Sheet], threads: Int = 0) {
        self.sheets = sheets
        self.threads = threads
    }

    /// Rows of a worksheet per compressed piece: a few hundred kilobytes of XML, enough pieces for
    /// every thread and few enough that the sync-flush seams cost nothing worth counting.
    static let rowsPerPiece = 1024

    /// zlib's fastest level: on worksheet XML it gives files about 10 % larger than the default
    /// level at a third of the time.
    static let compressionLevel: Int32 = 1

    /// One piece of one part of the archive, compressed on its own.
    private enum Piece {
        case bytes([UInt8])
        case sheetHead(Int)
        case rows(Int, Range<Int>)
        case sheetTail(Int)
    }

    /// Writes the workbook to `path` (replacing any file there).
    ///
    /// Every part is cut into pieces that do not depend on the thread count (a worksheet: its
    /// head, ``rowsPerPiece`` rows at a time, its tail); the pieces are made and deflated on
    /// `threads` threads, then written in order into a zip by ``ZipWriter``. The same sheets give
    /// the same bytes on any number of threads, and no worksheet's XML is ever whole in memory.
    func write(to path: String) throws {
        let fixed: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRels),
            ("xl/styles.xml", styles),
        ]
        var names = fixed.map(\.0)
        var plan: [(part: Int, piece: Piece)] = fixed.enumerated().map { ($0.offset, .bytes(Array($0.element.1.utf8))) }
        for (i, sheet) in sheets.enumerated() {
            let part = names.count
            names.append("xl/worksheets/sheet\(i + 1).xml")
            plan.append((part, .sheetHead(i)))
            for start in stride(from: 0, to: sheet.rowCount, by: Self.rowsPerPiece) {
                plan.append((part, .rows(i, start ..< min(sheet.rowCount, start + Self.rowsPerPiece))))
            }
            plan.append((part, .sheetTail(i)))
        }
        let pieces = try Parallel.mapEach(count: plan.count, threads: threads) { k in
            let (part, piece) = plan[k]
            let final = k == plan.count - 1 || plan[k + 1].part != part
            return try self.deflated(piece, final: final)
        }
        var zip = try ZipWriter(path: path)
        var k = 0
        for (part, name) in names.enumerated() {
            var entry = ZipWriter.Entry(name: name, pieces: [], crc32: 0, uncompressedSize: 0)
            while k < plan.count && plan[k].part == part {
                let p = pieces[k]
                entry.crc32 = entry.uncompressedSize == 0 ? p.crc32 : Zlib.crc32Combine(entry.crc32, p.crc32, lengthOfB: p.length)
                entry.uncompressedSize += p.length
                entry.pieces.append(p.deflated)
                k += 1
            }
            try zip.add(entry)
        }
        try zip.finish()
    }

    /// `piece` made and deflated: rows straight from the cells' buffer, which is freed after.
    private func deflated(_ piece: Piece, final: Bool) throws -> (deflated: [UInt8], crc32: UInt32, length: Int) {
        var out: [UInt8] = []
        switch piece {
        case .bytes(let b): out = b
        case .sheetHead(let i): Self.head(sheets[i], into: &out)
        case .rows(let i, let range):
            var cells = Cells(capacity: range.count * 64 * max(1, sheets[i].columnCount))
            Self.rows(sheets[i], range, into: &cells)
            return try cells.withBytes { try Self.deflate($0, final: final) }
        case .sheetTail(let i): Self.tail(sheets[i], into: &out)
        }
        return try out.withUnsafeBytes { try Self.deflate($0, final: final) }
    }

    /// `bytes` deflated at ``compressionLevel``, with their CRC-32 and length.
    private static func deflate(_ raw: UnsafeRawBufferPointer, final: Bool) throws -> (deflated: [UInt8], crc32: UInt32, length: Int) {
        var out: [UInt8] = []
        try Zlib.deflate(raw, level: compressionLevel, final: final, into: &out)
        return (out, Zlib.crc32(raw), raw.count)
    }

    private var contentTypes: String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """
        for i in sheets.indices {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    private var workbook: String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (i, sheet) in sheets.enumerated() {
            s += "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        s += "</sheets>"
        // Excel keeps an autofilter's range as a hidden name per sheet.
        let filtered = sheets.enumerated().filter { $0.element.autoFilter && $0.element.rowCount > 0 }
        if !filtered.isEmpty {
            s += "<definedNames>"
            for (i, sheet) in filtered {
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                s += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                    + Self.escape("\(quoted)!$A$\(sheet.filterRow + 1):$\(Self.columnName(sheet.columnCount - 1))$\(sheet.rowCount)") + "</definedName>"
            }
            s += "</definedNames>"
        }
        return s + "</workbook>"
    }

    private var workbookRels: String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for i in sheets.indices {
            s += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    /// Style 0: default; 1: bold (header); 2: date dd/mm/yyyy; 3: text on a yellow fill; 4: text
    /// format (`@`), so a NIK typed over stays text.
    private var styles: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
        """
    }

    /// The worksheet part up to its first row.
    private static func head(_ sheet: Sheet, into out: inout [UInt8]) {
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        put("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            """)
        // Printed (by a field officer, say) across the page's width, in landscape.
        put("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
        let columns = sheet.columnCount
        if columns > 0 && sheet.rowCount > 0 {
            put("<dimension ref=\"A1:\(Self.columnName(columns - 1))\(sheet.rowCount)\"/>")
        }
        if sheet.freezeHeader || sheet.frozenColumns > 0 {
            let ySplit = sheet.freezeHeader ? 1 : 0, xSplit = sheet.frozenColumns
            let topLeft = Self.columnName(xSplit) + String(ySplit + 1)
            let pane = xSplit > 0 && ySplit > 0 ? "bottomRight" : (ySplit > 0 ? "bottomLeft" : "topRight")
            put("<sheetViews><sheetView workbookViewId=\"0\"><pane")
            if xSplit > 0 { put(" xSplit=\"\(xSplit)\"") }
            if ySplit > 0 { put(" ySplit=\"\(ySplit)\"") }
            put(" topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/><selection pane=\"\(pane)\"/></sheetView></sheetViews>")
        }
        if !sheet.widths.isEmpty {
            put("<cols>")
            for (i, w) in sheet.widths.enumerated() { put("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>") }
            put("</cols>")
        }
        put("<sheetData>")
    }

    /// Rows `range` of the worksheet part.
    private static func rows(_ sheet: Sheet, _ range: Range<Int>, into cells: inout Cells) {
        for r in range {
            cells.beginRow(header: r == 0)
            sheet.write(r, &cells)
            cells.endRow()
        }
    }

    /// The worksheet part after its last row.
    private static func tail(_ sheet: Sheet, into out: inout [UInt8]) {
        func put(_ s: String) { out.append(contentsOf: s.utf8) }
        let columns = sheet.columnCount
        put("</sheetData>")
        if sheet.autoFilter && columns > 0 && sheet.rowCount > 0 {
            put("<autoFilter ref=\"A\(sheet.filterRow + 1):\(Self.columnName(columns - 1))\(sheet.rowCount)\"/>")
        }
        if !sheet.choices.isEmpty {
            // Validation covers the data rows there are and room for more a verifier might add.
            let last = max(sheet.rowCount, 2) + 1000
            put("<dataValidations count=\"\(sheet.choices.count)\">")
            for choice in sheet.choices {
                let column = Self.columnName(choice.column)
                put("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" errorTitle=\"Padan\" error=\"")
                Self.escape(choice.error, into: &out)
                put("\" sqref=\"\(column)2:\(column)\(last)\"><formula1>\"")
                Self.escape(choice.values.joined(separator: ","), into: &out)
                put("\"</formula1></dataValidation>")
            }
            put("</dataValidations>")
        }
        put("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>")
        put("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
        put("</worksheet>")
    }

    /// `name` as Excel allows a sheet name: at most 31 characters, none of `: \\ / ? * [ ]`.
    static func sheetName(_ name: String) -> String {
        String(String(name.map { ":\\/?*[]".contains($0) ? "_" : $0 }).prefix(31))
    }

    /// 0 → "A", 25 → "Z", 26 → "AA".
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// An inline-string cell with style `style` (0: none; styles are one digit).
    static func inline(_ text: String, style: Int, into out: inout [UInt8]) {
        out.append(contentsOf: "<c t=\"inlineStr\"".utf8)
        if style != 0 {
            out.append(contentsOf: " s=\"".utf8)
            out.append(UInt8(48 + style))
            out.append(34)
        }
        // Leading or trailing white space, or a line break, is kept only with xml:space.
        let u = text.utf8
        let spaced = u.first.map { $0 == 32 || $0 == 9 } == true || u.last.map { $0 == 32 || $0 == 9 } == true
            || u.contains { $0 == 10 || $0 == 13 }
        out.append(contentsOf: spaced ? "><is><t xml:space=\"preserve\">".utf8 : "><is><t>".utf8)
        escape(text, into: &out)
        out.append(contentsOf: "</t></is></c>".utf8)
    }

    /// ``escape(_:)`` appended to `out` as UTF-8.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var plain = true
        for b in text.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b < 0x20 || b == 0xEF {
            plain = false
            break
        }
        if plain { out.append(contentsOf: text.utf8) } else { out.append(contentsOf: escape(text).utf8) }
    }

    /// Escapes XML text; drops characters XML 1.0 cannot carry (control characters but tab, LF, CR).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
