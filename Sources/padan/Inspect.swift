import ArgumentParser
import Foundation
import Padan

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a list and report its format, column roles, rows, rejected rows and fill rates.",
        discussion: """
            EXAMPLES:
              padan inspect kota.xlsx
              padan inspect kota.xlsx:Penerima --header-row 4-5
              padan inspect provinsi.csv --column nik="NO INDUK" --json
            """)

    @Argument(help: "A CSV/TSV file or an .xlsx workbook.")
    var file: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var input: InputOptions

    func run() throws {
        try reportingErrors {
            let line = Progress.onTerminal()
            let configuration = try input.configuration()
            let year = try input.referenceDate(configuration).year
            var options = try input.readOptions(configuration, file: file, index: 0, count: 1)
            options.referenceYear = year
            let table = try TableReader.read(path: InputOptions.split(file).path, options: options, progress: line?.reading)
            line?.clear()
            let profile = TableProfile(table: table, referenceYear: year)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(profile), as: UTF8.self))
            } else {
                print(InspectReport.text(profile), terminator: "")
            }
        }
    }
}

enum InspectReport {
    static func text(_ p: TableProfile) -> String {
        var out = "\(p.file)  (list '\(p.list)')\n"
        var fmt = "format: \(p.format.container), encoding \(p.format.encoding)"
        if let d = p.format.delimiter { fmt += ", delimiter '\(d)'" }
        if p.format.byteOrderMark { fmt += ", byte-order mark" }
        if let l = p.format.lineEndings { fmt += ", line ends \(l)" }
        if let s = p.format.sheet { fmt += ", sheet '\(s)'" }
        out += fmt + "\n"
        out += "\(p.header)\n"
        // The same count as link's and dedupe's summary: every data row, records and rejected.
        out += "rows: \(p.rowsRead) read (\(p.rows) records, \(p.rejectedRows) rejected), "
            + "\(p.format.blankLines) blank lines skipped\n"
        out += "\ncolumns:\n"
        let width = max(6, p.columns.map(\.name.count).max() ?? 0)
        out += "  " + pad("header", width) + "  " + pad("role", 12) + "  fill     distinct\n"
        for c in p.columns {
            let fill = String(format: "%6.1f%%", c.fillRate * 100)
            out += "  " + pad(c.name, width) + "  " + pad(c.role ?? "-", 12) + "  " + fill + "  \(c.distinct)\n"
        }
        if !p.missingRoles.isEmpty { out += "\nroles not found: \(p.missingRoles.joined(separator: ", "))\n" }
        if !p.rejected.isEmpty {
            out += "\nrejected rows:\n"
            for r in p.rejected { out += "  line \(r.line): \(r.reason)\n" }
            if p.rejectedRows > p.rejected.count { out += "  ... and \(p.rejectedRows - p.rejected.count) more\n" }
        }
        for n in p.notes { out += "note: \(n)\n" }
        for w in p.warnings { out += "warning: \(w)\n" }
        out += quality(p.quality)
        return out
    }

    static func quality(_ q: QualityProfile) -> String {
        var out = "\ndata quality (reference year \(q.referenceYear)):\n"
        func percent(_ n: Int) -> String { q.rows == 0 ? "" : String(format: "%5.1f%%", Double(n) * 100 / Double(q.rows)) }
        func classes(_ title: String, _ list: [QualityProfile.ClassCount]?) {
            guard let list else { return }
            out += "  \(title):\n"
            for c in list where c.count > 0 {
                var line = "    " + pad(c.nikClass, 20) + String(format: "%8d", c.count) + "  " + percent(c.count)
                if !c.examples.isEmpty { line += "   e.g. " + c.examples.map { "'\($0.value)' (line \($0.line))" }.joined(separator: ", ") }
                out += line + "\n"
            }
        }
        classes("NIK classes", q.nikClasses)
        classes("KK classes", q.kkClasses)
        func agreement(_ title: String, _ a: QualityProfile.AgreementCounts?) {
            guard let a else { return }
            out += "  \(title): \(a.agree) agree, \(a.disagree) disagree, \(a.unknown) unknown\n"
            for e in a.examples { out += "    line \(e.line): NIK \(e.nik) vs '\(e.column)'\n" }
        }
        agreement("NIK vs birth date", q.nikBirthDate)
        agreement("NIK vs sex", q.nikSex)
        if let d = q.duplicateNIKs {
            out += "  duplicate NIKs: \(d.distinct) NIKs on \(d.records) records"
            if !d.largest.isEmpty { out += "; most repeated: " + d.largest.map { "\($0.value) ×\($0.count)" }.joined(separator: ", ") }
            out += "\n"
        }
        if let h = q.householdSizes {
            out += "  household sizes (records per KK): " + h.map { "\($0.value): \($0.count)" }.joined(separator: "  ") + "\n"
        }
        if !q.fillRates.isEmpty {
            out += "  fill rates: " + q.fillRates.map { "\($0.field) " + String(format: "%.1f%%", $0.rate * 100) }.joined(separator: ", ") + "\n"
        }
        if !q.topNameTokens.isEmpty {
            out += "  frequent name tokens: " + q.topNameTokens.map { "\($0.value) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        if let f = q.dateFormats {
            out += "  birth-date formats: " + f.map { "\($0.value) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        if let f = q.dateFlags {
            out += "  birth-date flags: " + f.map { "\($0.value) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        if let s = q.sex {
            out += "  sex: " + s.map { "\($0.value) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
