import Foundation
import Testing
@testable import Padan

@Suite struct DelimitedReaderTests {
    let dir = TemporaryDirectory()

    func read(_ text: String, name: String = "list.csv", options: ReadOptions = ReadOptions()) throws -> Table {
        try TableReader.read(path: dir.write(name, text), options: options)
    }

    func values(_ t: Table, _ column: Int) -> [String] { (0 ..< t.rowCount).map { t.columns[column].string($0) } }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let t = try read("NO,NAMA,ALAMAT\n1,\"AMINAH, SITI\",\"JL. \"\"MAWAR\"\"\nNO 5\"\n2,BUDI,JL. MELATI\n")
        #expect(t.rowCount == 2)
        #expect(values(t, 1) == ["AMINAH, SITI", "BUDI"])
        #expect(values(t, 2) == ["JL. \"MAWAR\"\nNO 5", "JL. MELATI"])
        // The second record starts on line 4 because the first spans lines 2 and 3.
        #expect(t.lineNumbers == [2, 4])
    }

    @Test(arguments: [",", ";", "\t", "|"])
    func detectsDelimiter(delimiter: String) throws {
        let header = ["NIK", "NAMA", "DESA"].joined(separator: delimiter)
        let body = ["1", delimiter == "," ? "\"x, y\"" : "x, y", "z"].joined(separator: delimiter)
        let t = try read("\(header)\n\(body)\n\(body)\n")
        #expect(t.format.delimiter == (delimiter == "\t" ? "\\t" : delimiter))
        #expect(t.columnNames == ["NIK", "NAMA", "DESA"])
        #expect(values(t, 1) == ["x, y", "x, y"])
    }

    @Test func titleLinesWithoutDelimitersDoNotDecideTheDelimiter() throws {
        let t = try read("DAFTAR PENERIMA, TAHAP 2\n\nNIK;NAMA;DESA\n1;SITI;DAGO\n2;BUDI;ISOLA\n")
        #expect(t.format.delimiter == ";")
        #expect(t.format.headerLines == [3])
        #expect(values(t, 1) == ["SITI", "BUDI"])
    }

    @Test func semicolonWinsOverCommasInsideValues() throws {
        let t = try read("NAMA;ALAMAT;RT\nSITI;JL. A, NO 1, BLOK C;2\nBUDI;JL. B, NO 2;3\n")
        #expect(t.format.delimiter == ";")
        #expect(values(t, 1) == ["JL. A, NO 1, BLOK C", "JL. B, NO 2"])
    }

    @Test func byteOrderMarkAndLineEndings() throws {
        let crlf = try TableReader.read(path: dir.write("a.csv", [0xEF, 0xBB, 0xBF] + Array("NIK,NAMA\r\n1,A\r\n2,B\r\n".utf8)))
        #expect(crlf.format.byteOrderMark)
        #expect(crlf.format.lineEndings == "crlf")
        #expect(crlf.columnNames == ["NIK", "NAMA"])
        #expect(values(crlf, 1) == ["A", "B"])
        let cr = try read("NIK,NAMA\r1,A\r2,B", name: "b.csv")
        #expect(cr.format.lineEndings == "cr")
        #expect(values(cr, 1) == ["A", "B"])
        let mixed = try read("NIK,NAMA\r\n1,A\n2,B\r\n", name: "c.csv")
        #expect(mixed.format.lineEndings == "mixed")
        #expect(mixed.rowCount == 2)
    }

    @Test func windows1252FieldsAreDecodedAndCounted() throws {
        // "NUR’AINI" and "RENÉ" as Excel writes them in Windows-1252.
        let bytes: [UInt8] = Array("NAMA;KOTA\nNUR".utf8) + [0x92] + Array("AINI;BANDUNG\nREN".utf8) + [0xC9] + Array(";CIMAHI\nJOKO;GARUT\n".utf8)
        let t = try TableReader.read(path: dir.write("cp.csv", bytes))
        #expect(values(t, 0) == ["NUR’AINI", "RENÉ", "JOKO"])
        #expect(t.format.encoding == "utf-8+windows-1252")
        #expect(t.format.windows1252Fields == 2)
        #expect(t.warnings.contains { $0.contains("Windows-1252") })
    }

    @Test func utf16FromExcelUnicodeText() throws {
        var data = Data([0xFF, 0xFE])
        data.append("NAMA\tDESA\r\nSITI\tCIHAPIT\r\n".data(using: .utf16LittleEndian)!)
        let file = dir.file("u16.txt")
        _ = FileManager.default.createFile(atPath: file, contents: data)
        let t = try TableReader.read(path: file)
        #expect(t.format.encoding == "utf-16")
        #expect(t.columnNames == ["NAMA", "DESA"])
        #expect(values(t, 1) == ["CIHAPIT"])
    }

    @Test func blankLinesAndTrailingDelimitersAreHarmless() throws {
        let t = try read("\n\nNIK;NAMA;\n1;A;\n\n;;\n2;B;\n\n")
        #expect(t.columnNames == ["NIK", "NAMA"])
        #expect(t.rowCount == 2)
        #expect(t.rejected.isEmpty)
        #expect(t.format.blankLines == 5)
        #expect(t.lineNumbers == [4, 7])
        #expect(t.ordinals == [1, 2])
    }

    @Test func raggedRowsAreRejectedWithTheirLine() throws {
        let t = try read("NIK,NAMA,DESA\n1,A,X\n2,B\n3,C,Y,EXTRA\n4,D,Z\n")
        #expect(t.rowCount == 2)
        #expect(t.rejected.map(\.line) == [3, 4])
        #expect(t.rejected[0].reason == "2 fields where the header has 3")
        #expect(t.rejected[1].reason == "4 fields where the header has 3")
        #expect(t.rejected[1].fields == ["3", "C", "Y", "EXTRA"])
        // Ordinals count every data record, so ids of later rows do not shift.
        #expect(t.ordinals == [1, 4])
        #expect(t.id(row: 1) == "4")
    }

    @Test func unbalancedQuoteAtEndOfFileIsARejectedRowNamingItsLine() throws {
        let t = try read("NIK,NAMA\n1,A\n2,\"B\n3,C\n")
        #expect(t.rowCount == 1)
        #expect(t.rejected.count == 1)
        #expect(t.rejected[0].line == 3)
        #expect(t.rejected[0].reason.contains("unterminated quoted field"))
        #expect(t.rejected[0].reason.contains("line 3"))
    }

    @Test func oversizedFieldIsRejectedWithoutKeepingIt() throws {
        let big = String(repeating: "X", count: 10 << 20)
        let t = try read("NIK,NAMA\n1,\(big)\n2,B\n")
        #expect(t.rowCount == 1)
        #expect(t.rejected.count == 1)
        #expect(t.rejected[0].line == 2)
        #expect(t.rejected[0].reason.contains("field 2 (NAMA) is 10485760 bytes, over the limit of 1048576"))
        #expect(t.columns[1].bytes.count == 1)
    }

    @Test func everyChunkBoundaryGivesTheSameTable() throws {
        let text = "NO;NAMA;ALAMAT\r\n1;\"SITI; AMINAH\";\"JL. \"\"A\"\"\r\nNO 1\"\r\n\r\n2;BUDI;JL. B\r\n3;\"C\";\"\"\"\"\r\n"
        let file = dir.write("chunks.csv", text)
        let whole = try TableReader.read(path: file, options: ReadOptions(), chunkSize: 1 << 20)
        #expect(whole.rowCount == 3)
        for size in 1 ... 9 {
            let t = try TableReader.read(path: file, options: ReadOptions(), chunkSize: size)
            #expect(t.columns == whole.columns, "chunk size \(size)")
            #expect(t.lineNumbers == whole.lineNumbers, "chunk size \(size)")
        }
        #expect(whole.columns[2].string(0) == "JL. \"A\"\r\nNO 1")
        #expect(whole.columns[2].string(2) == "\"")
        #expect(whole.lineNumbers == [2, 5, 6])
    }

    @Test func idIsTheRowOrdinalWithoutAnIDColumnAndDuplicatesAreReported() throws {
        let noID = try read("NIK,NAMA\n1,A\n2,B\n", name: "x.csv")
        #expect(noID.roles[.id] == nil)
        #expect((0 ..< 2).map { noID.id(row: $0) } == ["1", "2"])
        let dup = try read("ID,NAMA\n7,A\n8,B\n7,C\n,D\n", name: "y.csv")
        #expect(dup.warnings.contains { $0.contains("'7' on lines 2 and 4") && $0.contains("1 rows have no id") })
        #expect((0 ..< 4).map { dup.id(row: $0) } == ["7#2", "8", "7#4", "#5"])
        #expect(dup.columnNames.prefix(2) == ["ID", "NAMA"])
        #expect(dup.columns[0].string(0) == "7")
        // A made id never equals another row's own id.
        let typed = try read("ID,NAMA\n7,A\n7,B\n7#3,C\n", name: "z.csv")
        #expect((0 ..< 3).map { typed.id(row: $0) } == ["7#2", "7#3#3", "7#3"])
    }

    @Test func explicitDelimiterOverridesDetection() throws {
        let t = try read("NIK;B|NAMA\n1;2|3\n", options: ReadOptions(delimiter: UInt8(ascii: "|")))
        #expect(t.columnNames == ["NIK;B", "NAMA"])
    }

    @Test func rowLimitIsAClearError() throws {
        #expect(throws: PadanError(.limit, file: dir.file("list.csv"), line: 4,
                                   "more than 2 data rows", setting: "max_rows")) {
            try read("NAMA\nSITI\nBUDI\nJOKO\n", options: ReadOptions(maxRows: 2))
        }
    }
}

