import ArgumentParser
import Foundation
import Padan

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a list and report its format, column roles, rows, rejected rows and fill rates.")

    @Argument(help: "A CSV/TSV file or an .xlsx workbook.")
    var file: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var input: InputOptions

    func run() throws {
        try reportingErrors {
            let table = try TableReader.read(path: file, options: try input.readOptions())
            let profile = TableProfile(table: table)
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
        out += "rows: \(p.rows) read, \(p.rejectedRows) rejected, \(p.format.blankLines) blank lines skipped\n"
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
        for w in p.warnings { out += "warning: \(w)\n" }
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
