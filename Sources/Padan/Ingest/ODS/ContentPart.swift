/// `content.xml` of an OpenDocument spreadsheet (`.ods`), streamed into one ``TableBuilder`` per
/// sheet (`table:table`).
///
/// OpenDocument writes what Excel leaves out: empty cells and rows as *repeats*
/// (`table:number-columns-repeated="1020"`, a last row repeated a million times). Repeats of
/// empty cells only advance the column; trailing empty cells are dropped; an empty row, however
/// often repeated, is one blank line; a repeated row with values is that many records (up to
/// ``maxRepeatedRows``). Values: a number's `office:value` in full decimal (a NIK stored as a number
/// keeps its digits), a date's `office:date-value` as an ISO date, a boolean as `TRUE`/`FALSE`,
/// anything else its text (`text:p` paragraphs joined by a line break, `text:s` as spaces). Merged
/// cells (`table:covered-table-cell`) are empty, as in a workbook, even when LibreOffice kept the
/// text hidden under the merge. An error value (`#N/A`, `calcext:value-type="error"`) is empty too. Hidden sheets (a table style with
/// `table:display="false"`) and hidden or filtered rows (`table:visibility`) are marked.
struct ContentPart: XMLHandler {
    struct Sheet {
        var name: String
        var hidden: Bool
        var builder: TableBuilder?
        var hiddenRows = 0
        var formulasWithoutValue = 0
        var error: PadanError?
    }

    let file: String
    let options: ReadOptions
    /// Which sheets to read into a table (by name); all when nil.
    let wanted: ((String) -> Bool)?
    private(set) var sheets: [Sheet] = []

    static let maxColumns = 16_384
    /// A row with values repeated more often than this is a damaged file, not a list.
    static let maxRepeatedRows = 100_000

    private var hiddenTableStyles = Set<String>()
    private var styleName: String?
    private var inTable = false
    private var rowNumber = 0
    private var rowRepeat = 1
    private var rowHidden = false
    private var column = 0
    private var cells: [(column: Int, start: Int, end: Int)] = []
    private var cellBytes: [UInt8] = []
    private var oversized: (column: Int, length: Int)?
    // The cell being read.
    private var inCell = false
    private var cellRepeat = 1
    private var cellValue: [UInt8]?
    private var cellHasFormula = false
    /// A covered (merged-over) cell or an error value: its text is not read.
    private var cellIgnored = false
    private var text: [UInt8] = []
    private var textLength = 0
    private var paragraphs = 0
    private var inParagraph = 0
    /// Inside a cell's comment (`office:annotation`), whose paragraphs are not the cell's text.
    private var inAnnotation = 0
    private var record = RecordScratch()

    init(file: String, options: ReadOptions, wanted: ((String) -> Bool)?) {
        self.file = file
        self.options = options
        self.wanted = wanted
    }

    private func damaged(_ message: String) -> PadanError {
        PadanError(.badInput, file: file, line: rowNumber == 0 ? nil : rowNumber, "not a readable .ods spreadsheet: \(message)")
    }

