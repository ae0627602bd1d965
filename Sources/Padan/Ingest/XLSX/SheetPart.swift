/// A worksheet part (`xl/worksheets/sheetN.xml`), streamed row by row into a ``TableBuilder``.
///
/// Cells are gathered per row on bytes: shared strings are copied from the string table, numbers
/// written out in full decimal (never through a `Double`, so a NIK that Excel stored as a number
/// keeps every digit Excel kept), numbers in date-styled cells become ISO dates, booleans `TRUE`
/// or `FALSE`, and inline strings and formula results are read as their text. Error values
/// (`#N/A`, `#REF!`: a `t="e"` cell) are no one's name or NIK: they are read as empty, and counted.
/// Excel leaves empty cells out; each row is padded to the header's width. The sheet's row number
/// is the line number in messages and rejected rows.
struct SheetPart: XMLHandler {
    enum CellType { case shared, boolean, number, text, error }

    private struct Cell {
        var column: Int
        var start: Int
        var end: Int
        /// The value's full length when it was over the field limit (its bytes were not kept).
        var oversized: Int?
    }

    var builder: TableBuilder
    let sharedStrings: SharedStringsPart
    let dateStyles: Set<Int>
    let date1904: Bool
    let maxField: Int
    /// Formula cells that carry no cached result (read as empty).
    private(set) var formulasWithoutValue = 0
    /// Cells holding an error value (`#N/A`, `#REF!`), read as empty.
    private(set) var errorCells = 0
    /// Rows marked hidden in the sheet (they are read like the others).
    private(set) var hiddenRows = 0

    private var record = RecordScratch()
    private var cellBytes: [UInt8] = []
    private var cells: [Cell] = []
    private var inColumnOrder = true
    private var rowNumber = 0
    private var rowHidden = false
    private var nextColumn = 0
    private var inCell = false
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var cellHasFormula = false
    private var cellHasValue = false
    private var value: [UInt8] = []
    private var valueLength = 0
    private var collecting = false
    private var phonetic = 0

    /// Columns a worksheet can have: A through XFD.
    static let maxColumns = 16_384

    init(builder: TableBuilder, sharedStrings: SharedStringsPart, dateStyles: Set<Int>, date1904: Bool, maxField: Int) {
        self.builder = builder
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.maxField = maxField
    }

