import Foundation
import Testing
import ZIPFoundation
@testable import Padan

/// Inputs that crashed a reader under the fuzz targets in Fuzz/ (see Fuzz/README.md). Each must
/// now give a clear PadanError or a table, never a trap. The workbooks are written part by part, as
/// FuzzXLSX builds them, so a damaged sheet can be said exactly.
@Suite struct FuzzRegressionTests {
    let dir = TemporaryDirectory()

    static let workbook = """
        <workbook xmlns:r="r"><sheets><sheet name="Data" r:id="rId1"/></sheets></workbook>
        """

    /// Writes a workbook whose only sheet has `sheetData` and returns its path; `workbookXML`
    /// replaces the xl/workbook.xml part.
    func workbook(_ name: String, sheetData: String, workbookXML: [UInt8]? = nil) throws -> String {
        let path = dir.file(name)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let sheet = "<worksheet><sheetData>\(sheetData)</sheetData></worksheet>"
        for (part, bytes) in [("xl/workbook.xml", workbookXML ?? Array(Self.workbook.utf8)),
                              ("xl/worksheets/sheet1.xml", Array(sheet.utf8))] {
            let data = Data(bytes)
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        return path
    }

    func inline(_ reference: String?, _ text: String) -> String {
        "<c\(reference.map { " r=\"\($0)\"" } ?? "") t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    func readError(_ path: String) -> PadanError? {
        do {
            _ = try TableReader.read(path: path)
            return nil
        } catch {
            return error as? PadanError
        }
    }

    /// Was: `rowNumber + 1` overflowed on the row after `r="9223372036854775807"` (a trap).
    @Test func rowNumberPastInt32IsADamagedSheet() throws {
        let file = try workbook("rows.xlsx", sheetData: """
            <row r="9223372036854775807">\(inline(nil, "NIK"))</row><row>\(inline(nil, "1"))</row>
            """)
        let error = try #require(readError(file))
        #expect(error.message.contains("row number 9223372036854775807 is out of range"))
        #expect(readError(try workbook("zero.xlsx", sheetData: "<row r=\"0\">\(inline(nil, "NIK"))</row>")) != nil)
    }

    @Test func rowNumbersUpToInt32MaxAreLineNumbers() throws {
        let file = try workbook("far.xlsx", sheetData: """
            <row r="1">\(inline("A1", "NIK"))</row><row r="2147483647">\(inline("A2147483647", "1"))</row>
            """)
        let table = try TableReader.read(path: file)
        #expect(table.lineNumbers == [Int32.max])
    }

    /// Was: `index * 26` overflowed in `columnIndex` on a 20-letter reference (a trap).
    @Test func longColumnLettersAreADamagedSheet() throws {
        let file = try workbook("letters.xlsx", sheetData: "<row>\(inline("AAAAAAAAAAAAAAAAAAAA1", "NIK"))</row>")
        let error = try #require(readError(file))
        #expect(error.message.contains("beyond column XFD"))
    }

    /// Was: a data cell at column ZZZZZZZ padded its row to 8 billion fields (out of memory).
    @Test func cellPastXFDIsADamagedSheetButXFDIsARaggedRow() throws {
        let past = try workbook("wide.xlsx", sheetData: """
            <row>\(inline("A1", "NIK"))</row><row>\(inline("ZZZZZZZ2", "1"))</row>
            """)
        let error = try #require(readError(past))
        #expect(error.message.contains("cell ZZZZZZZ2 is beyond column XFD"))
        #expect(error.line == 2)

        let last = try workbook("xfd.xlsx", sheetData: """
            <row>\(inline("A1", "NIK"))</row><row>\(inline("A2", "1"))</row><row>\(inline("XFD3", "2"))</row>
            """)
        let table = try TableReader.read(path: last)
        #expect(table.rowCount == 1)
        #expect(table.rejected.map(\.line) == [3])
        #expect(table.rejected.first?.reason.contains("16384 fields") == true)
    }

    /// Was: Foundation's XMLParser trapped (a force-unwrapped UTF-8 decoding) on a byte that is not
    /// UTF-8 in an attribute name or a comment; libxml2 passes such bytes on in recover mode.
    @Test(arguments: [
        Array("<workbook a".utf8) + [0xFF] + Array("=\"1\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>".utf8),
        Array("<workbook><!-- ".utf8) + [0xC9, 0xC9] + Array(" --><sheets><sheet name=\"S\"/></sheets></workbook>".utf8),
    ])
    func partThatIsNotUTF8IsADamagedWorkbook(workbookXML: [UInt8]) throws {
        let file = try workbook("bytes.xlsx", sheetData: "<row>\(inline("A1", "NIK"))</row>", workbookXML: workbookXML)
        let error = try #require(readError(file))
        #expect(error.message.hasPrefix("not a readable .xlsx workbook: xl/workbook.xml is not UTF-8 text"))
    }

    /// Was: `abs(x)` trapped on the exponent Int.min in a numeric cell.
    @Test func exponentOfIntMinIsNotANumber() throws {
        #expect(ExcelSerial.plainDecimal("1E-9223372036854775808") == "1E-9223372036854775808")
        #expect(ExcelSerial.plainDecimal("1E-399") == "0." + String(repeating: "0", count: 398) + "1")
        let file = try workbook("exponent.xlsx", sheetData: """
            <row>\(inline("A1", "NIK"))</row><row><c r="A2"><v>1E-9223372036854775808</v></c></row>
            """)
        let table = try TableReader.read(path: file)
        #expect(table.column(.nik)?.string(0) == "1E-9223372036854775808")
    }

    /// Was (FuzzHTML, in CI): two rows of an HTML table on one line, both with a blank id, were
    /// both given `#1`, so two people shared an id.
    @Test func rowsOnOneLineWithBlankIdsGetDifferentIds() throws {
        let html = "<table><tr><th>NIK</th><th>NAMA</th><th>ID</th></tr><tr><td>3273015708450001</td><td>SITI</td><td></td></tr>"
            + "<tr><td>3273015708450002</td><td>AMINAH</td><td></td></tr><tr><td>3273015708450003</td><td>NUR</td><td>#1</td></tr></table>"
        let table = try TableReader.read(path: dir.write("satu-baris.xls", html))
        #expect(table.rowCount == 3)
        let ids = (0 ..< table.rowCount).map { table.id(row: $0) }
        #expect(Set(ids).count == 3, "ids: \(ids)")
    }
}
