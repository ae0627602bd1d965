import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet (or a named one) of an `.xlsx` workbook into a table.
///
/// The zip container is opened with ZIPFoundation and each part parsed with Foundation's
/// `XMLParser`. Shared strings, inline strings, formula results, booleans and numbers are read;
/// numbers are written out in full decimal (a NIK that Excel stored as a number comes out as the
/// digits Excel kept, never `3.27105E+15`), and numbers in cells with a date format become ISO
/// dates. The sheet's row number is the line number used in messages and rejected rows.
struct XLSXReader {
    let path: String
    let options: ReadOptions

    func read() throws -> Table {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw PadanError(.badInput, file: path, "not a readable .xlsx workbook: the zip container is damaged (\(error))")
        }
        guard let workbookXML = try part("xl/workbook.xml", in: archive) else {
            throw PadanError(.badInput, file: path, "a zip file but not an .xlsx workbook (it has no xl/workbook.xml)")
        }
        let workbook = try parse(workbookXML, part: "xl/workbook.xml", WorkbookHandler())
        guard !workbook.sheets.isEmpty else {
            throw PadanError(.badInput, file: path, "the workbook has no worksheets")
        }
        let sheet: (name: String, relation: String)
        if let wanted = options.sheet {
            guard let found = workbook.sheets.first(where: { $0.name == wanted })
                ?? workbook.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
            else {
                let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                throw PadanError(.usage, file: path, "no sheet named '\(wanted)' (sheets: \(names))")
            }
            sheet = found
        } else {
            sheet = workbook.sheets[0]
        }
        var target = "xl/worksheets/sheet1.xml"
        if let relsXML = try part("xl/_rels/workbook.xml.rels", in: archive) {
            let rels = try parse(relsXML, part: "xl/_rels/workbook.xml.rels", RelationshipsHandler())
            if let t = rels.targets[sheet.relation] {
                target = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
            }
        }
        var sharedStrings: [String] = []
        if let sst = try part("xl/sharedStrings.xml", in: archive) {
            sharedStrings = try parse(sst, part: "xl/sharedStrings.xml", SharedStringsHandler()).strings
        }
        var dateStyles = Set<Int>()
        if let styles = try part("xl/styles.xml", in: archive) {
            dateStyles = try parse(styles, part: "xl/styles.xml", StylesHandler()).dateStyles
        }
        guard let sheetXML = try part(target, in: archive) else {
            throw PadanError(.badInput, file: path, "the workbook names sheet '\(sheet.name)' but has no part \(target)")
        }
        var format = SourceFormat(container: "xlsx")
        format.sheet = sheet.name
        let handler = SheetHandler(
            builder: TableBuilder(file: path, options: options, format: format),
            sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: workbook.date1904,
            maxField: options.maxFieldBytes)
        let done = try parse(sheetXML, part: target, handler)
        if let error = done.error { throw error }
        return try done.builder.finish()
    }

    private func part(_ name: String, in archive: Archive) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw PadanError(.badInput, file: path, "not a readable .xlsx workbook: part \(name) is damaged (\(error))")
        }
        return data
    }

    private func parse<H: XLSXHandler>(_ data: Data, part: String, _ handler: H) throws -> H {
        // Foundation's XMLParser on Linux runs libxml2 in recover mode and force-unwraps the
        // UTF-8 decoding of names and comments, so bytes that are not UTF-8 in an attribute name or
        // a comment trap instead of failing the parse. Excel writes every part as UTF-8.
        guard data.withUnsafeBytes({ Windows1252.isValidUTF8($0.bindMemory(to: UInt8.self)) }) else {
            throw PadanError(.badInput, file: path, "not a readable .xlsx workbook: \(part) is not UTF-8 text")
        }
        let parser = XMLParser(data: data)
        parser.delegate = handler
        if !parser.parse() {
            if let error = (handler as? SheetHandler)?.error { throw error }
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw PadanError(.badInput, file: path, line: parser.lineNumber,
                             "not a readable .xlsx workbook: \(part) is not well-formed XML (\(reason))")
        }
        return handler
    }
}

/// A delegate that collects one part of a workbook. Each handler declares the conformance itself:
/// without the Objective-C runtime, methods of a subclass would not replace the protocol's
/// default implementations.
protocol XLSXHandler: XMLParserDelegate {}

final class WorkbookHandler: NSObject, XLSXHandler {
    var sheets: [(name: String, relation: String)] = []
    var date1904 = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(element) {
        case "sheet":
            let relation = attributes.first(where: { $0.key.hasSuffix(":id") || $0.key == "id" })?.value ?? ""
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", relation))
        case "workbookPr":
            let v = attributes["date1904"]?.lowercased()
            date1904 = v == "1" || v == "true"
        default: break
        }
    }
}

