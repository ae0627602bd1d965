import Foundation
import Testing
import ZIPFoundation
@testable import Padan

/// `hasil.xlsx` as a statistician opens it: its sheets, frozen headers, filters, the decision
/// drop-down, cell types, and a headline that agrees with `summary.json`.
@Suite struct ResultWorkbookTests {
    let dir = TemporaryDirectory()
    let left = repositoryRoot + "/corpora/synth-2k/provinsi.csv"
    let right = repositoryRoot + "/corpora/synth-2k/kota.csv"

    /// Each sheet's name and XML, in workbook order.
    func sheets(_ path: String) throws -> [(name: String, xml: String)] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try #require(archive[name])) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let workbook = try part("xl/workbook.xml")
        let names = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        return try names.indices.map { (names[$0], try part("xl/worksheets/sheet\($0 + 1).xml")) }
    }

    func summary(_ out: String) throws -> LinkSummary {
        try JSONDecoder().decode(LinkSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
    }

    /// The Summary sheet's (label, count) rows.
    func counts(_ path: String, sheet: String) throws -> [String: Int] {
        var options = ReadOptions()
        options.layout = .plain
        options.mapping.guess = false
        options.sheet = sheet
        let t = try TableReader.read(path: path, options: options)
        var out: [String: Int] = [:]
        for r in 0 ..< t.rowCount { if let n = Int(t.columns[1].string(r)) { out[t.columns[0].string(r)] = n } }
        return out
    }

    @Test func theWorkbookHasItsSheetsAndTheyAreReadyToWorkIn() throws {
        let out = dir.file("hasil")
        let run = try PadanProcess.run(["link", left, right, "--out", out, "--review-threshold", "0.05"])
        #expect(run.status == 0, "\(run.stderr)")
        let all = try sheets(out + "/hasil.xlsx")
        #expect(all.map(\.name) == ["Ringkasan", "Di kedua daftar", "Terdaftar ganda", "Hanya di provinsi", "Hanya di kota",
                                    "Perlu diperiksa", "Petunjuk"])
        for sheet in all {
            #expect(sheet.xml.contains("state=\"frozen\""), "\(sheet.name) has no frozen pane")
            if sheet.name != "Petunjuk" { #expect(sheet.xml.contains("<autoFilter ref=\"A"), "\(sheet.name) has no autofilter") }
        }
        let both = all[1].xml, check = all[5].xml
        // Probabilities are numbers (no type attribute); NIKs are text cells in text format.
        let second = try #require(both.components(separatedBy: "<row>").dropFirst(2).first)
        let cells = second.components(separatedBy: "<c")
        // Person, name, NIK, …, probability in the tenth cell.
        #expect(cells[3].hasPrefix(" t=\"inlineStr\" s=\"4\"><is><t>32"), "NIK is not a text cell: \(cells[3])")
        #expect(cells[10].hasPrefix("><v>0.") || cells[10].hasPrefix("><v>1"), "probability is not a number: \(cells[10])")
        // The decision drop-down, on the check sheet's first column.
        #expect(check.contains("<dataValidation type=\"list\"") && check.contains("sqref=\"A2:A"))
        #expect(check.contains("<formula1>\"sesuai,tidak sesuai\"</formula1>"))
        #expect(check.contains("s=\"3\""), "no differing field is highlighted")
        // The Summary's headline equals summary.json's.
        let s = try summary(out), h = try #require(s.headline)
        let table = try counts(out + "/hasil.xlsx", sheet: "Ringkasan")
        let words = ResultWords.indonesian
        #expect(table[words.inBoth(lists: 2)] == h.inSeveralLists)
        #expect(table[words.registeredTwice("provinsi")] == h.lists[0].registeredMoreThanOnce)
        #expect(table[words.onlyIn("kota")] == h.lists[1].onlyInThisList)
        #expect(table[words.toCheck] == h.pairsToCheck && h.pairsToCheck == s.review)
        #expect(h.people == h.inSeveralLists + h.lists.map(\.onlyInThisList).reduce(0, +))
        #expect(h.withinListDoublesSearched)
        // The printed headline says the same, first.
        #expect(run.stdout.hasPrefix("Hasil pemadanan data Padan\n  Orang yang ada di kedua daftar"))
        #expect(run.stdout.contains("\(h.inSeveralLists)\n"))
        #expect(!run.stdout.contains("time:") && !run.stdout.contains("waktu:"))
    }

    @Test func inEnglishWithLangEn() throws {
        let out = dir.file("results")
        let run = try PadanProcess.run(["link", left, right, "--out", out, "--lang", "en", "--no-dedupe", "--verbose"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try sheets(out + "/hasil.xlsx").map(\.name) == ["Summary", "In both lists", "Registered twice", "Only in provinsi",
                                                                "Only in kota", "To check", "Instructions"])
        #expect(run.stdout.hasPrefix("Padan linkage results\n  People in both lists"))
        #expect(run.stdout.contains("Doubles within one list were not searched (--no-dedupe)"))
        #expect(run.stdout.contains("time: "))
        #expect(try summary(out).headline?.withinListDoublesSearched == false)
    }

    @Test func summaryJSONIsAnAuditTrail() throws {
        let out = dir.file("hasil")
        let run = try PadanProcess.run(["link", left, right, "--out", out, "--reference-date", "2024-08-17"])
        #expect(run.status == 0, "\(run.stderr)")
        let s = try summary(out), record = try #require(s.run)
        #expect(s.formatVersion == 2 && record.padanVersion == PadanVersion.current)
        #expect(record.referenceDate == "2024-08-17" && record.effectiveSettings["reference_year"] == "2024")
        #expect(Array(record.commandLine.dropFirst()) == ["link", left, right, "--out", out, "--reference-date", "2024-08-17"])
        #expect(record.inputs.map(\.list) == ["provinsi", "kota"])
        #expect(try record.inputs[0].sha256 == RunRecord.sha256(file: left))
        #expect(record.inputs[0].sha256.count == 64 && record.inputs[0].bytes > 0)
        #expect(s.fingerprint?.count == 16)
        #expect(s.outputFiles.contains("hasil.xlsx") && s.outputFiles.contains("unmatched_provinsi.csv"))
    }

    @Test func badOutputOptionsAreUsageErrors() throws {
        for (flag, value, message) in [("--reference-date", "17-08-2024", "--reference-date takes a date as YYYY-MM-DD, got '17-08-2024'"),
                                       ("--lang", "jv", "--lang takes id or en, got 'jv'"),
                                       ("--csv-dialect", "tsv", "--csv-dialect takes rfc4180 or excel, got 'tsv'")] {
            let out = dir.file("x" + flag)
            let run = try PadanProcess.run(["link", left, right, "--out", out, flag, value])
            #expect(run.status == 1, "\(flag)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // inspect reads against the same reference date.
        let inspect = try PadanProcess.run(["inspect", left, "--reference-date", "2030-01-01"])
        #expect(inspect.status == 0 && inspect.stdout.contains("reference year 2030"), "\(inspect.stdout)")
    }

    @Test func theExcelDialectKeepsNIKsAndAccentsForIndonesianExcel() throws {
        let out = dir.file("excel")
        let run = try PadanProcess.run(["link", left, right, "--out", out, "--csv-dialect", "excel"])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/unmatched_kota.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let header = text.prefix { $0 != "\n" }
        #expect(header.contains(";") && !header.contains(","))
        #expect(text.contains(";=\"32"), "no NIK written as =\"…\"")
        let links = try String(contentsOfFile: out + "/links.csv", encoding: .utf8)
        let second = links.split(separator: "\n")[1].split(separator: ";", omittingEmptySubsequences: false)
        #expect(second[2].contains(",") && !second[2].contains("."), "probability \(second[2]) has no decimal comma")
    }

    @Test func aFileLinkedWithItselfIsWarnedAbout() throws {
        let copy = dir.file("salinan.csv")
        try FileManager.default.copyItem(atPath: left, toPath: copy)
        let same = try PadanProcess.run(["link", left, copy, "--out", dir.file("y"), "--name", "a", "--name", "b"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stderr.contains("is the same file as \(left) (the same bytes): the list is linked with itself"))
    }
}
