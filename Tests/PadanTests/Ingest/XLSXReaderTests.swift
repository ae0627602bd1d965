import Foundation
import Testing
@testable import Padan

@Suite struct XLSXReaderTests {
    let dir = TemporaryDirectory()

    @Test func readsCellsAsExcelStoresThem() throws {
        let file = dir.file("list.xlsx")
        try XLSXWriter(sheets: [
            .init(name: "Data", rows: [
                [.text("NO"), .text("NIK"), .text("NAMA"), .text("TGL LAHIR"), .text("RT")],
                [.number("1"), .number("3.2710501019E+15"), .text("SITI & AMINAH"), .date(29445), .number("2")],
                [.number("2"), .number("3271054101900001"), .text("BUDI"), .text("12-08-1980"), .empty],
                [.empty, .empty, .empty, .empty, .empty],
                [.number("3"), .text("'3271050101900002"), .text(" <JOKO> "), .empty, .number("12.50")],
            ]),
        ]).write(to: file)
        let t = try TableReader.read(path: file)
        #expect(t.format.container == "xlsx")
        #expect(t.format.sheet == "Data")
        #expect(t.rowCount == 3)
        #expect(t.column(.nik).map { c in (0 ..< 3).map { c.string($0) } } == ["3271050101900000", "3271054101900001", "'3271050101900002"])
        #expect(t.column(.name)?.string(0) == "SITI & AMINAH")
        #expect(t.column(.name)?.string(2) == " <JOKO> ")
        #expect(t.column(.birthDate).map { c in (0 ..< 3).map { c.string($0) } } == ["1980-08-12", "12-08-1980", ""])
        #expect(t.column(.rt)?.string(2) == "12.5")
        #expect(t.lineNumbers == [2, 3, 5])
        #expect(t.format.blankLines == 1)
    }

    @Test func namedSheetAndMissingSheet() throws {
        let file = dir.file("two.xlsx")
        try XLSXWriter(sheets: [
            .init(name: "Ringkasan", rows: [[.text("NAMA")], [.text("SITI")]]),
            .init(name: "Penerima", rows: [[.text("NAMA")], [.text("SITI")], [.text("BUDI")]]),
        ]).write(to: file)
        #expect(try TableReader.read(path: file).format.sheet == "Ringkasan")
        #expect(try TableReader.read(path: file, options: ReadOptions(sheet: "penerima")).rowCount == 2)
        #expect(throws: PadanError.self) { try TableReader.read(path: file, options: ReadOptions(sheet: "X")) }
    }

    @Test func raggedRowsInASheetAreRejectedWithTheSheetRow() throws {
        let file = dir.file("ragged.xlsx")
        try XLSXWriter(sheets: [.init(name: "S", rows: [
            [.text("NIK"), .text("NAMA")],
            [.text("1"), .text("A")],
            [.text("2"), .text("B"), .text("C")],
        ])]).write(to: file)
        let t = try TableReader.read(path: file)
        #expect(t.rowCount == 1)
        #expect(t.rejected.first?.line == 3)
    }

    @Test func zipWithoutWorkbook() throws {
        let file = dir.file("notbook.xlsx")
        try XLSXWriter(sheets: [.init(name: "S", rows: [[.text("A")], [.text("1")]])]).write(to: file)
        // Rewrite the archive without xl/workbook.xml.
        let other = dir.file("other.zip")
        let archive = try ZIPArchiveForTests.copy(file, to: other, dropping: "xl/workbook.xml")
        _ = archive
        #expect(throws: PadanError.self) { try TableReader.read(path: other) }
    }

    /// The Windows-1252 export with a BOM and the workbook copy of the same data give the same rows.
    @Test func csvAndItsWorkbookCopyGiveTheSameRows() throws {
        let csv = try TableReader.read(path: repositoryRoot + "/corpora/samples/penerima-kota-bandung.csv")
        #expect(csv.format.delimiter == ";")
        #expect(csv.format.byteOrderMark)
        #expect(csv.format.encoding == "utf-8+windows-1252")
        #expect(Set(csv.roles.keys) == Set(Role.allCases).subtracting([.headOfHousehold, .province]))
        var rows: [[XLSXWriter.Cell]] = [csv.columnNames.map { .text($0) }]
        for r in 0 ..< csv.rowCount { rows.append(csv.columns.map { .text($0.string(r)) }) }
        let file = dir.file("copy.xlsx")
        try XLSXWriter(sheets: [.init(name: "Sheet1", rows: rows)]).write(to: file)
        let xlsx = try TableReader.read(path: file)
        #expect(xlsx.roles == csv.roles)
        #expect(xlsx.rowCount == csv.rowCount)
        #expect(xlsx.columns == csv.columns)
    }
}

import ZIPFoundation

enum ZIPArchiveForTests {
    /// Copies a zip archive, leaving out one entry.
    static func copy(_ source: String, to destination: String, dropping: String) throws -> Archive {
        let input = try Archive(url: URL(fileURLWithPath: source), accessMode: .read)
        let output = try Archive(url: URL(fileURLWithPath: destination), accessMode: .create)
        for entry in input where entry.path != dropping {
            var data = Data()
            _ = try input.extract(entry) { data.append($0) }
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count)) { pos, size in
                data.subdata(in: Int(pos) ..< Int(pos) + size)
            }
        }
        return output
    }
}
