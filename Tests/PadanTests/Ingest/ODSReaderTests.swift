import Foundation
import Testing
import ZIPFoundation
@testable import Padan

@Suite struct ODSReaderTests {
    let dir = TemporaryDirectory()

    /// An .ods file with `body` as the spreadsheet element's content.
    func ods(_ name: String, _ body: String, styles: String = "") throws -> String {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">\
            <office:automatic-styles>\(styles)</office:automatic-styles><office:body><office:spreadsheet>\(body)\
            </office:spreadsheet></office:body></office:document-content>
            """
        let file = dir.file(name)
        let archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .create)
        for (entry, data) in [("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data(content.utf8))] {
            try archive.addEntry(with: entry, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: entry == "mimetype" ? .none : .deflate) { p, s in data.subdata(in: Int(p) ..< Int(p) + s) }
        }
        return file
    }

    func cell(_ text: String) -> String { "<table:table-cell office:value-type=\"string\"><text:p>\(text)</text:p></table:table-cell>" }

    @Test func valuesRepeatsAndMergedCellsAreReadAsTheSheetShowsThem() throws {
        let file = try ods("a.ods", """
            <table:table table:name="Data">\
            <table:table-row>\(cell("NIK"))\(cell("NAMA"))\(cell("TGL LAHIR"))\(cell("RT"))<table:table-cell table:number-columns-repeated="1020"/></table:table-row>\
            <table:table-row><table:table-cell office:value-type="float" office:value="3.273015708450001E+15"><text:p>3,27E+15</text:p></table:table-cell>\
            <table:table-cell office:value-type="string"><text:p>SITI<text:s text:c="2"/>AMINAH</text:p><text:p>BINTI ALI</text:p>\
            <office:annotation><text:p>catatan</text:p></office:annotation></table:table-cell>\
            <table:table-cell office:value-type="date" office:date-value="1945-08-17T00:00:00"><text:p>17/08/45</text:p></table:table-cell>\
            <table:covered-table-cell/></table:table-row>\
            <table:table-row table:number-rows-repeated="2">\(cell("3273015708450002"))\(cell("BUDI"))<table:table-cell table:number-columns-repeated="2"/></table:table-row>\
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>\
            </table:table>
            """)
        let t = try TableReader.read(path: file)
        #expect(t.format.container == "ods")
        #expect(t.rowCount == 3)
        #expect(t.value(.nik, row: 0) == "3273015708450001")
        #expect(t.value(.name, row: 0) == "SITI  AMINAH\nBINTI ALI")
        #expect(t.value(.birthDate, row: 0) == "1945-08-17")
        #expect(t.value(.rt, row: 0) == "")
        // A repeated row is that many records; the ids are unique all the same (no id column: ordinals).
        #expect(t.lineNumbers == [2, 3, 4])
        #expect(t.format.blankLines == 1)
    }

    /// LibreOffice can keep a merged-over cell's text hidden under the merge (and writes an error
    /// value's text, #N/A): neither is what the sheet shows.
    @Test func textUnderAMergeAndErrorValuesAreNotRead() throws {
        let file = try ods("m.ods", """
            <table:table table:name="Data">\
            <table:table-row>\(cell("NIK"))\(cell("NAMA"))\(cell("TGL LAHIR"))\(cell("ALAMAT"))</table:table-row>\
            <table:table-row>\(cell("3273015708450001"))<table:table-cell table:number-columns-spanned="2" office:value-type="string">\
            <text:p>SITI</text:p></table:table-cell><table:covered-table-cell office:value-type="string"><text:p>HIDDEN</text:p>\
            </table:covered-table-cell>\(cell("JL A"))</table:table-row>\
            <table:table-row>\(cell("3273015708450002"))<table:table-cell table:formula="of:=VLOOKUP(A3;X:Y;2;0)" \
            office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>\
            \(cell("17-08-1945"))\(cell("JL B"))</table:table-row>\
            </table:table>
            """)
        let t = try TableReader.read(path: file)
        #expect(t.rowCount == 2)
        #expect(t.value(.birthDate, row: 0) == "")
        #expect(t.value(.address, row: 0) == "JL A")
        #expect(t.value(.name, row: 1) == "")
    }

    @Test func hiddenSheetsAreSkippedAndASheetCanBeNamed() throws {
        let style = "<style:style style:name=\"ta2\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>"
        let rows = "<table:table-row>\(cell("NIK"))\(cell("NAMA"))</table:table-row><table:table-row>\(cell("3273015708450001"))\(cell("SITI"))</table:table-row>"
        let file = try ods("b.ods", "<table:table table:name=\"Lama\" table:style-name=\"ta2\">\(rows)</table:table><table:table table:name=\"Baru\">\(rows)\(rows)</table:table>", styles: style)
        let t = try TableReader.read(path: file)
        #expect(t.format.sheet == "Baru")
        #expect(t.format.otherSheets == ["'Lama' (hidden)"])
        #expect(try TableReader.read(path: file, options: ReadOptions(sheet: "lama")).rowCount == 1)
        #expect(throws: PadanError.self) { try TableReader.read(path: file, options: ReadOptions(sheet: "X")) }
    }

    @Test func aRowRepeatedBeyondReasonIsADamagedFile() throws {
        let file = try ods("c.ods", "<table:table table:name=\"S\"><table:table-row>\(cell("NIK"))</table:table-row><table:table-row table:number-rows-repeated=\"9999999\">\(cell("1"))</table:table-row></table:table>")
        #expect {
            try TableReader.read(path: file)
        } throws: { ($0 as? PadanError)?.message.contains("repeated 9999999 times") == true }
    }
}
