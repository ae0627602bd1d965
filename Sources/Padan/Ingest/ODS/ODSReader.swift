import Foundation
import ZIPFoundation

/// Reads an OpenDocument spreadsheet (`.ods`, what LibreOffice Calc saves and many government
/// offices use) into a table, with the same rules as a workbook: the sheet named, else the
/// visible, non-empty sheet whose header scores best, or every list sheet stacked (`"*"`).
///
/// `content.xml` holds every sheet; it is streamed once through ``XMLScanner`` (never
/// Foundation's `XMLParser`) into one ``TableBuilder`` per sheet (``ContentPart``).
struct ODSReader {
    let path: String
    let options: ReadOptions

    /// Whether the start of a zip file is an OpenDocument spreadsheet's (its first entry,
    /// `mimetype`, is stored uncompressed and names the type).
    static func isODS(_ first: [UInt8]) -> Bool {
        let head = String(decoding: first.prefix(200), as: UTF8.self)
        return head.contains("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
    }

    func read() throws -> Table {
        let parts = try ZipXMLPart(opening: path, kind: ".ods spreadsheet")
        let stacking = options.sheet == "*"
        let named = stacking ? nil : options.sheet
        var content = ContentPart(
            file: path, options: stacking ? SheetStack.sheetOptions(options) : options,
            wanted: named.map { wanted in { $0.lowercased() == wanted.lowercased() } })
        guard try parts.scan("content.xml", into: &content, markupLimit: max(4 << 20, options.maxFieldBytes * 4)) else {
            throw PadanError(.badInput, file: path, "a zip file but not an .ods spreadsheet (it has no content.xml)")
        }
        var sheets = content.sheets
        guard !sheets.isEmpty else { throw PadanError(.badInput, file: path, "the spreadsheet has no sheets") }
        if let named {
            guard let k = sheets.firstIndex(where: { $0.builder != nil }) else {
                let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                throw PadanError(.usage, file: path, "no sheet named '\(named)' (sheets: \(names))")
            }
            let others = sheets.indices.filter { $0 != k }.map { "'\(sheets[$0].name)'" }
            return try finish(&sheets[k], others: others, note: nil)
        }
        var verdicts: [String?] = []
        var scores: [Double?] = []
        var best: Int?
        for k in sheets.indices {
            guard sheets[k].builder != nil else {
                verdicts.append("hidden")
                scores.append(nil)
                continue
            }
            guard let score = sheets[k].builder!.headerScore() else {
                verdicts.append("empty")
                scores.append(nil)
                continue
            }
            verdicts.append(score.identity ? nil : "no NIK, KK or name column")
            scores.append(score.value)
            if best == nil || score.value > scores[best!]! { best = k }
        }
        guard let chosen = best else {
            throw PadanError(.badInput, file: path, "every sheet of the spreadsheet is hidden or empty (sheets: "
                             + sheets.indices.map { "'\(sheets[$0].name)' (\(verdicts[$0] ?? ""))" }.joined(separator: ", ") + ")")
        }
        if stacking {
            let lists = sheets.indices.filter { verdicts[$0] == nil && scores[$0] != nil }
            var tables: [Table] = []
            for k in lists { tables.append(try finish(&sheets[k], others: [], note: nil, derive: false)) }
            let skipped = sheets.indices.filter { !lists.contains($0) }.map { "'\(sheets[$0].name)' (\(verdicts[$0] ?? "empty"))" }
            return try SheetStack.stack(tables, names: lists.map { sheets[$0].name }, file: path, options: options,
                                        otherSheets: skipped)
        }
        let others = sheets.indices.filter { $0 != chosen }.map { k -> String in
            let tie = scores[k] == scores[chosen] && verdicts[k] == nil
            return "'\(sheets[k].name)' (\(verdicts[k] ?? (tie ? "a list too: --sheet '*' reads every sheet" : "its header scored lower")))"
        }
        let note = chosen == 0 ? nil : "chosen over the first sheet: its header looks most like a list of people"
        return try finish(&sheets[chosen], others: others, note: note)
    }

    private func finish(_ sheet: inout ContentPart.Sheet, others: [String], note: String?, derive: Bool = true) throws -> Table {
        sheet.builder!.format.otherSheets = others
        sheet.builder!.format.sheetNote = note
        var table = try sheet.builder!.finish(derive: derive)
        if sheet.formulasWithoutValue > 0 {
            table.warnings.append("\(sheet.formulasWithoutValue) formula cells have no saved result (the file was saved "
                                  + "without calculating) and were read as empty; open and save it in LibreOffice or Excel to keep them")
        }
        if sheet.hiddenRows > 0 && !options.skipHiddenRows {
            table.warnings.append("\(sheet.hiddenRows) rows are hidden in the sheet (by hand or by a filter); they were read "
                                  + "like the others (--skip-hidden-rows leaves them out, as rejected rows)")
        } else if sheet.hiddenRows > 0 {
            table.warnings.append("\(sheet.hiddenRows) rows are hidden in the sheet; they were left out as rejected rows")
        }
        return table
    }
}