@Suite struct BadInputTests {
    let dir = TemporaryDirectory()

    func error(_ bytes: [UInt8], name: String = "bad.csv", options: ReadOptions = ReadOptions()) -> PadanError? {
        let file = dir.write(name, bytes)
        do {
            _ = try TableReader.read(path: file, options: options)
            return nil
        } catch let e as PadanError {
            return e
        } catch {
            Issue.record("unexpected error type \(error)")
            return nil
        }
    }

    @Test func emptyFile() {
        let e = error([])
        #expect(e?.description.hasSuffix("bad.csv: the file is empty") == true)
    }

    @Test func onlyBlankLines() {
        #expect(error(Array("\n\r\n\n".utf8))?.message == "the file is empty (no header row)")
    }

    @Test func headerOnly() {
        let e = error(Array("NIK,NAMA\n".utf8))
        #expect(e?.message == "the file has a header but no data rows")
        #expect(e?.line == 1)
    }

    @Test func binaryFile() {
        let e = error([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x13])
        #expect(e?.message.contains("not a text file") == true)
        #expect(e?.kind == .badInput)
    }

    @Test func oldExcelFormat() {
        #expect(error([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], name: "old.xls")?.message.contains(".xls") == true)
    }

    @Test func missingColumnNamedInAFlag() {
        var options = ReadOptions()
        options.mapping.explicit[.nik] = ["NO_NIK"]
        let e = error(Array("NIK,NAMA\n1,A\n".utf8), options: options)
        #expect(e?.line == 1)
        #expect(e?.message == "column 'NO_NIK' given for role nik is not in the header (columns: 'NIK', 'NAMA')")
    }

