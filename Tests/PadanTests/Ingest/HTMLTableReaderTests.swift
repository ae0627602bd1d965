import Foundation
import Testing
@testable import Padan

@Suite struct HTMLTableReaderTests {
    let dir = TemporaryDirectory()

    func cells(_ html: String) -> [[String]] {
        let tables = HTMLTableReader.tables(Array(html.utf8), maxField: 1 << 20, maxColumns: 16_384)
        return (tables.max { $0.count < $1.count } ?? []).map { $0.cells.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func cellsAreTextAsABrowserShowsIt() {
        let rows = cells("<table><tr><th>NIK</th><TH>NAMA</TH></tr>\n<tr><td> 3273 </td><td>SITI<br>AMINAH &amp; &#39;X&#x27;&nbsp;Y <i>Z</i></td></tr></table>")
        #expect(rows == [["NIK", "NAMA"], ["3273", "SITI AMINAH & 'X' Y Z"]])
    }

    @Test func latin1NamesAreTheirLetters() {
        let rows = cells("<table><tr><td>NAMA</td></tr><tr><td>JOS&Eacute; &amp; ANDR&eacute;&nbsp;&ndash; N&Atilde;O &unknown;</td></tr></table>")
        #expect(rows == [["NAMA"], ["JOSÉ & ANDRé – NÃO &unknown;"]])
    }

    /// A row commented out is not on the page, and a comment does not throw the lines off.
    @Test func commentsAreNotCells() {
        let html = "<table><tr><td>NIK</td><td>NAMA</td></tr>\n<!-- <tr><td>3273</td><td>LAMA</td></tr>\n -->"
            + "<!--[if gte mso 9]><td>x</td><![endif]--><tr><td>3274</td><td>SITI <!-- ANI --></td></tr></table>"
        #expect(cells(html) == [["NIK", "NAMA"], ["3274", "SITI"]])
        let tables = HTMLTableReader.tables(Array(html.utf8), maxField: 1 << 20, maxColumns: 16_384)
        #expect(tables.first?.map(\.line) == [1, 3])
    }

    @Test func colspanKeepsTheColumnsInPlace() {
        #expect(cells("<table><tr><td colspan=\"3\">JUDUL</td></tr><tr><td>a</td><td colspan=2>b</td><td>c</td></tr></table>")
            == [["JUDUL", "", ""], ["a", "b", "", "c"]])
    }

    @Test func rowspanKeepsTheChildCellsUnderTheirParent() {
        let html = "<table><tr><th rowspan=2>NO</th><th colspan=2>IDENTITAS</th><th rowspan=\"2\">JK</th></tr>"
            + "<tr><th>NIK</th><th>NAMA</th></tr><tr><td>1</td><td>3273</td><td>SITI</td><td>P</td></tr></table>"
        #expect(cells(html) == [["NO", "IDENTITAS", "", "JK"], ["", "NIK", "NAMA"], ["1", "3273", "SITI", "P"]])
    }

    @Test func aTwoRowHTMLHeaderWithRowspansIsJoined() throws {
        let html = "<table><tr><th rowspan=2>NO</th><th colspan=2>IDENTITAS</th><th rowspan=\"2\">JK</th></tr>\n"
            + "<tr><th>NIK</th><th>NAMA</th></tr>\n<tr><td>1</td><td>3273015708450001</td><td>SITI</td><td>P</td></tr></table>\n"
        let t = try TableReader.read(path: dir.write("dua.xls", html))
        #expect(t.columnNames == ["NO", "NIK", "NAMA", "JK"])
        #expect(t.format.headerLines == [1, 2])
        #expect(t.value(.sex, row: 0) == "P")
    }

    @Test func theTableWithTheMostRowsIsTheList() {
        let html = "<table><tr><td>menu</td></tr><tr><td><table><tr><td>NIK</td></tr><tr><td>1</td></tr><tr><td>2</td></tr></table></td></tr></table>"
        #expect(cells(html) == [["NIK"], ["1"], ["2"]])
    }

    @Test func scriptsStylesAndBrokenMarkupDoNotBecomeCells() {
        #expect(cells("<style>td{x:1}</style><script>var a='<td>';</script><table><tr><td>A<td>B<tr><td>C") == [["A", "B"], ["C"]])
        #expect(cells("no table here").isEmpty)
        #expect(cells("<table><tr><td>&bogus; &#0; &").first == ["&bogus; &#0; &"])
    }

    @Test func aWebExportIsReadWithItsLines() throws {
        let html = "<html><body>\n<table>\n<tr><td>NIK</td><td>NAMA</td></tr>\n<tr><td>3273015708450001</td><td>SITI</td></tr>\n</table></body></html>\n"
        let t = try TableReader.read(path: dir.write("ekspor.xls", html))
        #expect(t.format.container == "html")
        #expect(t.rowCount == 1)
        #expect(t.lineNumbers == [4])
        #expect(t.value(.name, row: 0) == "SITI")
        #expect(t.warnings.first?.contains("named .xls but is an HTML table") == true)
        #expect(throws: PadanError.self) { try TableReader.read(path: dir.write("kosong.xls", "<html><body>tidak ada</body></html>")) }
    }
}
