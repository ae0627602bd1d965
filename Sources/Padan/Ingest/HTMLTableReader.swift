/// Reads an HTML table saved under an `.xls` name, as web applications (SIKS-NG, e-office
/// systems, Excel's "Save as Web Page") export lists, into a table.
///
/// Not a general HTML parser: it looks for `<tr>`, `<td>` and `<th>` in the bytes and nothing
/// else. The table with the most rows is read (pages often wrap the list in layout tables); a
/// cell's `colspan` is kept as that many cells (the first with the text, as a merged cell in a
/// workbook), and a cell's `rowspan` keeps its column empty in the rows below (so a two-row
/// header's child cells stay under their parent); `<br>` becomes a space, other tags are dropped, character references (`&amp;`,
/// `&#39;`, `&#x2019;`, `&nbsp;`, and the Latin-1 names such as `&Eacute;`) are decoded and runs of white space collapse to one space, as a
/// browser shows them; comments (`<!-- ... -->`) are left out, as a browser does. The line of
/// each `<tr>` is the row's line in messages. Then the rows go
/// through ``TableBuilder`` like any other file's: header detection, rows that are not people,
/// field limits.
struct HTMLTableReader {
    let path: String
    let options: ReadOptions

    /// A row: its line and its cells' bytes.
    typealias Row = (line: Int, cells: [[UInt8]])

    func read(_ bytes: [UInt8]) throws -> Table {
        let tables = Self.tables(bytes, maxField: options.maxFieldBytes, maxColumns: 16_384)
        guard let rows = tables.max(by: { $0.count < $1.count }), !rows.isEmpty else {
            throw PadanError(.badInput, file: path, "an HTML file with no table rows (<tr>); nothing to read")
        }
        var format = SourceFormat(container: "html")
        format.encoding = "utf-8"
        var builder = TableBuilder(file: path, options: options, format: format)
        var record = RecordScratch()
        for row in rows {
            record.reset()
            for cell in row.cells { record.append(field: cell, maxField: options.maxFieldBytes) }
            try builder.add(record, line: row.line)
        }
        return try builder.finish()
    }

