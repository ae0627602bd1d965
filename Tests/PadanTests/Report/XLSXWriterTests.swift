import Foundation
import Testing
import ZIPFoundation
@testable import Padan

/// The workbook writer's sheet features, checked in the parts Excel and LibreOffice read.
@Suite struct XLSXWriterTests {
    let dir = TemporaryDirectory()

    func part(_ path: String, _ name: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try #require(archive[name])) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func frozenHeaderFilterDropDownAndMarkedCells() throws {
        let file = dir.file("hasil.xlsx")
        try XLSXWriter(sheets: [
            .init(name: "Dua daftar", rows: [
                [.text("keputusan"), .text("NIK"), .text("NAMA"), .text("peluang")],
                [.empty, .text("3273010101900001"), .marked("SITI AMINAH"), .number("0.97")],
                [.empty, .text("3273010101900002"), .text("BUDI & <ANAK>"), .number("0.5")],
            ], widths: [12, 20, 24, 10], freezeHeader: true, frozenColumns: 1, autoFilter: true,
               choices: [.init(column: 0, values: ["sesuai", "tidak sesuai", "ragu"], error: "Pilih dari daftar")]),
            .init(name: "Petunjuk", rows: [[.text("Isi kolom keputusan.")]]),
        ]).write(to: file)
        let sheet = try part(file, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"1\" topLeftCell=\"B2\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:D3\"/>"))
        #expect(sheet.contains("<dataValidation type=\"list\"") && sheet.contains("sqref=\"A2:A1003\"><formula1>\"sesuai,tidak sesuai,ragu\"</formula1>"))
        // Cells in order without references; the empty decision cell before the others is <c/>.
        #expect(sheet.contains("<row><c/><c t=\"inlineStr\"><is><t>3273010101900001</t></is></c><c t=\"inlineStr\" s=\"3\"><is><t>SITI AMINAH</t></is></c><c><v>0.97</v></c></row>"))
        let workbook = try part(file, "xl/workbook.xml")
        #expect(workbook.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'Dua daftar'!$A$1:$D$3</definedName>"))
        // And it reads back as written: NIK as text, the number as a number, escapes undone.
        let table = try TableReader.read(path: file)
        #expect(table.column(.nik)?.string(0) == "3273010101900001")
        #expect(table.column(.name).map { [$0.string(0), $0.string(1)] } == ["SITI AMINAH", "BUDI & <ANAK>"])
        #expect(table.columns[3].string(1) == "0.5")
    }
}
