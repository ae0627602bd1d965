import Foundation
import ZIPFoundation

/// Reads the first worksheet (or a named one) of an `.xlsx` workbook into a table.
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
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw PadanError(.badInput, file: path, "not a readable .xlsx workbook: the zip container is damaged (\(error))")
        }
        let parts = ZipXMLPart(archive: archive, file: path, kind: ".xlsx workbook")
        var workbook = WorkbookPart()
        guard try parts.scan("xl/workbook.xml", into: &workbook) else {
            throw PadanError(.badInput, file: path, "a zip file but not an .xlsx workbook (it has no xl/workbook.xml)")
        }
        guard !workbook.sheets.isEmpty else {
            throw PadanError(.badInput, file: path, "the workbook has no worksheets")
        }
        let sheet: WorkbookPart.Sheet
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
        var relationships = RelationshipsPart()
        if try parts.scan("xl/_rels/workbook.xml.rels", into: &relationships), let t = relationships.targets[sheet.relation] {
            target = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
        }
        var sharedStrings = SharedStringsPart()
        _ = try parts.scan("xl/sharedStrings.xml", into: &sharedStrings, markupLimit: markupLimit)
        var styles = StylesPart()
        _ = try parts.scan("xl/styles.xml", into: &styles)
        var format = SourceFormat(container: "xlsx")
        format.sheet = sheet.name
        var sheetPart = SheetPart(
            builder: TableBuilder(file: path, options: options, format: format),
            sharedStrings: sharedStrings, dateStyles: styles.dateStyles, date1904: workbook.date1904,
            maxField: options.maxFieldBytes)
        guard try parts.scan(target, into: &sheetPart, markupLimit: markupLimit, progress: progress) else {
            throw PadanError(.badInput, file: path, "the workbook names sheet '\(sheet.name)' but has no part \(target)")
        }
        return try sheetPart.finish()
    }

    /// A CDATA section may carry a whole field, so the markup limit grows with the field limit.
    private var markupLimit: Int { max(4 << 20, options.maxFieldBytes * 4) }
}