    /// Every table's rows, in order. A cell over `maxField` bytes keeps its length but not all
    /// its bytes (the builder rejects its row); `colspan` is capped at `maxColumns`.
    static func tables(_ b: [UInt8], maxField: Int, maxColumns: Int) -> [[Row]] {
        var tables: [[Row]] = []
        // Tables being read, innermost last, each with its rows and the row and cell of the
        // enclosing table it sits in (restored when it closes).
        var open: [(rows: [Row], outerRow: Row?, outerCell: [UInt8]?, outerSpan: Int, outerDown: [Int], outerOccupied: [Bool])] = []
        var row: Row?
        // Per column, how many rows below are still covered by a cell with a rowspan, and which
        // columns of the current row are covered.
        var down: [Int] = []
        var occupied: [Bool] = []
        var rowSpan = 1
        var cell: [UInt8]?
        var span = 1
        var cellLength = 0
        var line = 1
        var space = false
        var i = 0
        func beginRow() {
            row = (line, [])
            occupied = down.map { $0 > 0 }
            for k in down.indices where down[k] > 0 { down[k] -= 1 }
        }
        func endCell() {
            guard var c = cell else { return }
            if c.last == 32 { c.removeLast() }
            if row == nil { beginRow() }
            while row!.cells.count < occupied.count && occupied[row!.cells.count] && row!.cells.count < maxColumns {
                row!.cells.append([])
            }
            let first = row!.cells.count
            row!.cells.append(c)
            for _ in 1 ..< max(1, min(span, maxColumns - row!.cells.count + 1)) { row!.cells.append([]) }
            if rowSpan > 1 {
                if down.count < row!.cells.count { down += [Int](repeating: 0, count: row!.cells.count - down.count) }
                for k in first ..< row!.cells.count { down[k] = max(down[k], rowSpan - 1) }
            }
            cell = nil
        }
        func endRow() {
            endCell()
            if let r = row, !open.isEmpty { open[open.count - 1].rows.append(r) }
            row = nil
        }
        func closeTable() {
            endRow()
            guard let done = open.popLast() else { return }
            tables.append(done.rows)
            row = done.outerRow
            cell = done.outerCell
            span = done.outerSpan
            down = done.outerDown
            occupied = done.outerOccupied
            cellLength = cell?.count ?? 0
        }
        func text(_ byte: UInt8) {
            guard cell != nil else { return }
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                space = true
                return
            }
            if space && !cell!.isEmpty { append(32) }
            space = false
            append(byte)
        }
        func append(_ byte: UInt8) {
            cellLength += 1
            if cellLength <= maxField + 1 { cell!.append(byte) }
        }
        while i < b.count {
            let c = b[i]
            if c == 10 { line += 1 }
            if c == UInt8(ascii: "<") && Self.startsCaseInsensitive(b, at: i, with: Array("<!--".utf8)) {
                // A comment (a row commented out, Excel's conditional comments): not on the page.
                var k = i + 4
                while k < b.count && !Self.startsCaseInsensitive(b, at: k, with: Array("-->".utf8)) {
                    if b[k] == 10 { line += 1 }
                    k += 1
                }
                i = k + 3
                continue
            }
            if c == UInt8(ascii: "<") {
                var j = i + 1
                while j < b.count && b[j] != UInt8(ascii: ">") {
                    if b[j] == 10 { line += 1 }
                    j += 1
                }
                let tag = b[(i + 1) ..< min(j, b.count)]
                let closing = tag.first == UInt8(ascii: "/")
                let name = Self.name(closing ? tag.dropFirst() : tag)
                switch (name, closing) {
                case ("table", false):
                    open.append(([], row, cell, span, down, occupied))
                    row = nil
                    cell = nil
                    down = []
                    occupied = []
                case ("table", true): closeTable()
                case ("tr", false):
                    endRow()
                    beginRow()
                case ("tr", true): endRow()
                case ("td", false), ("th", false):
                    endCell()
                    if row == nil { beginRow() }
                    cell = []
                    cellLength = 0
                    space = false
                    span = Self.span(tag, "colspan")
                    rowSpan = min(Self.span(tag, "rowspan"), 10_000)
                case ("td", true), ("th", true): endCell()
                case ("br", _), ("p", _), ("div", _): space = true
                case ("script", false), ("style", false):
                    // Skip to the closing tag: their text is not cell text.
                    let close = Array(("</" + name).utf8)
                    var k = j
                    while k < b.count && !Self.startsCaseInsensitive(b, at: k, with: close) {
                        if b[k] == 10 { line += 1 }
                        k += 1
                    }
                    j = k
                default: break
                }
                i = j + 1
                continue
            }
            if c == UInt8(ascii: "&"), cell != nil, let (decoded, length) = Self.reference(b, at: i) {
                if decoded == [32] { text(32) } else { for d in decoded { text(d) } }
                i += length
                continue
            }
            text(c)
            i += 1
        }
        while !open.isEmpty { closeTable() }
        return tables
    }

    /// A tag's name, lower-cased ASCII letters and digits up to the first other byte.
    static func name(_ tag: ArraySlice<UInt8>) -> String {
        var s = ""
        for u in tag {
            switch u {
            case 65...90: s.unicodeScalars.append(Unicode.Scalar(u + 32))
            case 97...122, 48...57: s.unicodeScalars.append(Unicode.Scalar(u))
            default: return s
            }
        }
        return s
    }

    /// The `colspan` or `rowspan` of a cell tag (1 when absent or not a number).
    static func span(_ tag: ArraySlice<UInt8>, _ attribute: String) -> Int {
        let text = String(decoding: tag, as: UTF8.self).lowercased()
        guard let r = text.range(of: attribute) else { return 1 }
        var n = 0, digits = 0
        for ch in text[r.upperBound...] {
            if let d = ch.wholeNumberValue, ch.isASCII {
                n = min(n * 10 + d, 100_000)
                digits += 1
            } else if digits > 0 || !(ch == "=" || ch == "\"" || ch == "'" || ch == " ") {
                break
            }
        }
        return digits > 0 ? max(1, n) : 1
    }

    static let named: [String: [UInt8]] = [
        "amp": [38], "lt": [60], "gt": [62], "quot": [34], "apos": [39], "nbsp": [32],
    ]

    /// HTML's names for the Latin-1 letters and signs (U+00A1 to U+00FF, in order) and a few
    /// typographic ones: `JOS&Eacute;` is JOSÉ, not the letters of the name. Case matters here
    /// (`&Eacute;` É, `&eacute;` é).
    static let latin1: [String: [UInt8]] = {
        let names = ["iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
                     "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil",
                     "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde",
                     "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc",
                     "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave",
                     "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml",
                     "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
                     "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute",
                     "ucirc", "uuml", "yacute", "thorn", "yuml"]
        var table: [String: [UInt8]] = [:]
        for (k, name) in names.enumerated() { table[name] = Array(String(Character(Unicode.Scalar(UInt8(0xA1 + k)))).utf8) }
        for (name, scalar) in [("ndash", 0x2013), ("mdash", 0x2014), ("lsquo", 0x2018), ("rsquo", 0x2019), ("ldquo", 0x201C),
                               ("rdquo", 0x201D), ("hellip", 0x2026), ("bull", 0x2022), ("euro", 0x20AC), ("trade", 0x2122)] {
            table[name] = Array(String(Character(Unicode.Scalar(UInt32(scalar))!)).utf8)
        }
        return table
    }()

    /// The character reference at `b[i]` (`&amp;`, `&#39;`, `&#x2019;`), decoded to UTF-8, and its
    /// length in bytes; nil when `&` starts none (it is then kept as it is).
    static func reference(_ b: [UInt8], at i: Int) -> ([UInt8], Int)? {
        var j = i + 1
        while j < b.count && j - i <= 10 && b[j] != UInt8(ascii: ";") { j += 1 }
        guard j < b.count, b[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
        let body = String(decoding: b[(i + 1) ..< j], as: UTF8.self)
        if let bytes = named[body.lowercased()] ?? latin1[body] { return (bytes, j - i + 1) }
        guard body.hasPrefix("#") else { return nil }
        let digits = body.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
        if value == 0xA0 { return ([32], j - i + 1) }
        return (Array(String(Character(scalar)).utf8), j - i + 1)
    }

    static func startsCaseInsensitive(_ b: [UInt8], at k: Int, with prefix: [UInt8]) -> Bool {
        guard k + prefix.count <= b.count else { return false }
        for (n, p) in prefix.enumerated() where b[k + n] | 0x20 != p | 0x20 { return false }
        return true
    }
}