final class RelationshipsHandler: NSObject, XLSXHandler {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if localName(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

final class SharedStringsHandler: NSObject, XLSXHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(element) {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(element) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

final class StylesHandler: NSObject, XLSXHandler {
    /// Indexes into `cellXfs` whose number format shows a date.
    var dateStyles = Set<Int>()
    private var customDate = Set<Int>()
    private var inCellXfs = false
    private var xfIndex = 0

    static let builtinDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(element) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
               Self.isDateFormat(code) {
                customDate.insert(id)
            }
        case "cellXfs":
            inCellXfs = true
            xfIndex = 0
        case "xf" where inCellXfs:
            let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
            if Self.builtinDates.contains(id) || customDate.contains(id) { dateStyles.insert(xfIndex) }
            xfIndex += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if localName(element) == "cellXfs" { inCellXfs = false }
    }

    /// A format code shows a date when, outside quoted text and `[...]` sections, it has a day
    /// or year code.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false
        for ch in code.lowercased() {
            switch ch {
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d" where !inQuote && !inBracket, "y" where !inQuote && !inBracket: return true
            default: break
            }
        }
        return false
    }
}

final class SheetHandler: NSObject, XLSXHandler {
    var builder: TableBuilder
    var error: PadanError?
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    let maxField: Int
    private var record = RecordScratch()
    private var cells: [(column: Int, value: String)] = []
    private var rowNumber = 0
    private var nextColumn = 0
    private var cellColumn = 0
    private var cellType = ""
    private var cellStyle = 0
    private var text = ""
    private var collecting = false

    init(builder: TableBuilder, sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool, maxField: Int) {
        self.builder = builder
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.maxField = maxField
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(element) {
        case "row":
            // Row numbers become Int32 line numbers: one out of that range is a damaged sheet (and
            // would make the next row's `+ 1` overflow). Checked before it is kept.
            let row = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            guard (1 ... Int(Int32.max)).contains(row) else {
                fail(parser, "row number \(row) is out of range")
                return
            }
            rowNumber = row
            cells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case "c":
            // Each row is padded to its last cell's column: a reference past the last column a
            // worksheet can have (XFD) would make that row billions of fields long.
            let column = attributes["r"].flatMap(Self.columnIndex) ?? nextColumn
            guard column < Self.maxColumns else {
                fail(parser, "cell \(attributes["r"] ?? "number \(column + 1)") is beyond column XFD, "
                             + "the last column a worksheet can have")
                return
            }
            cellColumn = column
            nextColumn = column + 1
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(element) {
        case "v", "t":
            collecting = false
        case "c":
            if let value = cellValue(), !value.isEmpty { cells.append((cellColumn, value)) }
        case "row":
            record.reset()
            // Excel leaves out empty cells, trailing ones included: pad to the header's width.
            let width = max((cells.map(\.column).max() ?? -1) + 1, builder.header?.count ?? 0)
            var values = [String](repeating: "", count: width)
            for cell in cells { values[cell.column] = cell.value }
            for (index, value) in values.enumerated() {
                if value.utf8.count > maxField {
                    if record.oversizedField == nil {
                        record.oversizedField = index
                        record.oversizedLength = value.utf8.count
                    }
                } else {
                    record.bytes.append(contentsOf: value.utf8)
                }
                record.ends.append(record.bytes.count)
            }
            do {
                try builder.add(record, line: rowNumber)
            } catch let e as PadanError {
                error = e
                parser.abortParsing()
            } catch {
                self.error = PadanError(.internalError, file: builder.file, line: rowNumber, "\(error)")
                parser.abortParsing()
            }
        default: break
        }
    }

    private func cellValue() -> String? {
        switch cellType {
        case "s":
            guard let i = Int(text), i >= 0, i < sharedStrings.count else { return text }
            return sharedStrings[i]
        case "b":
            return text == "1" ? "TRUE" : (text == "0" ? "FALSE" : text)
        case "n":
            guard !text.isEmpty else { return "" }
            if dateStyles.contains(cellStyle), let serial = Double(text),
               let date = ExcelSerial.isoDate(serial: serial, date1904: date1904) {
                return date
            }
            return ExcelSerial.plainDecimal(text)
        default:  // inlineStr, str (formula result), e (error value such as #N/A)
            return text
        }
    }

    /// Columns a worksheet can have: A through XFD.
    static let maxColumns = 16_384

    /// Stops the parse with a damaged-sheet error at the current row.
    private func fail(_ parser: XMLParser, _ message: String) {
        error = PadanError(.badInput, file: builder.file, line: rowNumber,
                           "not a readable .xlsx workbook: \(message)")
        parser.abortParsing()
    }

    /// `"B12"` → 1. Saturates instead of overflowing on absurdly long letter runs, so the caller
    /// can reject them as beyond ``maxColumns``.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for u in reference.utf8 {
            switch u {
            case 65...90: index = min(index * 26 + Int(u - 64), Int(Int32.max)); letters += 1
            case 97...122: index = min(index * 26 + Int(u - 96), Int(Int32.max)); letters += 1
            default:
                return letters == 0 ? nil : index - 1
            }
        }
        return letters == 0 ? nil : index - 1
    }
}

@inline(__always)
private func localName(_ element: String) -> Substring {
    if let colon = element.lastIndex(of: ":") { return element[element.index(after: colon)...] }
    return Substring(element)
}
