import Foundation
import Testing
@testable import Padan

/// What `link`, `dedupe` and `inspect` say about lists laid out as offices lay them out.
@Suite struct OfficeListCommandTests {
    let dir = TemporaryDirectory()
    let office = repositoryRoot + "/corpora/office/"

    @Test func dedupePrintsTheHeaderAndMappingAndCountsRowsAsInspectDoes() throws {
        let file = office + "concatenated-exports.csv"
        let out = dir.file("hasil")
        let r = try PadanProcess.run(["dedupe", file, "--out", out, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("concatenated-exports.csv (list 'concatenated-exports'): 18 rows read (16 records, 2 rejected); header on line 1"))
        #expect(r.stderr.contains("NIK → nik, NAMA → name"))
        #expect(r.stderr.contains("NO_UNIK → id"))
        #expect(r.stderr.contains("warning: the id column 'NO' is not unique"))
        let summary = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let list = (summary["lists"] as! [[String: Any]])[0]
        let inspect = try PadanProcess.run(["inspect", file, "--json"])
        let profile = try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as! [String: Any]
        #expect(list["rowsRead"] as? Int == profile["rowsRead"] as? Int)
        #expect(list["rejected"] as? Int == profile["rejectedRows"] as? Int)
        // NO restarts at 1 in the second export: no two rows share an id in clusters.csv.
        let clusters = try String(contentsOfFile: out + "/clusters.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let ids = clusters.map { $0.split(separator: ",")[1] }
        #expect(ids.count == 16)
        #expect(Set(ids).count == ids.count)
    }

    @Test func aListWithoutNIKIsLinkedWithAWarning() throws {
        let people = "NAMA,TGL LAHIR,DESA\nSITI AMINAH,17-08-1945,DAGO\nBUDI SANTOSO,01-02-1980,ISOLA\nJOKO,05-06-1970,LEDENG\n"
        let a = dir.write("a.csv", people)
        let b = dir.write("b.csv", people)
        let r = try PadanProcess.run(["link", a, b, "--out", dir.file("hasil")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: no NIK column was found; this list is linked without NIKs"))
    }

    @Test func aListWithNoIdentityColumnIsAnErrorNotARun() throws {
        let good = office + "plain.csv"
        let r = try PadanProcess.run(["link", good, office + "no-identity-columns.csv", "--out", dir.file("hasil")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no-identity-columns.csv:2: no NIK, KK or name column was found"))
        #expect(r.stderr.contains("line 2: 'KECAMATAN | JUMLAH KPM | NOMINAL'"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("hasil")))
    }

    @Test func headerRowOncePerList() throws {
        let a = dir.write("a.csv", "LAPORAN\nNIK,NAMA\n3273015708450001,SITI\n3273010101800002,BUDI\n")
        let b = dir.write("b.csv", "NIK,NAMA\n3273015708450001,SITI\n3273010101800002,BUDI\n")
        let r = try PadanProcess.run(["link", a, b, "--header-row", "2", "--header-row", "1", "--out", dir.file("hasil")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("a.csv (list 'a'): 2 rows read (2 records, 0 rejected); header on line 2 (1 row above it skipped"))
        let wrong = try PadanProcess.run(["link", a, b, "--header-row", "2", "--header-row", "1", "--header-row", "1",
                                          "--out", dir.file("hasil2")])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("--header-row was given 3 times for 2 lists"))
        let bad = try PadanProcess.run(["inspect", a, "--header-row", "x"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--header-row takes a row number"))
    }

    @Test func inspectSaysWhereTheHeaderWasAndWhatWasSplit() throws {
        let r = try PadanProcess.run(["inspect", office + "ttl-column.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("header on line 1"))
        #expect(r.stdout.contains("note: column 'TTL' (place, date of birth) was split into birth_place and birth_date"))
        let html = try PadanProcess.run(["inspect", office + "html-table.xls"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("format: html"))
        #expect(html.stdout.contains("warning: the file is named .xls but is an HTML table (a web page); it was read as one"))
        let xml = try PadanProcess.run(["inspect", office + "spreadsheet-2003.xls"])
        #expect(xml.status == 1)
        #expect(xml.stderr.contains("this is an Excel 2003 XML spreadsheet"))
        #expect(xml.stderr.contains("save it as .xlsx or CSV"))
    }

    @Test func headerRowFromTheConfigurationPerFile() throws {
        // Both first rows look like the header; found, it would be line 1.
        let a = dir.write("a.csv", "NIK,NAMA\nNIK,NAMA\n3273015708450001,SITI\n")
        let config = dir.write("c.yaml", "files:\n  a.csv: {header_row: 2}\n")
        let r = try PadanProcess.run(["inspect", a, "--config", config, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let profile = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((profile["format"] as! [String: Any])["headerLines"] as? [Int] == [2])
        let parsed = try Configuration.parse("header_row: \"4-5\"\nfiles:\n  x.xlsx: {sheet: Data, header_row: 3}\n")
        #expect(parsed.read.headerRows == 4 ... 5)
        #expect(parsed.readOptions(forFile: "/data/x.xlsx").headerRows == 3 ... 3)
        #expect(parsed.readOptions(forFile: "/data/x.xlsx").sheet == "Data")
        #expect(throws: PadanError.self) { try Configuration.parse("header_row: 4-6\n") }
    }

    @Test func aSheetPerFileByColonOrByOneSheetFlagPerList() throws {
        let people: [[XLSXWriter.Cell]] = [
            [.text("NIK"), .text("NAMA")], [.text("3273015708450001"), .text("SITI")], [.text("3273010101800002"), .text("BUDI")],
        ]
        let book = dir.file("buku.xlsx")
        try XLSXWriter(sheets: [.init(name: "Rekap", rows: [[.text("NAMA")], [.text("X")]]),
                                .init(name: "Penerima", rows: people)]).write(to: book)
        let r = try PadanProcess.run(["inspect", book + ":Penerima", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let profile = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((profile["format"] as! [String: Any])["sheet"] as? String == "Penerima")
        #expect(profile["rows"] as? Int == 2)
        let other = dir.file("lain.xlsx")
        try XLSXWriter(sheets: [.init(name: "Data", rows: people)]).write(to: other)
        let link = try PadanProcess.run(["link", book, other, "--sheet", "Penerima", "--sheet", "Data", "--out", dir.file("hasil")])
        #expect(link.status == 0, "\(link.stderr)")
        #expect(link.stderr.contains("buku.xlsx (list 'buku'): 2 rows read (2 records, 0 rejected); header on row 1, sheet 'Penerima'"))
        #expect(link.stderr.contains("lain.xlsx (list 'lain'): 2 rows read (2 records, 0 rejected); header on row 1, sheet 'Data'"))
    }

    @Test func hiddenRowsAreReportedAndLeftOutOnRequest() throws {
        let file = office + "hidden-rows.xlsx"
        let read = try PadanProcess.run(["inspect", file])
        #expect(read.stdout.contains("warning: 2 rows are hidden in the sheet (by hand or by a filter); they were read like the others"))
        let r = try PadanProcess.run(["inspect", file, "--skip-hidden-rows", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let profile = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(profile["rows"] as? Int == 6)
        #expect(profile["rejectedRows"] as? Int == 2)
        let rejected = profile["rejected"] as! [[String: Any]]
        #expect(rejected.map { $0["line"] as? Int } == [3, 4])
        #expect((rejected[0]["reason"] as? String)?.hasPrefix("a hidden row") == true)
    }

    @Test func theSheetReadAndTheOthersAreNamed() throws {
        let r = try PadanProcess.run(["inspect", office + "rekap-first.xlsx"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sheet 'Data' (chosen over the first sheet: its header looks most like a list of people); other sheets: 'Rekap' (no NIK, KK or name column)"))
    }

    @Test func everySheetStackedWithItsNameAsARole() throws {
        var options = ReadOptions(sheet: "*")
        options.mapping.explicit[.district] = ["sheet"]
        let t = try TableReader.read(path: office + "sheet-per-kecamatan.xlsx", options: options)
        #expect(t.rowCount == 12)
        #expect(t.columnNames[t.roles[.district]!] == "sheet")
        #expect(Set((0 ..< 12).map { t.value(.district, row: $0) }) == ["Sukasari", "Coblong", "Cidadap"])
        // Every sheet numbers from 1: the ids name the sheet.
        let ids = (0 ..< 12).map { t.id(row: $0) }
        #expect(Set(ids).count == 12)
        #expect(ids[0] == "1#Sukasari:2")
        #expect(t.format.sheetNote == "3 sheets stacked, with its name in column 'sheet'")
        let cli = try PadanProcess.run(["inspect", office + "rekap-first.xlsx", "--sheet", "*"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(cli.stdout.contains("sheet 'Data' (the only list among the sheets, with its name in column 'sheet')"))
        #expect(cli.stdout.contains("other sheets: 'Rekap' (no NIK, KK or name column)"))
    }
}