    @Test func unterminatedQuoteInHeader() {
        let e = error(Array("NIK,\"NAMA\n1,A\n".utf8))
        #expect(e?.message == "unterminated quoted field in the header")
    }

    @Test func missingFileAndDirectory() {
        #expect(throws: PadanError(.badInput, file: dir.file("none.csv"), "no such file")) {
            try TableReader.read(path: dir.file("none.csv"))
        }
        #expect(throws: PadanError(.badInput, file: dir.path, "is a directory, not a file")) {
            try TableReader.read(path: dir.path)
        }
    }

    @Test func xlsxThatIsReallyACSVIsReadAsTextWithAWarning() throws {
        let file = dir.write("list.xlsx", "NIK;NAMA\n1;A\n")
        let t = try TableReader.read(path: file)
        #expect(t.rowCount == 1)
        #expect(t.format.container == "csv")
        #expect(t.warnings.first?.contains("named .xlsx but holds delimited text") == true)
    }

    @Test func corruptXLSX() {
        // A zip signature followed by garbage.
        let e = error([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0x41, count: 200), name: "broken.xlsx")
        #expect(e?.message.contains("not a readable .xlsx workbook") == true)
        #expect(e?.file?.hasSuffix("broken.xlsx") == true)
    }

    @Test func invalidUTF8IsDecodedNotRejected() throws {
        let file = dir.write("latin.csv", Array("NAMA\n".utf8) + [0xC0, 0xFF, 0x41, 0x0A])
        let t = try TableReader.read(path: file)
        #expect(t.columns[0].string(0) == "ÀÿA")
    }
}
