import Foundation
import ZIPFoundation

/// Reads one worksheet of an `.xlsx` workbook into a table: the one named, else the visible,
/// non-empty sheet whose header scores best (see ``HeaderDetector``), and says which others exist.
///
/// The zip container is opened with ZIPFoundation, and each part is streamed through Padan's own
/// ``XMLScanner`` as it is inflated: no part is held whole, so a 200,000-row sheet of 150 MB reads
/// in bounded memory, and no input can make the parser trap. The workbook, its relationships, the
/// shared strings and the styles are read first; the sheet then streams row by row into the table
/// (``SheetPart``).
struct XLSXReader {
    let path: String
    let options: ReadOptions
    var progress: ((Int, Int) -> Void)?

    func read() throws -> Table {
        let parts = try ZipXMLPart(opening: path, kind: ".xlsx workbook")
        var workbook = WorkbookPart()
        guard try parts.scan("xl/workbook.xml", into: &workbook) else {
            throw PadanError(.badInput, file: path, "a zip file but not an .xlsx workbook (it has no xl/workbook.xml)")
        }
        guard !workbook.sheets.isEmpty else {
            throw PadanError(.badInput, file: path, "the workbook has no worksheets")
        }
        var relationships = RelationshipsPart()
        _ = try parts.scan("xl/_rels/workbook.xml.rels", into: &relationships)
        var sharedStrings = SharedStringsPart()
        _ = try parts.scan("xl/sharedStrings.xml", into: &sharedStrings, markupLimit: markupLimit)
        var styles = StylesPart()
        _ = try parts.scan("xl/styles.xml", into: &styles)
        func target(_ sheet: WorkbookPart.Sheet, _ index: Int) -> String {
            guard let t = relationships.targets[sheet.relation] else { return "xl/worksheets/sheet\(index + 1).xml" }
            return t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
        }
        func sheetPart(_ options: ReadOptions, _ format: SourceFormat) -> SheetPart {
            SheetPart(builder: TableBuilder(file: path, options: options, format: format),
                      sharedStrings: sharedStrings, dateStyles: styles.dateStyles, date1904: workbook.date1904,
                      maxField: options.maxFieldBytes)
        }

        let index: Int
        var others: [String] = []
        var note: String?
        if let wanted = options.sheet, wanted != "*" {
            guard let found = workbook.sheets.firstIndex(where: { $0.name == wanted })
                ?? workbook.sheets.firstIndex(where: { $0.name.lowercased() == wanted.lowercased() })
            else {
                let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                throw PadanError(.usage, file: path, "no sheet named '\(wanted)' (sheets: \(names))")
            }
            index = found
            others = workbook.sheets.indices.filter { $0 != found }.map { "'\(workbook.sheets[$0].name)'" }
        } else if options.sheet == nil && (workbook.sheets.count == 1 || options.layout == .plain) {
            // A table a program wrote (a review sheet) is on its first sheet.
            index = 0
        } else {
            // Skip hidden and empty sheets; of the others, the one whose header scores best (the
            // first on ties), so a Rekap pivot or a notes sheet in front is not read for the list.
            var best: (index: Int, score: Double)?
            var verdicts: [String?] = []
            var scores: [Double?] = []
            for (k, sheet) in workbook.sheets.enumerated() {
                scores.append(nil)
                if sheet.hidden {
                    verdicts.append("hidden")
                    continue
                }
                var peek = SheetPeek(part: sheetPart(SheetStack.sheetOptions(options), SourceFormat(container: "xlsx")))
                _ = try parts.scan(target(sheet, k), into: &peek, markupLimit: markupLimit)
                guard let score = peek.part.builder.headerScore() else {
                    verdicts.append("empty")
                    continue
                }
                verdicts.append(score.identity ? nil : "no NIK, KK or name column")
                scores[k] = score.value
                if best == nil || score.value > best!.score { best = (k, score.value) }
            }
            guard let chosen = best else {
                throw PadanError(.badInput, file: path, "every sheet of the workbook is hidden or empty (sheets: "
                                 + workbook.sheets.enumerated().map { "'\($0.element.name)' (\(verdicts[$0.offset] ?? ""))" }
                                    .joined(separator: ", ") + ")")
            }
            if options.sheet == "*" {
                // Every sheet that is a list of people, stacked.
                let lists = workbook.sheets.indices.filter { verdicts[$0] == nil && scores[$0] != nil }
                let each = SheetStack.sheetOptions(options)
                var tables: [Table] = []
                for k in lists {
                    var format = SourceFormat(container: "xlsx")
                    format.sheet = workbook.sheets[k].name
                    var part = sheetPart(each, format)
                    _ = try parts.scan(target(workbook.sheets[k], k), into: &part, markupLimit: markupLimit, progress: progress)
                    tables.append(try part.finish(derive: false))
                }
                let skipped = workbook.sheets.indices.filter { !lists.contains($0) }
                    .map { "'\(workbook.sheets[$0].name)' (\(verdicts[$0] ?? "empty"))" }
                return try SheetStack.stack(tables, names: lists.map { workbook.sheets[$0].name }, file: path,
                                            options: options, otherSheets: skipped)
            }
            index = chosen.index
            for (k, sheet) in workbook.sheets.enumerated() where k != index {
                let tie = scores[k] == chosen.score && verdicts[k] == nil
                others.append("'\(sheet.name)' (\(verdicts[k] ?? (tie ? "a list too: --sheet '*' reads every sheet" : "its header scored lower")))")
            }
            if index != 0 { note = "chosen over the first sheet: its header looks most like a list of people" }
        }
        let sheet = workbook.sheets[index]
        var format = SourceFormat(container: "xlsx")
        format.sheet = sheet.name
        format.otherSheets = others
        format.sheetNote = note
        if sheet.hidden { format.sheetNote = "a hidden sheet" }
        var part = sheetPart(options, format)
        let name = target(sheet, index)
        guard try parts.scan(name, into: &part, markupLimit: markupLimit, progress: progress) else {
            throw PadanError(.badInput, file: path, "the workbook names sheet '\(sheet.name)' but has no part \(name)")
        }
        return try part.finish()
    }

    /// A CDATA section may carry a whole field, so the markup limit grows with the field limit.
    private var markupLimit: Int { max(4 << 20, options.maxFieldBytes * 4) }
}