    mutating func startElement(_ tag: XMLTag) throws {
        let local = tag.localName
        switch local.count {
        case 1 where local[0] == UInt8(ascii: "c"):
            // One pass over the attributes: this runs for every cell.
            var reference: UnsafeBufferPointer<UInt8>?, type: UnsafeBufferPointer<UInt8>?, style: UnsafeBufferPointer<UInt8>?
            for i in 0 ..< tag.attributeCount {
                let name = XMLName.local(tag.attributeName(i))
                guard name.count == 1 else { continue }
                switch name[0] {
                case UInt8(ascii: "r"): reference = tag.attributeValue(i)
                case UInt8(ascii: "t"): type = tag.attributeValue(i)
                case UInt8(ascii: "s"): style = tag.attributeValue(i)
                default: break
                }
            }
            let column = reference.flatMap(Self.columnIndex) ?? nextColumn
            guard column < Self.maxColumns else {
                let shown = reference.map { String(decoding: $0.prefix(40), as: UTF8.self) } ?? "number \(column + 1)"
                throw damaged("cell \(shown) is beyond column XFD, the last column a worksheet can have")
            }
            inCell = true
            cellColumn = column
            nextColumn = column + 1
            cellType = Self.type(type)
            cellStyle = style.flatMap(XMLName.integer) ?? 0
            cellHasFormula = false
            cellHasValue = false
            value.removeAll(keepingCapacity: true)
            valueLength = 0
        case 1 where local[0] == UInt8(ascii: "v"), 1 where local[0] == UInt8(ascii: "t"):
            if inCell && phonetic == 0 {
                collecting = true
                cellHasValue = true
            }
        case 1 where local[0] == UInt8(ascii: "f"):
            if inCell { cellHasFormula = true }
        case 3 where XMLName.equals(local, "row"):
            // Row numbers become Int32 line numbers: one out of that range is a damaged sheet (and
            // would make the next row's `+ 1` overflow). Checked before it is kept.
            let given = tag.value(local: "r")
            let row = given.flatMap(XMLName.integer) ?? rowNumber + 1
            guard given.map({ $0.count <= 18 }) ?? true, (1 ... Int(Int32.max)).contains(row) else {
                let shown = given.map { String(decoding: $0.prefix(40), as: UTF8.self) } ?? String(row)
                throw damaged("row number \(shown) is out of range")
            }
            rowNumber = row
            cells.removeAll(keepingCapacity: true)
            cellBytes.removeAll(keepingCapacity: true)
            inColumnOrder = true
            nextColumn = 0
            rowHidden = false
            if let hidden = tag.value(local: "hidden"), XMLName.equals(hidden, "1") || XMLName.equals(hidden, "true") {
                hiddenRows += 1
                rowHidden = true
            }
        case 3 where XMLName.equals(local, "rPh"):
            phonetic += 1
        default:
            break
        }
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        let local = XMLName.local(name)
        switch local.count {
        case 1 where local[0] == UInt8(ascii: "v"), 1 where local[0] == UInt8(ascii: "t"):
            collecting = false
        case 1 where local[0] == UInt8(ascii: "c"):
            if inCell { try endCell() }
            inCell = false
            collecting = false
        case 3 where XMLName.equals(local, "row"):
            try endRow()
        case 3 where XMLName.equals(local, "rPh"):
            phonetic = max(0, phonetic - 1)
        default:
            break
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard collecting else { return }
        valueLength += bytes.count
        if value.count + bytes.count <= maxField { value.append(contentsOf: bytes) }
    }

    /// The finished table.
    mutating func finish(derive: Bool = true) throws -> Table {
        var table = try builder.finish(derive: derive)
        if formulasWithoutValue > 0 {
            table.warnings.append("\(formulasWithoutValue) formula cells have no saved result (the workbook was saved "
                                  + "without calculating) and were read as empty; open and save it in Excel or LibreOffice to keep them")
        }
        if errorCells > 0 {
            table.warnings.append("\(errorCells) cells hold an Excel error value (#N/A, #REF!, #VALUE! ...) and were read as empty")
        }
        if hiddenRows > 0 && !builder.options.skipHiddenRows {
            table.warnings.append("\(hiddenRows) rows are hidden in the sheet (by hand or by a filter); they were read "
                                  + "like the others (--skip-hidden-rows leaves them out, as rejected rows)")
        } else if hiddenRows > 0 {
            table.warnings.append("\(hiddenRows) rows are hidden in the sheet; they were left out as rejected rows")
        }
        return table
    }

    private static func type(_ t: UnsafeBufferPointer<UInt8>?) -> CellType {
        guard let t else { return .number }
        if XMLName.equals(t, "s") { return .shared }
        if XMLName.equals(t, "n") { return .number }
        if XMLName.equals(t, "b") { return .boolean }
        if XMLName.equals(t, "e") { return .error }  // #N/A, #REF!, #VALUE!
        return .text  // inlineStr, str (a formula's text result)
    }

    private func damaged(_ message: String) -> PadanError {
        PadanError(.badInput, file: builder.file, line: rowNumber == 0 ? nil : rowNumber, "not a readable .xlsx workbook: \(message)")
    }

    private mutating func endCell() throws {
        // No cached result: no <v>, or an empty <v/> where the result is not text (openpyxl and
        // other writers put <v/> under every formula they cannot compute).
        if cellHasFormula && (!cellHasValue || (valueLength == 0 && cellType != .text)) { formulasWithoutValue += 1 }
        let start = cellBytes.count
        var oversized: Int?
        if valueLength > maxField && cellType != .shared {
            oversized = valueLength
        } else {
            switch cellType {
            case .shared:
                guard !value.isEmpty else { break }
                guard let index = value.withUnsafeBufferPointer(XMLName.integer), index < sharedStrings.count else {
                    throw damaged("cell \(Self.reference(cellColumn, rowNumber)) names shared string "
                                  + "'\(String(decoding: value.prefix(40), as: UTF8.self))', but the workbook has "
                                  + "\(sharedStrings.count) shared strings")
                }
                sharedStrings.withString(index) { s in
                    if s.count > maxField { oversized = s.count } else { cellBytes.append(contentsOf: s) }
                }
            case .boolean:
                if value == [0x31] { cellBytes.append(contentsOf: "TRUE".utf8) }
                else if value == [0x30] { cellBytes.append(contentsOf: "FALSE".utf8) }
                else { cellBytes.append(contentsOf: value) }
            case .number:
                guard !value.isEmpty else { break }
                if dateStyles.contains(cellStyle), let serial = Double(String(decoding: value, as: UTF8.self)),
                   let date = ExcelSerial.isoDate(serial: serial, date1904: date1904) {
                    cellBytes.append(contentsOf: date.utf8)
                } else {
                    value.withUnsafeBufferPointer { ExcelSerial.plainDecimal($0, into: &cellBytes) }
                }
            case .text:
                cellBytes.append(contentsOf: value)
            case .error:
                if cellHasValue { errorCells += 1 }
            }
        }
        guard cellBytes.count > start || oversized != nil else { return }
        if let last = cells.last, last.column >= cellColumn { inColumnOrder = false }
        cells.append(Cell(column: cellColumn, start: start, end: cellBytes.count, oversized: oversized))
    }

    private mutating func endRow() throws {
        if !inColumnOrder {
            // A cell given twice keeps its last value, as Excel does when it repairs such a sheet.
            var byColumn: [Int: Cell] = [:]
            for cell in cells { byColumn[cell.column] = cell }
            cells = byColumn.values.sorted { $0.column < $1.column }
        }
        record.reset()
        let width = max((cells.last?.column ?? -1) + 1, builder.header?.count ?? 0)
        var next = 0
        cellBytes.withUnsafeBufferPointer { bytes in
            for column in 0 ..< width {
                if next < cells.count && cells[next].column == column {
                    let cell = cells[next]
                    next += 1
                    if let length = cell.oversized {
                        if record.oversizedField == nil {
                            record.oversizedField = column
                            record.oversizedLength = length
                        }
                    } else {
                        record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cell.start ..< cell.end]))
                    }
                }
                record.ends.append(record.bytes.count)
            }
        }
        if rowHidden && builder.options.skipHiddenRows {
            try builder.skip(record, line: rowNumber, reason: "a hidden row (hidden by hand or by a filter; left out with --skip-hidden-rows)")
        } else {
            try builder.add(record, line: rowNumber)
        }
        cells.removeAll(keepingCapacity: true)
        cellBytes.removeAll(keepingCapacity: true)
    }

    /// `"B12"` → 1. Saturates instead of overflowing on absurdly long letter runs, so the caller
    /// can reject them as beyond ``maxColumns``.
    static func columnIndex(_ reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var letters = 0
        for u in reference {
            switch u {
            case 65...90: index = min(index * 26 + Int(u - 64), Int(Int32.max)); letters += 1
            case 97...122: index = min(index * 26 + Int(u - 96), Int(Int32.max)); letters += 1
            default: return letters == 0 ? nil : index - 1
            }
        }
        return letters == 0 ? nil : index - 1
    }

    /// `columnIndex` for a `String` reference.
    static func columnIndex(_ reference: String) -> Int? {
        var bytes = Array(reference.utf8)
        return bytes.withUnsafeMutableBufferPointer { columnIndex(UnsafeBufferPointer($0)) }
    }

    /// `(1, 12)` → `"B12"`.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters: [UInt8] = []
        var c = column + 1
        while c > 0 {
            letters.insert(UInt8(65 + (c - 1) % 26), at: 0)
            c = (c - 1) / 26
        }
        return String(decoding: letters, as: UTF8.self) + String(row)
    }
}
