import Foundation
import Testing
import ZIPFoundation
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

/// Workbooks past the size where Foundation's XMLParser (libxml2 without its "huge" option) stopped,
/// and the input that crashed it.
@Suite struct BigAndHostileWorkbookTests {
    let dir = TemporaryDirectory()

    /// Was: SIGSEGV. Foundation's XMLParser called strlen on the null data of `<?x?>` in
    /// xl/workbook.xml (found by scripts/fuzz xlsx).
    @Test func processingInstructionWithNoDataInTheWorkbookPart() throws {
        let file = dir.file("pi.xlsx")
        try XLSXWriter(sheets: [.init(name: "Data", rows: [[.text("NIK"), .text("NAMA")], [.text("1"), .text("SITI")]])])
            .write(to: file)
        try rewritePart(file, "xl/workbook.xml") { "<?x?>" + $0.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n", with: "") }
        let table = try TableReader.read(path: file)
        #expect(table.rowCount == 1 && table.column(.name)?.string(0) == "SITI")
    }

    /// A sheet whose XML is just over 10,000,000 bytes, the size at which the old reader said
    /// "not well-formed XML", reads whole and the same as its CSV.
    @Test func sheetOverTenMegabytes() throws {
        var rows: [[XLSXWriter.Cell]] = [["NO", "NIK", "NAMA", "TGL_LAHIR", "ALAMAT"].map { .text($0) }]
        var csv = "NO,NIK,NAMA,TGL_LAHIR,ALAMAT\n"
        var i = 0
        var random = SplitMix64(seed: 10)
        while rows.count < 60_000 {
            i += 1
            let nik = "3273" + String(format: "%012llu", random.next() % 1_000_000_000_000)
            let name = ["SITI AMINAH", "BUDI SANTOSO", "NI’MAH & ANAK", "DJOKO <SUKARNO>"][Int(random.next() % 4)]
            let address = "JL. MERDEKA NO. \(i) RT 0\(i % 9)/RW 0\(i % 7)"
            rows.append([.number(String(i)), .text(nik), .text(name), .date(20_000 + i % 9000), .text(address)])
            let date = ExcelSerial.isoDate(serial: Double(20_000 + i % 9000), date1904: false)!
            csv += "\(i),\(nik),\"\(name)\",\(date),\(address)\n"
        }
        let file = dir.file("big.xlsx")
        try XLSXWriter(sheets: [.init(name: "Data", rows: rows)]).write(to: file)
        let archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        let size = try #require(archive["xl/worksheets/sheet1.xml"]).uncompressedSize
        #expect(size > 10_000_000, "sheet XML is only \(size) bytes")
        let fromWorkbook = try TableReader.read(path: file)
        let fromCSV = try TableReader.read(path: dir.write("big.csv", csv))
        #expect(fromWorkbook.rowCount == rows.count - 1)
        #expect(fromWorkbook.rejected.isEmpty)
        #expect(fromWorkbook.columnNames == fromCSV.columnNames)
        #expect(fromWorkbook.columns == fromCSV.columns)
    }

    /// Shared strings, as openpyxl and Excel write them, with rich-text runs and phonetic guides.
    @Test func sharedStringsRichRunsAndPhonetics() throws {
        let file = dir.file("sst.xlsx")
        try XLSXWriter(sheets: [.init(name: "Data", rows: [[.text("NAMA")], [.text("x")], [.text("y")]])]).write(to: file)
        try addPart(file, "xl/sharedStrings.xml", """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="urn:s" count="3" uniqueCount="3"><si><t>NAMA</t></si>\
            <si><r><rPr><b/></rPr><t>SITI </t></r><r><t xml:space="preserve">AMINAH</t></r><rPh><t>しち</t></rPh></si>\
            <si><t>A &amp; B</t></si></sst>
            """)
        try rewritePart(file, "xl/worksheets/sheet1.xml") { _ in
            """
            <worksheet xmlns="urn:s"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row></sheetData></worksheet>
            """
        }
        let table = try TableReader.read(path: file)
        #expect(table.column(.name).map { c in [c.string(0), c.string(1)] } == ["SITI AMINAH", "A & B"])
        // An index past the table is a damaged workbook, said with the cell, not its index as a value.
        try rewritePart(file, "xl/worksheets/sheet1.xml") { _ in
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>"
        }
        #expect { try TableReader.read(path: file) } throws: { error in
            (error as? PadanError)?.description.contains("cell A2 names shared string '7', but the workbook has 3") == true
        }
    }