    mutating func startElement(_ tag: XMLTag) throws {
        let local = tag.localName
        if XMLName.equals(local, "table-cell") || XMLName.equals(local, "covered-table-cell") {
            guard inTable else { return }
            inCell = true
            cellRepeat = max(1, tag.integer(local: "number-columns-repeated") ?? 1)
            cellHasFormula = tag.value(local: "formula") != nil
            cellValue = nil
            text.removeAll(keepingCapacity: true)
            textLength = 0
            paragraphs = 0
            cellIgnored = !XMLName.equals(local, "table-cell")
                || tag.value(qualified: "calcext:value-type").map { XMLName.equals($0, "error") } ?? false
            guard !cellIgnored else { return }
            let type = tag.value(local: "value-type")
            if let type, XMLName.equals(type, "float") || XMLName.equals(type, "percentage") || XMLName.equals(type, "currency") {
                if let v = tag.value(local: "value") {
                    var out: [UInt8] = []
                    ExcelSerial.plainDecimal(v, into: &out)
                    cellValue = out
                }
            } else if let type, XMLName.equals(type, "date"), let v = tag.value(local: "date-value") {
                // 1980-08-12 or 1980-08-12T00:00:00: the day (a time of day is not a birth date's).
                cellValue = Array(v.prefix(10))
            } else if let type, XMLName.equals(type, "boolean"), let v = tag.value(local: "boolean-value") {
                cellValue = Array((XMLName.equals(v, "true") ? "TRUE" : "FALSE").utf8)
            }
        } else if XMLName.equals(local, "annotation") {
            inAnnotation += 1
        } else if XMLName.equals(local, "p") || XMLName.equals(local, "h") {
            guard inCell && inAnnotation == 0 && !cellIgnored else { return }
            if paragraphs > 0 { append([10]) }
            paragraphs += 1
            inParagraph += 1
        } else if XMLName.equals(local, "s") {
            guard inParagraph > 0 else { return }
            append([UInt8](repeating: 32, count: min(max(1, tag.integer(local: "c") ?? 1), 1000)))
        } else if XMLName.equals(local, "tab") {
            if inParagraph > 0 { append([9]) }
        } else if XMLName.equals(local, "line-break") {
            if inParagraph > 0 { append([10]) }
        } else if XMLName.equals(local, "table-row") {
            guard inTable else { return }
            rowRepeat = max(1, tag.integer(local: "number-rows-repeated") ?? 1)
            let visibility = tag.value(local: "visibility")
            rowHidden = visibility.map { XMLName.equals($0, "collapse") || XMLName.equals($0, "filter") } ?? false
            column = 0
            cells.removeAll(keepingCapacity: true)
            cellBytes.removeAll(keepingCapacity: true)
            oversized = nil
        } else if XMLName.equals(local, "table") {
            let name = tag.string(local: "name") ?? "Sheet\(sheets.count + 1)"
            let hidden = tag.string(local: "style-name").map(hiddenTableStyles.contains) ?? false
            var format = SourceFormat(container: "ods")
            format.encoding = "ods"
            format.sheet = name
            let read = wanted?(name) ?? !hidden
            sheets.append(Sheet(name: name, hidden: hidden,
                                builder: read ? TableBuilder(file: file, options: options, format: format) : nil))
            inTable = true
            rowNumber = 0
        } else if XMLName.equals(local, "style") {
            styleName = tag.string(local: "name")
        } else if XMLName.equals(local, "table-properties") {
            if let styleName, let display = tag.value(local: "display"), XMLName.equals(display, "false") {
                hiddenTableStyles.insert(styleName)
            }
        }
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        let local = XMLName.local(name)
        if XMLName.equals(local, "table-cell") || XMLName.equals(local, "covered-table-cell") {
            guard inCell else { return }
            inCell = false
            try endCell()
        } else if XMLName.equals(local, "annotation") {
            inAnnotation = max(0, inAnnotation - 1)
        } else if XMLName.equals(local, "p") || XMLName.equals(local, "h") {
            if inAnnotation == 0 { inParagraph = max(0, inParagraph - 1) }
        } else if XMLName.equals(local, "table-row") {
            guard inTable else { return }
            try endRow()
        } else if XMLName.equals(local, "table") {
            inTable = false
        } else if XMLName.equals(local, "style") {
            styleName = nil
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard inParagraph > 0 else { return }
        append(Array(bytes))
    }

    private mutating func append(_ bytes: [UInt8]) {
        textLength += bytes.count
        if text.count + bytes.count <= options.maxFieldBytes { text.append(contentsOf: bytes) }
    }

    private mutating func endCell() throws {
        let value = cellValue ?? text
        let length = cellValue?.count ?? textLength
        if cellHasFormula && value.isEmpty, !sheets.isEmpty { sheets[sheets.count - 1].formulasWithoutValue += 1 }
        guard !value.isEmpty || length > 0 else {
            column += cellRepeat
            return
        }
        guard column + cellRepeat <= Self.maxColumns else {
            throw damaged("a row reaches beyond column \(Self.maxColumns), the last a sheet can have")
        }
        for _ in 0 ..< cellRepeat {
            if length > options.maxFieldBytes {
                if oversized == nil { oversized = (column, length) }
                cells.append((column, cellBytes.count, cellBytes.count))
            } else {
                let start = cellBytes.count
                cellBytes.append(contentsOf: value)
                cells.append((column, start, cellBytes.count))
            }
            column += 1
        }
    }

    private mutating func endRow() throws {
        let first = rowNumber + 1
        rowNumber += rowRepeat
        guard rowNumber <= Int(Int32.max) else { throw damaged("more rows than a sheet can have") }
        guard !sheets.isEmpty, sheets[sheets.count - 1].builder != nil else { return }
        let k = sheets.count - 1
        if rowHidden && !cells.isEmpty { sheets[k].hiddenRows += rowRepeat }
        record.reset()
        if let last = cells.last {
            var next = 0
            cellBytes.withUnsafeBufferPointer { bytes in
                for c in 0 ... last.column {
                    if next < cells.count && cells[next].column == c {
                        record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cells[next].start ..< cells[next].end]))
                        next += 1
                    }
                    record.ends.append(record.bytes.count)
                }
            }
            if let oversized {
                record.oversizedField = oversized.column
                record.oversizedLength = oversized.length
            }
        }
        if record.isBlank {
            try sheets[k].builder!.add(record, line: first)  // one blank line, however often repeated
            return
        }
        guard rowRepeat <= Self.maxRepeatedRows else {
            throw damaged("row \(first) is repeated \(rowRepeat) times")
        }
        for r in 0 ..< rowRepeat {
            if rowHidden && options.skipHiddenRows {
                try sheets[k].builder!.skip(record, line: first + r,
                                            reason: "a hidden row (hidden by hand or by a filter; left out with --skip-hidden-rows)")
            } else {
                try sheets[k].builder!.add(record, line: first + r)
            }
        }
    }
}