    /// Formula cells with no saved result, and hidden rows, are said, not passed over.
    @Test func formulasWithoutResultsAndHiddenRowsAreReported() throws {
        let file = dir.file("formula.xlsx")
        try XLSXWriter(sheets: [.init(name: "Data", rows: [[.text("NIK"), .text("NAMA")]])]).write(to: file)
        try rewritePart(file, "xl/worksheets/sheet1.xml") { _ in
            """
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>\
            <row r="2" hidden="1"><c r="A2"><f>1+1</f></c><c r="B2" t="str"><f>UPPER("siti")</f><v>SITI</v></c></row></sheetData></worksheet>
            """
        }
        let table = try TableReader.read(path: file)
        #expect(table.rowCount == 1 && table.column(.name)?.string(0) == "SITI" && table.column(.nik)?.string(0) == "")
        #expect(table.warnings.contains { $0.hasPrefix("1 formula cells have no saved result") })
        #expect(table.warnings.contains { $0.hasPrefix("1 rows are hidden") })
    }

    /// An error value (a failed VLOOKUP's #N/A) is nobody's name: read as empty, and said.
    @Test func errorValuesAreReadAsEmptyAndCounted() throws {
        let file = dir.file("errors.xlsx")
        try XLSXWriter(sheets: [.init(name: "Data", rows: [[.text("NIK"), .text("NAMA")]])]).write(to: file)
        try rewritePart(file, "xl/worksheets/sheet1.xml") { _ in
            """
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>\
            <row r="2"><c r="A2"><v>3273011203800001</v></c><c r="B2" t="e"><f>VLOOKUP(A2,X:Y,2,0)</f><v>#N/A</v></c></row>\
            <row r="3"><c r="A3" t="e"><v>#REF!</v></c><c r="B3" t="inlineStr"><is><t>SITI</t></is></c></row></sheetData></worksheet>
            """
        }
        let table = try TableReader.read(path: file)
        #expect(table.rowCount == 2)
        #expect(table.column(.name)?.string(0) == "" && table.column(.nik)?.string(1) == "")
        #expect(table.warnings.contains { $0.hasPrefix("2 cells hold an Excel error value") })
    }

    /// A sheet of 4 MiB or more is inflated on a second thread while it is scanned: a good sheet
    /// reads whole, and a sheet that breaks early, while the inflater waits on a full queue, stops
    /// both threads with the scanner's error.
    @Test func inflatingAlongsideScanning() throws {
        let rows = (2 ... 70_001).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c><c r=\"B\($0)\" t=\"inlineStr\"><is><t>NAMA \($0)</t></is></c></row>" }
        let header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>NO</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>NAMA</t></is></c></row>"
        let good = "<worksheet><sheetData>" + header + rows.joined() + "</sheetData></worksheet>"
        #expect(good.utf8.count >= ZipXMLPart.pipelineBytes)
        let file = dir.file("pipe.xlsx")
        try XLSXWriter(sheets: [.init(name: "Data", rows: [[.text("NO")]])]).write(to: file)
        try rewritePart(file, "xl/worksheets/sheet1.xml") { _ in good }
        let table = try TableReader.read(path: file)
        #expect(table.rowCount == 70_000 && table.column(.name)?.string(69_999) == "NAMA 70001")
        for broken in [10, 69_990] {
            var damaged = rows
            damaged[broken] = "<row r=\"\(broken + 2)\"><c r=\"A1\"></row>"
            try rewritePart(file, "xl/worksheets/sheet1.xml") { _ in "<worksheet><sheetData>" + header + damaged.joined() + "</sheetData></worksheet>" }
            #expect { try TableReader.read(path: file) } throws: { error in
                (error as? PadanError)?.message.contains("does not match <c>") == true
            }
        }
    }

    /// Replaces one part of a workbook with `edit` applied to it.
    func rewritePart(_ path: String, _ part: String, _ edit: (String) -> String) throws {
        let url = URL(fileURLWithPath: path)
        let archive = try Archive(url: url, accessMode: .update)
        let entry = try #require(archive[part])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        try archive.remove(entry)
        try addPart(path, part, edit(String(decoding: data, as: UTF8.self)))
    }

    func addPart(_ path: String, _ part: String, _ text: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .update)
        let data = Data(text.utf8)
        try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position) ..< Int(position) + size)
        }
    }
}
